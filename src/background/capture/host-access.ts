// Whether capture can see requests at all: host access to every site, forgotten the moment it changes
// (permissions.onAdded/onRemoved), and asked again at most every ten seconds in case a change went unannounced:
// every streamed update carries it, and asking once a second was a visible share of a busy page's capture work.
import { ALL_HOSTS } from '../../core/rules';
import { browser } from '../../shared/browser';

let cached: { granted: boolean; at: number } | undefined;
const REASK_MS = 10_000;

export async function hasHostAccess(): Promise<boolean> {
  const now = Date.now();
  if (cached === undefined || now - cached.at > REASK_MS)
    cached = { granted: await browser.permissions.contains({ origins: [...ALL_HOSTS] }), at: now };
  return cached.granted;
}

export function forgetHostAccess(): void {
  cached = undefined;
}

/** The answer last given, without asking: for a message that must leave in the task that made it. */
export function lastKnownHostAccess(): boolean | undefined {
  return cached?.granted;
}
