import { corsUnsafeRequestHeaderNames } from '../cors/cors-unsafe-request-header-names';
import { normalizeMethod } from '../cors/normalize-method';
import { redactHeaderValue } from '../exchange/redact-headers';
import { redactUrl } from '../exchange/redact-url';
import { quoteShell } from './literals/quote-shell';

export interface CurlInput {
  url: string;
  method: string;
  /** Request headers as sent, [name, value]; an Origin among them is replaced by `origin`. */
  headers: [string, string][];
  origin: string;
  preflight: boolean;
  credentials: boolean;
}

export interface CurlCommands {
  actual: string;
  preflight?: string;
}

const PLAIN_WORD = /^[A-Za-z0-9_-]+$/;

/**
 * Copy-as-cURL for the actual request and, when there is one, its preflight; -i shows the CORS headers. Secrets
 * never leave the panel in a copied command: values and the URL go through the log's own redaction.
 */
export function curlCommands(input: CurlInput): CurlCommands {
  const method = normalizeMethod(input.method);
  const url = redactUrl(input.url);
  const sent = input.headers.filter(([name]) => {
    const lower = name.toLowerCase();
    // Without credentials the browser sends no cookies, so the reproduction must not either.
    return lower !== 'origin' && (input.credentials || lower !== 'cookie');
  });
  const actual = command(methodFlag(method), url, [
    ['Origin', input.origin],
    ...sent.map(([name, value]): [string, string] => [name, redactHeaderValue(name, value)]),
  ]);
  if (!input.preflight) return { actual };
  const requestHeaders = corsUnsafeRequestHeaderNames(sent);
  const preflight = command(['-X', 'OPTIONS'], url, [
    ['Origin', input.origin],
    ['Access-Control-Request-Method', method],
    ...(requestHeaders.length > 0
      ? [['Access-Control-Request-Headers', requestHeaders.join(',')] as [string, string]]
      : []),
  ]);
  return { actual, preflight };
}

function methodFlag(method: string): string[] {
  if (method === 'GET') return [];
  // -X HEAD would make curl wait for a body that never comes.
  if (method === 'HEAD') return ['--head'];
  return ['-X', PLAIN_WORD.test(method) ? method : quoteShell(method)];
}

function command(flags: string[], url: string, headers: [string, string][]): string {
  const lines = [
    ['curl', '-i', ...flags, quoteShell(url)].join(' '),
    ...headers.map(([name, value]) => `  -H ${quoteShell(`${name}: ${value}`)}`),
  ];
  return lines.join(' \\\n');
}
