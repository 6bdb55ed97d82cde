// Host access asked in context: the action that waits for the browser's answer, and its messages' parsers.
export { type GrantRegistration, parseGrantIdRequest, parseGrantRegistration } from './parse-pending-grant';
export { type AfterGrant, PENDING_GRANT_TTL_MS, type PendingGrant } from './types';
