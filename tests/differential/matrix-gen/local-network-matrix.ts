// The Local Network Access part of the differential: requests from a page Chromium is told is public to the lab's
// API on loopback. Every combination of page (secure or not), request (simple or preflighted, with credentials or
// not), server answer (allowing everything, even Access-Control-Allow-Private-Network, or nothing) and the
// `targetAddressSpace` fetch option.
import type { LabResponse } from '../../lab/spec.mjs';
import { PAGE } from './matrix';

type HeaderList = [string, string][];

export interface LocalNetworkCase {
  name: string;
  /** `secure`: http://localhost (a secure context); `insecure`: the same page under a host name that is not. */
  page: 'secure' | 'insecure';
  method: string;
  headers: HeaderList;
  credentials: 'omit' | 'same-origin' | 'include';
  targetAddressSpace?: 'loopback';
  preflight: LabResponse;
  response: LabResponse;
}

const requests: Pick<LocalNetworkCase, 'method' | 'headers' | 'credentials'>[] = [
  { method: 'GET', headers: [], credentials: 'same-origin' },
  { method: 'POST', headers: [['Content-Type', 'text/plain']], credentials: 'omit' },
  { method: 'GET', headers: [], credentials: 'include' },
  { method: 'PUT', headers: [['Content-Type', 'application/json']], credentials: 'same-origin' },
  { method: 'DELETE', headers: [], credentials: 'include' },
  { method: 'GET', headers: [['X-Api-Key', 'k']], credentials: 'omit' },
];

const answers: { name: string; preflight: LabResponse; response: LabResponse }[] = [
  {
    name: 'allows-all',
    preflight: {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', PAGE],
        ['Access-Control-Allow-Credentials', 'true'],
        ['Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE'],
        ['Access-Control-Allow-Headers', 'content-type, x-api-key'],
        ['Access-Control-Allow-Private-Network', 'true'],
      ],
    },
    response: {
      headers: [
        ['Access-Control-Allow-Origin', PAGE],
        ['Access-Control-Allow-Credentials', 'true'],
      ],
    },
  },
  { name: 'no-cors-headers', preflight: { status: 204 }, response: {} },
  {
    name: 'wildcard',
    preflight: { status: 204, headers: [['Access-Control-Allow-Origin', '*']] },
    response: { headers: [['Access-Control-Allow-Origin', '*']] },
  },
];

export function generateLocalNetworkMatrix(): LocalNetworkCase[] {
  const cases: LocalNetworkCase[] = [];
  for (const page of ['secure', 'insecure'] as const)
    for (const [r, request] of requests.entries())
      for (const answer of answers)
        for (const target of [undefined, 'loopback'] as const) {
          cases.push({
            name: `lna-${page}-${r}-${request.method}-${request.credentials}-${answer.name}${target ? '-target' : ''}`,
            page,
            ...request,
            ...(target === undefined ? {} : { targetAddressSpace: target }),
            preflight: answer.preflight,
            response: answer.response,
          });
        }
  return cases;
}
