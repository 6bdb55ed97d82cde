import type { Lifetime } from './types';

/** The methods a new rule allows when none were observed: the ones REST APIs use. */
export const DEFAULT_METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** `content-type` is the header a JSON request needs allowed (application/json is not safelisted). */
export const DEFAULT_REQUEST_HEADERS: readonly string[] = ['content-type'];

export const DEFAULT_LIFETIME: Lifetime = '1h';

/** Fetch lets Access-Control-Max-Age be anything; we cap at Firefox's ceiling (Chromium caps at 7200). */
export const MAX_AGE_LIMIT = 86_400;
