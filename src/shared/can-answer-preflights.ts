import { browser } from './browser';

/**
 * Whether this browser can answer preflights (Chromium): the build declares the "debugger" permission, optional,
 * for Chromium only (vite.config.ts). False where the manifest cannot be read (a test's fake browser).
 */
export function canAnswerPreflights(): boolean {
  try {
    const { optional_permissions = [], permissions = [] } = browser.runtime.getManifest();
    return [...optional_permissions, ...permissions].includes('debugger' as never);
  } catch {
    return false;
  }
}
