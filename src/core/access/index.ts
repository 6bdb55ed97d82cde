// Host access asked in context: the patterns to ask for, and the action that waits for the browser's answer.
export { ALL_HOSTS, hostPattern, hostPatterns } from './host-pattern';
export { type Parsed, parseAfterGrant, parseGrantId, parseHostPatterns } from './parse-pending-grant';
export { type AfterGrant, PENDING_GRANT_TTL_MS, type PendingGrant } from './types';
