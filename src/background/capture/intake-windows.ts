// How long webRequest events wait before capture takes them in (capture-intake.ts). A file of its own, without
// browser APIs, so that the end-to-end tests read the same numbers.

/**
 * webRequest events wait in a queue and are taken in batches: once the page has been quiet this long, and at the
 * latest this long after the first one waiting. A busy page's events are then worked on together, between its own
 * bursts and once it is done, rather than one by one while it loads; and a batch's rows reach the panels in one
 * message. Measured side by side on the bench page in Chromium 156 (two cores), against taking each event in its own
 * task: page load over the floor −26 and −30 ms per load in two runs (1.089× → 1.051×, 1.103× → 1.058×), the worker's
 * thread 9–21 ms less CPU per load, messages to the panel 468 → 100 over 20 loads. The price: a row shows at most
 * 100 ms later, and a worker stopped abruptly (a crash; a panel's heartbeat keeps it running otherwise) loses the
 * events of the batch it had not taken.
 */
export const INTAKE_QUIET_MS = 20;
export const INTAKE_LATEST_MS = 100;
