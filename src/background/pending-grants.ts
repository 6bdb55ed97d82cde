// Host access asked in context: what a page wanted done once the browser's prompt is answered. Chrome closes the
// popup when its permission prompt opens, and Firefox's DevTools panels have no permissions API at all, so the
// page that asked is often gone when access arrives; the background finishes the job (permissions.onAdded).
import {
  type AfterGrant,
  PENDING_GRANT_TTL_MS,
  type PendingGrant,
  parseAfterGrant,
  parseGrantId,
  parseHostPatterns,
} from '../core/access';
import { browser } from '../shared/browser';
import type { GrantState } from '../shared/messages';
import type { Handlers } from './handler-types';
import { rulesHandlers } from './rules-service';

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

async function perform(action: AfterGrant): Promise<unknown> {
  switch (action.type) {
    case 'capture':
      return null; // capture follows host access by itself (capture-service.ts)
    case 'rules/allow':
      return rulesHandlers['rules/allow']({
        type: 'rules/allow',
        ...(action.request as { pageOrigin: string; target: string }),
      });
    case 'rules/save':
      return rulesHandlers['rules/save']({ type: 'rules/save', draft: action.request.draft });
  }
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
  if (!(await browser.permissions.contains({ origins: grant.origins }))) return false;
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

type Registration = { id: string; origins: string[]; action: AfterGrant };

function parseRegistration(request: { id: unknown; origins: unknown; action: unknown }): Registration {
  const id = parseGrantId(request.id);
  const origins = parseHostPatterns(request.origins);
  const action = parseAfterGrant(request.action);
  for (const parsed of [id, origins, action])
    if (!parsed.ok) throw new Error(`Access request: ${parsed.message}`);
  return {
    id: (id as { value: string }).value,
    origins: (origins as { value: string[] }).value,
    action: (action as { value: AfterGrant }).value,
  };
}

function register(request: { id: unknown; origins: unknown; action: unknown }): Promise<Registration> {
  const registration = parseRegistration(request);
  return serial(async () => {
    const now = Date.now();
    const grants = await load(now);
    grants[registration.id] ??= { ...registration, at: now };
    await save(grants);
    return registration;
  });
}

function withGrant(
  id: unknown,
  change: (grants: Record<string, PendingGrant>, id: string) => Promise<boolean>,
) {
  const parsed = parseGrantId(id);
  if (!parsed.ok) return Promise.resolve<GrantState>({ state: 'unknown' });
  return serial(async () => {
    const grants = await load(Date.now());
    if (await change(grants, parsed.value)) await save(grants);
    return stateOf(grants[parsed.value]);
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
    const { id } = await register(request);
    // A small window of its own: the DevTools toolbox that asked stays visible beside it.
    const url = browser.runtime.getURL(`src/grant/index.html?id=${encodeURIComponent(id)}`);
    await browser.windows.create({ url, type: 'popup', width: 520, height: 420 });
    return {};
  },
  'access/describe': async ({ id }) => {
    const parsed = parseGrantId(id);
    const grant = parsed.ok ? (await load(Date.now()))[parsed.value] : undefined;
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
