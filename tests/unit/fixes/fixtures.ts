import type { FixInput } from '../../../src/core/fixes/types';

/** A simple GET from a Vite dev server to a local API: no preflight. */
export const simpleGet: FixInput = {
  pageOrigin: 'http://localhost:5173',
  targetUrl: 'http://127.0.0.1:8081/api/items?id=3',
  methods: ['GET'],
  requestHeaders: [],
  credentials: 'omit',
  exposeHeaders: [],
  preflight: false,
};

/** fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' } }). */
export const jsonPut: FixInput = {
  ...simpleGet,
  methods: ['PUT'],
  requestHeaders: ['content-type'],
  preflight: true,
};

/** A credentialed PUT with an API key, reading a paging header. */
export const credentialedPut: FixInput = {
  ...jsonPut,
  pageOrigin: 'https://app.example.com',
  targetUrl: 'https://api.example.com/v2/orders/7',
  requestHeaders: ['content-type', 'x-api-key'],
  credentials: 'include',
  exposeHeaders: ['x-total-count'],
  maxAge: 300,
};
