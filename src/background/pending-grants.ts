// Host access asked in context: what a page wanted done once the browser's prompt is answered. Chrome closes the
// popup when its permission prompt opens, and Firefox's DevTools panels have no permissions API at all, so the
// page that asked is often gone when access arrives; the background finishes the job (permissions.onAdded).
import {
  type AfterGrant,
  type GrantRegistration,
  PENDING_GRANT_TTL_MS,
  type PendingGrant,
} from '../core/access';
import { browser } from '../shared/browser';
import type { GrantState } from '../shared/messages';
import type { Handlers, Refusals } from './handler-types';
import { handle } from './handlers';

const KEY = 'pendingGrants';

let queue: Promise<unknown> = Promise.resolve();
/** One change at a time: the popup's own `access/complete` and permissions.onAdded race for the same grant. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

async function load(now: number): Promise<Record<string, PendingGrant>> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  const all = typeof stored === 'object' && stored !== null ? (stored as Record<string, PendingGrant>) : {};
  return Object.fromEntries(Object.entries(all).filter(([, g]) => now - g.at < PENDING_GRANT_TTL_MS));
}

const save = (grants: Record<string, PendingGrant>) => browser.storage.session.set({ [KEY]: grants });

/** Runs the action as the message it stands for, parsed like any message that arrives. */
function perform(action: AfterGrant): Promise<unknown> {
  if (action.type === 'capture') return Promise.resolve(null); // capture follows host access (capture-service.ts)
  return handle({ ...action.request, type: action.type }) ?? Promise.resolve(null);
}

function stateOf(grant: PendingGrant | undefined): GrantState {
  if (grant === undefined) return { state: 'unknown' };
  if (grant.outcome === undefined) return { state: 'waiting' };
  return grant.outcome.kind === 'done'
    ? { state: 'done', result: grant.outcome.result }
    : { state: 'declined' };
}

/** Runs the grant's action if access now covers it and it has not run; the caller holds the queue. */
async function completeIfGranted(grants: Record<string, PendingGrant>, id: string): Promise<boolean> {
  const grant = grants[id];
  if (grant === undefined || grant.outcome !== undefined) return false;
  const wanted = { origins: grant.origins, permissions: (grant.permissions ?? []) as never[] };
  if (!(await browser.permissions.contains(wanted))) return false;
  grants[id] = { ...grant, outcome: { kind: 'done', result: await perform(grant.action) } };
  return true;
}

/** permissions.onAdded: every waiting request that the new access covers is done now. */
export function completePendingGrants(): Promise<void> {
  return serial(async () => {
    const grants = await load(Date.now());
    let changed = false;
    for (const id of Object.keys(grants)) changed = (await completeIfGranted(grants, id)) || changed;
    if (changed) await save(grants);
  });
}

function register(registration: GrantRegistration): Promise<void> {
  return serial(async () => {
    const now = Date.now();
    const grants = await load(now);
    grants[registration.id] ??= { ...registration, at: now };
    await save(grants);
  });
}

function withGrant(
  id: string,
  change: (grants: Record<string, PendingGrant>, id: string) => Promise<boolean>,
) {
  return serial(async () => {
    const grants = await load(Date.now());
    if (await change(grants, id)) await save(grants);
    return stateOf(grants[id]);
  });
}

export const grantHandlers: Pick<
  Handlers,
  'access/after-grant' | 'access/open-grant-page' | 'access/describe' | 'access/complete' | 'access/decline'
> = {
  'access/after-grant': async (request) => {
    await register(request);
    return {};
  },
  'access/open-grant-page': async (request) => {
    await register(request);
    const { id } = request;
    // A small window of its own: the DevTools toolbox that asked stays visible beside it.
    const url = browser.runtime.getURL(`src/grant/index.html?id=${encodeURIComponent(id)}`);
    await browser.windows.create({ url, type: 'popup', width: 520, height: 420 });
    return {};
  },
  'access/describe': async ({ id }) => {
    const grant = (await load(Date.now()))[id];
    return grant === undefined ? { missing: true } : { origins: grant.origins, action: grant.action.type };
  },
  'access/complete': ({ id }) => withGrant(id, completeIfGranted),
  'access/decline': ({ id }) =>
    withGrant(id, async (grants, key) => {
      const grant = grants[key];
      if (grant === undefined || grant.outcome !== undefined) return false;
      grants[key] = { ...grant, outcome: { kind: 'declined' } };
      return true;
    }),
};

/** Access messages whose fields do not parse: the errors, or "no such request". */
export const grantRefusals: Pick<
  Refusals,
  'access/after-grant' | 'access/open-grant-page' | 'access/describe' | 'access/complete' | 'access/decline'
> = {
  'access/after-grant': (errors) => ({ errors }),
  'access/open-grant-page': (errors) => ({ errors }),
  'access/describe': () => ({ missing: true }),
  'access/complete': () => ({ state: 'unknown' }),
  'access/decline': () => ({ state: 'unknown' }),
};
