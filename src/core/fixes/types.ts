/** What a failed exchange tells us the server must allow. */
export interface FixInput {
  /** Exact origin that must be allowed, e.g. "http://localhost:5173"; "null" for sandboxed or tainted origins. */
  pageOrigin: string;
  /** The API URL that was called, e.g. "http://127.0.0.1:8081/api/items?id=3". */
  targetUrl: string;
  /** Methods that must be allowed (the request's method, case preserved). */
  methods: string[];
  /** Non-safelisted request header names the page sends (lower-case). */
  requestHeaders: string[];
  /**
   * The request's credentials mode: 'include' (cookies / HTTP auth), 'omit', or 'unknown' when the network could
   * not tell (a request stopped by its preflight was never sent). 'unknown' gets a fix that works in both modes.
   */
  credentials: FixCredentials;
  /** Response headers page script needs to read (the network cannot tell: the user names them). */
  exposeHeaders: string[];
  /** The browser sends an OPTIONS preflight for this request. */
  preflight: boolean;
  /** What the server answered the preflight with, when it was not 2xx (e.g. 405). */
  preflightStatus?: number;
  /** Set when the failure happened on a redirect hop. */
  redirect?: { from: string; to: string };
  /** The response failed with this error status (4xx/5xx) and no CORS headers: the server's failure, in disguise. */
  failedStatus?: number;
  /**
   * Local Network Access refused the request before it reached the server: no response header can fix it, only
   * the user's permission, the `targetAddressSpace` option or a same-origin proxy.
   */
  localNetwork?: true;
  maxAge?: number;
}

export type FixCredentials = 'include' | 'omit' | 'unknown';

/** A response header to add: [name, value]. */
export type HeaderPair = [name: string, value: string];

export interface RequiredHeaders {
  /** Headers the OPTIONS preflight response needs; empty when there is no preflight. */
  forPreflight: HeaderPair[];
  /** Headers the actual response needs. */
  forActual: HeaderPair[];
  /** How the OPTIONS route must answer, when it currently answers with a non-2xx status. */
  optionsStatus?: string;
  notes: string[];
}

export type Framework =
  | 'express'
  | 'flask'
  | 'fastapi'
  | 'django'
  | 'go'
  | 'nginx'
  | 'caddy'
  | 'apache'
  | 'aspnetcore'
  | 'spring';

/** Whether CORS Lens's own test suite runs this snippet in a real server and checks it in Chromium. */
export type Verification = { live: true; verifiedWith: string } | { live: false; reason: string };

export interface Snippet {
  framework: Framework;
  title: string;
  /** Language for highlighting: js, python, csharp, nginx, java, go, caddyfile, apache. */
  language: string;
  /** Install command for the library the snippet uses, e.g. "npm install cors". */
  install?: string;
  /** The versions the snippet is written for, e.g. "cors 2.8 on Express 4 or 5". */
  versions: string;
  verification: Verification;
  code: string;
}

/**
 * The input normalised once so every output (headers, snippets) says the same thing.
 * Methods are Fetch-normalised, headers lower-cased and de-duplicated, exposed headers without the safelisted ones.
 */
export interface CorsNeeds {
  origin: string;
  methods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  /** Send Access-Control-Allow-Credentials: true (the mode is 'include' or unknown). */
  credentials: boolean;
  maxAge: number;
  scope: RouteScope;
}

/** The part of the server the fix applies to, derived from the target URL's path. */
export interface RouteScope {
  /** Path prefix: "/api/" (a directory), "/graphql" (a single-segment path) or "/" (everything). */
  prefix: string;
  /** The prefix as a mount path without trailing slash ("/api", "/graphql"); "" for the root. */
  mount: string;
}
