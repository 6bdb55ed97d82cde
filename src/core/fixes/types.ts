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
  /** The request was sent with credentials: 'include' (cookies / HTTP auth). */
  credentials: boolean;
  /** Response headers page script needs to read. */
  exposeHeaders: string[];
  /** The browser sends an OPTIONS preflight for this request. */
  preflight: boolean;
  /** What the server answered the preflight with, when it was not 2xx (e.g. 405). */
  preflightStatus?: number;
  /** Set when the failure happened on a redirect hop. */
  redirect?: { from: string; to: string };
  maxAge?: number;
}

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

export type Framework = 'express' | 'flask' | 'aspnetcore' | 'nginx' | 'fastapi' | 'django' | 'spring' | 'go';

export interface Snippet {
  framework: Framework;
  title: string;
  /** Language for highlighting: js, python, csharp, nginx, java, go. */
  language: string;
  /** Install command for the library the snippet uses, e.g. "npm install cors". */
  install?: string;
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
