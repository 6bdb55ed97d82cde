// Answering preflights the server refuses (Chromium, opt-in per rule): the pure decisions behind the background's
// DevTools-protocol session (src/background/rescue). No browser API here.
export { decidePaused, type PausedAction, type PausedRequest, rescuingRule } from './decide-paused';
export { fetchPatternFor } from './fetch-pattern-for';
export { parseRescueStatusRequest } from './parse-rescue-status-request';
export { type RescuePlan, rescuePlan } from './rescue-plan';
