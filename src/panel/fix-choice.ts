import { DEV_SERVERS, type DevServer, type FixPreferences, isFramework } from '../core/fixes';

export const FIX_CHOICE_KEY = 'cors-lens/panel/fix-choice';

/** The stack and dev server the user picked last, from localStorage; unknown or corrupt values are dropped. */
export function readFixChoice(): FixPreferences {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(FIX_CHOICE_KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { framework, devServer } = parsed as Record<string, unknown>;
    return {
      ...(isFramework(framework) ? { framework } : {}),
      ...(isDevServer(devServer) ? { devServer } : {}),
    };
  } catch {
    return {};
  }
}

export function saveFixChoice(choice: FixPreferences): void {
  try {
    localStorage.setItem(FIX_CHOICE_KEY, JSON.stringify(choice));
  } catch {
    // Storage can be disabled: the choice then lasts as long as the panel.
  }
}

function isDevServer(value: unknown): value is DevServer {
  return typeof value === 'string' && (DEV_SERVERS as readonly string[]).includes(value);
}
