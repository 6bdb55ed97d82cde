import type { FailureKind, FailureKindId } from './failure-kind';
import { FAILURE_KIND_LABELS } from './failure-kind-labels';
import { getNormalizedHeader } from './get-normalized-header';
import { localNetworkAdvice } from './local-network-advice';
import { networkErrorHint, notSentCause } from './not-sent-cause';
import type { HeaderList, Verdict } from './types';

export interface HeadlineInput {
  kind: FailureKind;
  verdict: Verdict;
  pageOrigin: string;
  /** The URL the failing request went to. */
  url: string;
  /** What the browser reported instead of a response (the request's, else its preflight's error). */
  networkError?: string;
  /** The final response, when there was one. */
  response?: { status: number; statusLine?: string; headers: HeaderList };
}

/** What the failure is, in one line, with what to do: shown before the CorsError name. */
export interface FailureHeadline {
  kind: FailureKindId;
  /** The kind in the filter's words. */
  label: string;
  title: string;
  details: string[];
  waysOut: string[];
}

export function failureHeadline(input: HeadlineInput): FailureHeadline {
  const { kind, verdict } = input;
  const headline = (title: string, details: string[] = [], waysOut: string[] = []): FailureHeadline => ({
    kind: kind.id,
    label: FAILURE_KIND_LABELS[kind.id],
    title,
    details,
    waysOut,
  });
  switch (kind.id) {
    case 'local-network': {
      const advice = localNetworkAdvice(input);
      return headline(advice.title, advice.details, advice.waysOut);
    }
    case 'server-error':
      return serverError(input, headline);
    case 'preflight-refused': {
      const status = kind.status ?? 0;
      return headline(
        `The preflight was refused (status ${status}): the server answered OPTIONS with an error`,
        [
          `${preflightHint(status)} A preflight never carries cookies or Authorization, so authentication must let OPTIONS through.`,
          'No response header can change a status (an override cannot either): the server, or the proxy in front of it, must answer OPTIONS with 2xx (204) and the CORS headers.',
        ],
      );
    }
    case 'redirect':
      return headline('A redirect CORS forbids', [redirectDetail(verdict)]);
    case 'scheme':
      return headline('A scheme block: CORS works only over http and https', [
        'The request, or a redirect it followed, leads to a URL whose scheme CORS does not allow (only http and https), so the browser refused to go there, whatever the CORS headers said.',
        'Mixed content (an https page calling http://) is blocked before the request exists, so it never appears in this log (measured in Chromium 156 and Firefox 153): the console names it; call the API over https.',
      ]);
    case 'not-sent':
      return notSent(input, headline);
    case 'cors-config':
      return headline('CORS configuration: the server’s CORS headers do not allow this request');
  }
}

type Make = (title: string, details?: string[], waysOut?: string[]) => FailureHeadline;

function serverError(input: HeadlineInput, headline: Make): FailureHeadline {
  const status = input.kind.status ?? input.response?.status ?? 0;
  const line = input.response?.statusLine?.replace(/^HTTP\/[\d.]+\s+/, '') || String(status);
  const headers = input.response?.headers ?? [];
  const type = getNormalizedHeader(headers, 'content-type');
  const length = getNormalizedHeader(headers, 'content-length');
  const body =
    type === undefined && length === undefined
      ? 'its body'
      : `its body (${[type, length === undefined ? undefined : `${length} bytes`].filter(Boolean).join(', ')})`;
  return headline(
    `The server failed (${line}) and its error response lacks CORS headers`,
    [
      `The browser names it ${input.verdict.corsError ?? 'a CORS error'} because the error response carries no Access-Control-Allow-Origin, but the cause is the failure: ${statusHint(status)}`,
      `CORS Lens does not show ${body}: Chromium gives extensions no response bodies (webRequest has none, and DevTools keeps none for a response CORS refused), and Firefox only to an extension that intercepts every response (filterResponseData), which CORS Lens does not. “Copy as cURL” replays the request so you can read it.`,
    ],
    [
      'Fix what makes the server fail (its log says why).',
      'Send the CORS headers on error responses too, so the page can read the error instead of a CORS error: the Fix tab’s snippet for your stack does.',
    ],
  );
}

function statusHint(status: number): string {
  if (status === 401 || status === 403)
    return 'authentication refused the request, and the auth middleware answered before the CORS middleware could add its headers (cross-site cookies also need `credentials: "include"` and SameSite=None; Secure).';
  if (status === 404 || status === 405)
    return 'the server has no route for this method and URL: check the path and the API’s base URL.';
  if (status === 502 || status === 503 || status === 504)
    return 'a proxy or gateway in front of the application could not reach it (the app is down, or too slow).';
  if (status >= 500) return 'the application failed while handling the request.';
  return `the server refused the request with ${status}.`;
}

function preflightHint(status: number): string {
  if (status === 404 || status === 405)
    return `A ${status} means the server has no OPTIONS route for this URL.`;
  if (status === 401 || status === 403) return `A ${status} means authentication refused the preflight.`;
  if (status >= 500) return `A ${status} means the server failed while answering OPTIONS.`;
  return `The server answered ${status}.`;
}

function redirectDetail(verdict: Verdict): string {
  switch (verdict.corsError) {
    case 'PreflightDisallowedRedirect':
      return 'The preflight (OPTIONS) was answered with a redirect, and a preflight may never be redirected: the server must answer OPTIONS at the URL the page calls, or the page must call the final URL.';
    case 'RedirectContainsCredentials':
      return 'The request was redirected to a URL carrying user:pass@, which a cross-origin request may not follow.';
    default:
      return verdict.checkedOrigin === 'null'
        ? 'After a redirect to another origin the request’s origin became `null` (Fetch’s tainted origin), so an Access-Control-Allow-Origin naming the page no longer matches: call the final URL directly, or have it answer `null` (unsafe) or `*`.'
        : 'A response in the redirect chain fails the CORS check: every hop of a cross-origin redirect must carry the CORS headers, not only the final response.';
  }
}

function notSent(input: HeadlineInput, headline: Make): FailureHeadline {
  const error = input.networkError;
  const reported = error === undefined ? 'The browser gave no error name.' : `The browser reported ${error}.`;
  if (input.verdict.allowed)
    return headline('Failed outside CORS: the headers pass, but the browser failed the request', [
      `${reported} The CORS headers are not the cause (with or without credentials); look for a connection that broke after the response began, or another extension.`,
    ]);
  if (input.verdict.corsError === 'DisallowedByMode')
    return headline('Not sent: the page asked for mode `same-origin`', [input.verdict.explanation]);
  const cause = notSentCause(error);
  if (cause === 'extension')
    return headline('Not sent: an extension or the browser’s content blocker stopped it', [
      `${reported} It never reached the server, so CORS was not the cause: allow this site in the blocking extension.`,
    ]);
  if (cause === 'client')
    return headline('Not sent: the page or the browser cancelled it', [
      `${reported} The page aborted it (AbortController, a navigation) or the browser refused the port; CORS was not the cause.`,
    ]);
  const hint = networkErrorHint(error);
  return headline('No response: the network failed, not CORS', [
    `${reported}${hint === undefined ? '' : ` Usually ${hint}`}${error?.startsWith('NS_') ? ' Firefox still logs it as “Cross-Origin Request Blocked … (Reason: CORS request did not succeed)”, because the request was cross-origin.' : ''}`,
  ]);
}
