// Page-side code that makes each generated request the way a page would, with the API its initiator names, and
// reports what the page saw: whether it could use the response (fetch/XHR resolved, the image, script, stylesheet
// or font loaded). Runs eight at a time; an element that never settles counts as `timeout`.
import type { ExchangeCase } from '../matrix-gen/exchange-matrix';

/** What the page code needs of a case, with the URL of its first request. */
export type PageRequest = Pick<
  ExchangeCase,
  'name' | 'initiator' | 'method' | 'headers' | 'credentials' | 'mode' | 'uploadListener' | 'body'
> & { url: string };

export type PageOutcome = 'allowed' | 'blocked' | 'timeout';

/** Runs `cases` in `page` (Playwright's or Puppeteer's: both evaluate a string); what the page saw, in order. */
export async function runCasesInPage(
  page: { evaluate(expression: string): Promise<unknown> },
  cases: { c: ExchangeCase; urls: string[] }[],
): Promise<PageOutcome[]> {
  const requests = cases.map(({ c, urls }) => pageRequestOf(c, urls[0] as string));
  return (await page.evaluate(`(${runInPage})(${JSON.stringify(requests)})`)) as PageOutcome[];
}

/** What the page is asked to do for a generated case whose first URL is `url`. */
function pageRequestOf(c: ExchangeCase, url: string): PageRequest {
  return {
    name: c.name,
    initiator: c.initiator,
    url,
    method: c.method,
    headers: c.headers,
    credentials: c.credentials,
    mode: c.mode,
    ...(c.uploadListener ? { uploadListener: true } : {}),
    ...(c.body === undefined ? {} : { body: c.body }),
  };
}

/** A function source for page.evaluate: `(requests: PageRequest[]) => Promise<PageOutcome[]>`. */
export const runInPage = `async (requests) => {
  const settle = (start) => new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), 20000);
    start((outcome) => { clearTimeout(timer); resolve(outcome); });
  });
  const crossorigin = (r) => (r.credentials === 'include' ? 'use-credentials' : 'anonymous');
  const run = {
    fetch: (r) => fetch(r.url, { method: r.method, headers: r.headers, credentials: r.credentials, mode: r.mode, cache: 'no-store' })
      .then((res) => res.arrayBuffer()).then(() => 'allowed', () => 'blocked'),
    xhr: (r) => settle((done) => {
      const x = new XMLHttpRequest();
      x.open(r.method, r.url);
      x.withCredentials = r.credentials === 'include';
      for (const [n, v] of r.headers) x.setRequestHeader(n, v);
      if (r.uploadListener) x.upload.addEventListener('progress', () => {});
      x.onload = () => done('allowed');
      x.onerror = () => done('blocked');
      x.send(r.body ?? null);
    }),
    img: (r) => settle((done) => {
      const img = new Image();
      img.crossOrigin = crossorigin(r);
      img.onload = () => done('allowed');
      img.onerror = () => done('blocked');
      img.src = r.url;
    }),
    'module-script': (r) => settle((done) => {
      const s = document.createElement('script');
      s.type = 'module';
      if (r.credentials === 'include') s.crossOrigin = 'use-credentials';
      s.onload = () => done('allowed');
      s.onerror = () => done('blocked');
      s.src = r.url;
      document.head.append(s);
    }),
    stylesheet: (r) => settle((done) => {
      const l = document.createElement('link');
      l.rel = 'stylesheet';
      l.crossOrigin = crossorigin(r);
      l.onload = () => done('allowed');
      l.onerror = () => done('blocked');
      l.href = r.url;
      document.head.append(l);
    }),
    'font-face': async (r) => {
      const family = 'css-' + r.name;
      const style = document.createElement('style');
      style.textContent = '@font-face { font-family: "' + family + '"; src: url("' + r.url + '"); }';
      document.head.append(style);
      try {
        const faces = await document.fonts.load('16px "' + family + '"', 'A');
        return faces.length > 0 && faces.every((f) => f.status === 'loaded') ? 'allowed' : 'blocked';
      } catch {
        return 'blocked';
      }
    },
    'font-face-api': (r) => new FontFace('api-' + r.name, 'url("' + r.url + '")').load().then(() => 'allowed', () => 'blocked'),
  };
  const out = [];
  for (let i = 0; i < requests.length; i += 8)
    await Promise.all(requests.slice(i, i + 8).map(async (r, j) => { out[i + j] = await run[r.initiator](r); }));
  return out;
}`;
