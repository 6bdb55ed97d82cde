/**
 * Whether an override can rescue a preflight answered with `status`. Fetch §4.8 requires an ok status (2xx) and
 * a DNR rule can add headers but cannot change a status (declarativeNetRequest's modifyHeaders action edits
 * headers only; no action sets a status), so only 2xx preflights are fixable.
 */
export function preflightFixableByHeaders(status: number): boolean {
  return Number.isInteger(status) && status >= 200 && status <= 299;
}

/** What to tell the user when it is not. */
export function preflightStatusMessage(status: number): string {
  return `The server answered the preflight (OPTIONS) with ${status}. An override can add headers but cannot change a status code, so this request will still fail. Make the server answer OPTIONS with a 2xx status (204 is usual).`;
}
