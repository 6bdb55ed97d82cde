// A realistic mix of exchanges for the engine throughput benchmark (npm run bench).
import type { Exchange } from '../../src/core/cors/types';

const PAGE = 'http://localhost:5173';

// A realistic mix: simple reads, credentialed preflighted writes, blocked reads, failed preflights,
// same-origin calls; 1000 distinct URLs so the URL cache does not flatter the numbers.
export function realisticMix(): Exchange[] {
  const out: Exchange[] = [];
  for (let k = 0; k < 200; k++) {
    const url = `http://127.0.0.1:8081/api/items/${k}?q=${k}`;
    out.push({
      origin: PAGE,
      request: { url, method: 'GET', headers: [['Accept', 'application/json']], credentials: 'same-origin' },
      responses: [
        {
          url,
          status: 200,
          headers: [
            ['Content-Type', 'application/json'],
            ['Access-Control-Allow-Origin', PAGE],
            ['Date', 'x'],
            ['Content-Length', '12'],
            ['X-Request-Id', 'abc'],
            ['Access-Control-Expose-Headers', 'X-Request-Id'],
          ],
        },
      ],
    });
    out.push({
      origin: PAGE,
      request: {
        url,
        method: 'PUT',
        headers: [
          ['Content-Type', 'application/json'],
          ['Authorization', 'Bearer x'],
        ],
        credentials: 'include',
      },
      preflight: {
        status: 204,
        headers: [
          ['Access-Control-Allow-Origin', PAGE],
          ['Access-Control-Allow-Credentials', 'true'],
          ['Access-Control-Allow-Methods', 'GET, PUT, DELETE'],
          ['Access-Control-Allow-Headers', 'content-type, authorization'],
        ],
      },
      responses: [
        {
          url,
          status: 200,
          headers: [
            ['Content-Type', 'application/json'],
            ['Access-Control-Allow-Origin', PAGE],
            ['Access-Control-Allow-Credentials', 'true'],
          ],
        },
      ],
    });
    out.push({
      origin: PAGE,
      request: { url, method: 'GET', headers: [], credentials: 'same-origin' },
      responses: [{ url, status: 200, headers: [['Content-Type', 'text/html']] }],
    });
    out.push({
      origin: PAGE,
      request: {
        url,
        method: 'POST',
        headers: [['Content-Type', 'application/json']],
        credentials: 'same-origin',
      },
      preflight: { status: 405, headers: [['Allow', 'GET']] },
      responses: [],
    });
    out.push({
      origin: PAGE,
      request: { url: `${PAGE}/local/${k}`, method: 'GET', headers: [], credentials: 'same-origin' },
      responses: [
        {
          url: `${PAGE}/local/${k}`,
          status: 200,
          headers: [
            ['Content-Type', 'text/html'],
            ['Set-Cookie', 'a=b'],
          ],
        },
      ],
    });
  }
  return out;
}
