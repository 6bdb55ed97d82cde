import type { RULES_VERSION } from './defaults';

/** How long an override stays in force. 'session' ends at browser restart; 'pinned' until removed. */
export type Lifetime = '15m' | '1h' | '8h' | 'session' | 'pinned';

export const LIFETIMES: readonly Lifetime[] = ['15m', '1h', '8h', 'session', 'pinned'];

/** What an override lets the page read: one origin, optionally only below a path prefix. */
export interface RuleTarget {
  /** Serialized http(s) origin, e.g. `https://api.example.com`. */
  origin: string;
  /** Starts with '/'; '/' means the whole origin. */
  pathPrefix: string;
}

/** One page origin allowed to read one target. Stored as data; DNR rules are derived from it. */
export interface OverrideRule {
  id: string;
  /** Serialized http(s) origin: exact scheme, host and port. Never a wildcard. */
  pageOrigin: string;
  target: RuleTarget;
  /** Allowed methods, case preserved (fetch sends `patch` as written). */
  methods: string[];
  /** Allowed request header names, lower-case. */
  requestHeaders: string[];
  credentials: boolean;
  /** Response header names exposed to script, lower-case. */
  exposeHeaders: string[];
  /** Access-Control-Max-Age in seconds, 0..86400; absent: the browser's default. */
  maxAge?: number;
  lifetime: Lifetime;
  /** ms since epoch. */
  createdAt: number;
  /** ms since epoch; null for 'session' and 'pinned'. */
  expiresAt: number | null;
  enabled: boolean;
  /**
   * Chromium only, opt-in: while the rule is in force, CORS Lens answers the page's CORS preflights to the target
   * that the server refuses (non-2xx, redirect) itself, through the DevTools protocol (src/background/rescue).
   * Absent means off: rules stored before this option existed read as off, so no migration step is needed.
   */
  answerPreflights?: true;
}

/** What storage.local holds, versioned (see migrations.ts). */
export interface RulesState {
  version: typeof RULES_VERSION;
  rules: OverrideRule[];
  /** The global off switch: false keeps every rule but applies none. */
  overridesEnabled: boolean;
}

/** A checked form value: the normalised value (with a note when we changed or assumed something), or why not. */
export type Validation<T> = { ok: true; value: T; note?: string } | { ok: false; message: string };

/** A problem with one field of a rule, worded for display next to that field. */
export interface FieldError {
  field: string;
  message: string;
}

/** A parsed message or form: the value, or every problem with it, field by field. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * What the rule editor sends to save a rule: a rule's fields as typed (the target as one URL, no timestamps; no id
 * for a new rule), checked in the background.
 */
export type RuleDraft = Omit<OverrideRule, 'id' | 'target' | 'createdAt' | 'expiresAt'> & {
  id?: string;
  target: string;
};
