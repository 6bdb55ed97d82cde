// Asking for host access in context, in every page that can ask: the popup, the DevTools panel, the rule editor.
import type { AfterGrant } from '../core/access';
import { hostPattern } from '../core/rules';
import { browser } from './browser';
import type { GrantState } from './messages';
import { send } from './send';

export type AccessOutcome =
  /** Access is granted and the action ran: `result` is its answer (e.g. rules/allow's result; null for capture). */
  | { kind: 'done'; result: unknown }
  | { kind: 'denied' }
  /** Nothing came back in time (the grant window was left open, or the background did not answer). */
  | { kind: 'timeout' };

export interface AccessOptions {
  /** Called when a CORS Lens window had to ask instead of this page (Firefox DevTools panels). */
  onAskingElsewhere?: () => void;
  /** API permissions to ask in the same prompt (`debugger`, for answering preflights in Chromium). */
  permissions?: string[];
}

const POLL_MS = 1_000;
const WAIT_MS = 3 * 60_000;

type Permissions = { request(p: { origins?: string[]; permissions?: string[] }): Promise<boolean> };

/**
 * Asks for host access to `origins`, then has `action` done exactly once. Call it synchronously from a click
 * handler: browsers show the prompt only during a user gesture.
 *
 * The background is told what to do *before* the prompt opens and does it itself on permissions.onAdded, because
 * the prompt can end this page (Chrome closes the popup). A page without the permissions API (Firefox gives DevTools
 * panels none) asks the background to open a small CORS Lens window that asks instead, and waits for its answer.
 */
export function requestAccessThen(
  origins: readonly string[],
  action: AfterGrant,
  options: AccessOptions = {},
): Promise<AccessOutcome> {
  const id = crypto.randomUUID();
  let patterns: string[];
  try {
    patterns = [...new Set(origins.map(hostPattern))];
  } catch {
    return Promise.reject(new Error(`Not a web origin: ${origins.join(', ')}`));
  }
  const permissions = (browser as unknown as { permissions?: Partial<Permissions> }).permissions;
  const wanted = options.permissions?.length ? { permissions: options.permissions } : {};
  if (typeof permissions?.request !== 'function') {
    return send('access/open-grant-page', { id, origins: patterns, ...wanted, action }).then(() => {
      options.onAskingElsewhere?.();
      return waitForGrant(id);
    });
  }
  // Not awaited: the prompt must open in this very task, while the click's user gesture holds.
  const registered = send('access/after-grant', { id, origins: patterns, ...wanted, action });
  const prompt = permissions.request({ ...(patterns.length ? { origins: patterns } : {}), ...wanted });
  return Promise.all([registered, prompt]).then(async ([, granted]) => {
    if (!granted) {
      void send('access/decline', { id });
      return { kind: 'denied' };
    }
    return waitForGrant(id);
  });
}

function outcomeOf(state: GrantState): AccessOutcome | undefined {
  if (state.state === 'done') return { kind: 'done', result: state.result };
  if (state.state === 'declined') return { kind: 'denied' };
  return undefined;
}

/** Polls the background until the grant window's answer is in (it completes the action itself). */
async function waitForGrant(id: string): Promise<AccessOutcome> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const outcome = outcomeOf(await send('access/complete', { id }));
    if (outcome) return outcome;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { kind: 'timeout' };
}
