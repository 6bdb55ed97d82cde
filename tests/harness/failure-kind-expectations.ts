// What the panel must show for each "looks like CORS" lab scenario, checked on the panel's rendered text only (a
// row's verdict cell, the detail pane's text), so any harness that can read the panel (a tab today, real DevTools
// later) can reuse these checks. The expected words are written out here, not taken from the product.
import { expect } from 'vitest';

export type Browser = 'chromium' | 'firefox';

/** The kind of failure each scenario's row names, before its reason. */
export const ROW_KIND: Record<string, string> = {
  'server-error-500': 'server error 500',
  'server-error-401': 'server error 401',
  'server-error-404': 'server error 404',
  'preflight-refused-401': 'preflight refused 401',
  'redirect-tainted': 'redirect',
  'scheme-data-redirect': 'scheme',
  'not-sent-dropped': 'not sent',
  'local-network': 'local network',
  'local-network-preflight': 'local network',
};

/** Words the detail pane's headline must contain, per scenario, in both browsers. */
const HEADLINE: Record<string, string[]> = {
  'server-error-500': [
    'The server failed (500 Internal Server Error) and its error response lacks CORS headers',
    'text/plain',
    'Copy as cURL',
    'error responses too',
  ],
  'server-error-401': ['The server failed (401 Unauthorized)', 'auth middleware'],
  'server-error-404': ['The server failed (404 Not Found)', 'no route for this method and URL'],
  'preflight-refused-401': [
    'The preflight was refused (status 401)',
    'authentication refused the preflight',
    'No response header can change a status',
  ],
  'redirect-tainted': ['A redirect CORS forbids', 'tainted origin'],
  'scheme-data-redirect': ['A scheme block: CORS works only over http and https', 'Mixed content'],
  'not-sent-dropped': [
    'No response: the network failed, not CORS',
    'closed the connection without answering',
  ],
  'local-network': localNetworkWords(),
  'local-network-preflight': localNetworkWords(),
};

function localNetworkWords(): string[] {
  return [
    'Local-network permission: this page may not reach this device (loopback)',
    '`loopback-network`',
    'Access-Control-Allow-Private-Network no longer helps',
    "targetAddressSpace: 'loopback'",
    'dev server’s proxy',
  ];
}

/** What each browser says in its own words, per scenario (webRequest errors and console reasons, measured). */
const BROWSER_WORDS: Record<Browser, Record<string, string[]>> = {
  chromium: {
    'local-network': ['Chromium reported net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS'],
    'local-network-preflight': ['Chromium reported only net::ERR_FAILED for the preflight and the request'],
    'not-sent-dropped': ['net::ERR_EMPTY_RESPONSE'],
  },
  firefox: {
    'local-network': [
      'Firefox refused it with NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED',
      'CORS request did not succeed',
    ],
    'local-network-preflight': ['Firefox refused it with NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED'],
    'not-sent-dropped': ['NS_ERROR_NET_RESET', 'Firefox still logs it as'],
  },
};

/** The kind each of the lab's original scenarios shows when blocked (see scenarios.mjs `scenarios`). */
export function mainScenarioKind(scenario: string): string {
  return scenario === 'preflight-405' ? 'preflight refused 405' : 'CORS config';
}

/** A blocked row reads "blocked · <kind> · <reason>", the reason being the CorsError name or the browser's error. */
export function expectFailureRow(verdictCell: string, scenario: string, reason: string): void {
  const kind = ROW_KIND[scenario];
  if (kind === undefined) throw new Error(`no expected kind for scenario ${scenario}`);
  expect(verdictCell, scenario).toBe(`blocked · ${kind} · ${reason}`);
}

/** The detail pane opens with the headline, before the Chromium error name when there is one. */
export function expectFailureHeadline(detailText: string, scenario: string, browser: Browser): void {
  const words = [...(HEADLINE[scenario] ?? []), ...(BROWSER_WORDS[browser][scenario] ?? [])];
  if (words.length === 0) throw new Error(`no expected headline for scenario ${scenario}`);
  for (const word of words) expect(detailText, `${scenario}: ${word}`).toContain(word);
  const chromiumName = detailText.indexOf('Chromium error');
  if (chromiumName !== -1)
    expect(detailText.indexOf(words[0] as string), scenario).toBeLessThan(chromiumName);
  // Never the sentence a Local Network Access refusal used to get.
  if (scenario.startsWith('local-network'))
    expect(detailText, scenario).not.toContain('got no response (a network error');
}

/** A request sent on a cached preflight: the Max-Age it came from and the warning. */
export function expectCachedPreflightNotice(detailText: string): void {
  expect(detailText).toContain('Sent without a preflight: the browser answered it from its preflight cache');
  expect(detailText).toContain('`Access-Control-Max-Age: 600` keeps it until');
  expect(detailText).toContain('stays invisible');
}

/** Every exchange relying on * covering Authorization: warned in the row, explained with the fix in the detail. */
export function expectWildcardAuthorization(verdictCell: string, detailText: string): void {
  expect(verdictCell).toContain('⚠ Authorization via *');
  expect(detailText).toContain('One-line fix: `Access-Control-Allow-Headers: authorization`');
}
