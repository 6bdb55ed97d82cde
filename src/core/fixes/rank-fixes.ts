import { FRAMEWORKS } from './frameworks';
import { guessDevServer } from './proxy/guess-dev-server';
import { isLocalDevOrigin } from './proxy/is-local-dev-origin';
import { DEV_SERVERS } from './proxy/proxy-fixes';
import type { DevServer } from './proxy/types';
import type { Framework } from './types';

export type FixKind = 'proxy' | 'server';

export interface FixPreferences {
  /** The server stack the user picked last time, if any. */
  framework?: Framework;
  /** The dev server the user picked last time, if any. */
  devServer?: DevServer;
}

export interface RankedFixes {
  /** Most useful first. */
  kinds: [FixKind, FixKind];
  /** Why the first one comes first, in a sentence. */
  reason: string;
  /** Server frameworks, the picked one first. */
  frameworks: Framework[];
  /** Dev servers, the picked (or guessed) one first. */
  devServers: DevServer[];
}

/**
 * Which fix to show first: a page on this machine is a dev server, where a proxy fixes the request without
 * touching the API; any other page needs the server fix, for the stack the user works with.
 */
export function rankFixes(pageOrigin: string, preferences: FixPreferences): RankedFixes {
  const local = isLocalDevOrigin(pageOrigin);
  const framework = preferences.framework ?? 'express';
  const devServer = preferences.devServer ?? guessDevServer(pageOrigin);
  return {
    kinds: local ? ['proxy', 'server'] : ['server', 'proxy'],
    reason: local
      ? 'The page runs on this machine, so its dev server can forward the API under its own origin: same-origin requests need no CORS and no change to the API.'
      : "The page is not on a local dev server: the API's server must send the CORS headers.",
    frameworks: firstThenRest(FRAMEWORKS, framework),
    devServers: firstThenRest(DEV_SERVERS, devServer),
  };
}

function firstThenRest<T>(all: readonly T[], first: T): T[] {
  return [first, ...all.filter((item) => item !== first)];
}
