import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const distChrome = `${repoRoot}dist/chrome`;
export const distFirefox = `${repoRoot}dist/firefox`;
export const outDir = `${repoRoot}out`;
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Fails with the command that fixes it, never skips: a missing browser is a broken machine, not a pass. */
export function requireFile(path: string, fix: string): void {
  if (!existsSync(path)) throw new Error(`${path} is missing. Fix: ${fix}`);
}

export function requireBuild(dir: string): void {
  requireFile(`${dir}/manifest.json`, "run 'npm run build' first (npm test does it for you)");
}
