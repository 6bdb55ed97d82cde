// chrome.debugger, the only way an extension can answer a request itself in Chromium (the DevTools protocol's Fetch
// domain). Absent in Firefox, and in Chromium until the optional "debugger" permission is granted.
import { browser } from '../../shared/browser';
import { canAnswerPreflights } from '../../shared/can-answer-preflights';

export type Debuggee = { tabId?: number };

/** The promise-based chrome.debugger surface the rescue uses (MV3: every method returns a promise). */
export interface DebuggerApi {
  attach(target: Debuggee, requiredVersion: string): Promise<void>;
  detach(target: Debuggee): Promise<void>;
  sendCommand(target: Debuggee, method: string, params?: object): Promise<unknown>;
  onEvent: DebuggerEvent<(source: Debuggee, method: string, params?: unknown) => void>;
  onDetach: DebuggerEvent<(source: Debuggee, reason: string) => void>;
}

interface DebuggerEvent<L> {
  addListener(listener: L): void;
  hasListener(listener: L): boolean;
}

/** The API, when this browser has it and the permission is granted. */
export function debuggerApi(): DebuggerApi | undefined {
  return (browser as unknown as { debugger?: DebuggerApi }).debugger;
}

export async function hasDebuggerPermission(): Promise<boolean> {
  if (!canAnswerPreflights()) return false;
  try {
    return await browser.permissions.contains({ permissions: ['debugger' as never] });
  } catch {
    return false;
  }
}
