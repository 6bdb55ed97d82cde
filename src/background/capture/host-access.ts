// Whether capture can see requests at all: host access to every site, asked of the browser at most once a second
// (every streamed update carries it), forgotten the moment it changes.
import { ALL_HOSTS } from '../../core/rules';
import { browser } from '../../shared/browser';

let cached: { granted: boolean; at: number } | undefined;

export async function hasHostAccess(): Promise<boolean> {
  const now = Date.now();
  if (cached === undefined || now - cached.at > 1_000)
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
