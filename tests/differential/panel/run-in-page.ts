// Page-side: sends each request the way its initiator does (fetch, XMLHttpRequest, an element, a font), a few at
// a time, and reports whether the page got the response. Passed to page.evaluate, so it is self-contained.
import type { Initiator } from '../matrix-gen/panel-matrix';

export interface PageRequest {
  initiator: Initiator;
  url: string;
  method: string;
  headers: [string, string][];
  credentials: 'omit' | 'same-origin' | 'include';
  mode: 'cors' | 'same-origin' | 'no-cors';
  /** Font family name (fonts only). */
  family: string;
}

/** `loaded`: the page got the response; `refused`: the call rejected or the element fired `error`. */
export type PageOutcome = 'loaded' | 'refused';

export async function runInPage(list: PageRequest[]): Promise<PageOutcome[]> {
  const crossOrigin = (r: PageRequest) => (r.credentials === 'include' ? 'use-credentials' : 'anonymous');
  const settled = (p: Promise<unknown>): Promise<PageOutcome> =>
    p.then(
      () => 'loaded',
      () => 'refused',
    );
  const element = (tag: 'img' | 'script' | 'link', set: (e: HTMLElement) => void): Promise<PageOutcome> =>
    new Promise((resolve) => {
      const e = document.createElement(tag);
      e.addEventListener('load', () => resolve('loaded'));
      e.addEventListener('error', () => resolve('refused'));
      set(e);
      (tag === 'img' ? document.body : document.head).append(e);
    });
  const xhr = (r: PageRequest, upload: boolean): Promise<PageOutcome> =>
    new Promise((resolve) => {
      const x = new XMLHttpRequest();
      x.open(r.method, r.url);
      x.withCredentials = r.credentials === 'include';
      for (const [name, value] of r.headers) x.setRequestHeader(name, value);
      if (upload) x.upload.addEventListener('progress', () => undefined);
      x.onloadend = () => resolve(x.status === 0 ? 'refused' : 'loaded');
      x.send(r.method === 'GET' || r.method === 'HEAD' ? null : 'lab');
    });
  const run = (r: PageRequest): Promise<PageOutcome> => {
    switch (r.initiator) {
      case 'fetch':
        return settled(
          fetch(r.url, {
            method: r.method,
            headers: r.headers,
            credentials: r.credentials,
            mode: r.mode,
            cache: 'no-store',
          }).then((res) => res.arrayBuffer()),
        );
      case 'xhr':
        return xhr(r, false);
      case 'xhr-upload':
        return xhr(r, true);
      case 'img':
        return element('img', (e) => {
          (e as HTMLImageElement).crossOrigin = crossOrigin(r);
          (e as HTMLImageElement).src = r.url;
        });
      case 'module-script':
        return element('script', (e) => {
          const s = e as HTMLScriptElement;
          s.type = 'module';
          s.crossOrigin = crossOrigin(r);
          s.src = r.url;
        });
      case 'link-preload':
      case 'link-stylesheet':
        return element('link', (e) => {
          const l = e as HTMLLinkElement;
          l.rel = r.initiator === 'link-preload' ? 'preload' : 'stylesheet';
          if (r.initiator === 'link-preload') l.as = 'fetch';
          l.crossOrigin = crossOrigin(r);
          l.href = r.url;
        });
      case 'font-face-api': {
        const face = new FontFace(r.family, `url("${r.url}")`);
        document.fonts.add(face);
        return settled(face.load());
      }
      case 'font-face-css': {
        const style = document.createElement('style');
        style.textContent = `@font-face { font-family: "${r.family}"; src: url("${r.url}"); }`;
        document.head.append(style);
        return document.fonts
          .load(`16px "${r.family}"`)
          .then((faces) => (faces.some((f) => f.status === 'loaded') ? 'loaded' : 'refused'))
          .catch(() => 'refused' as const);
      }
    }
  };
  const out: PageOutcome[] = [];
  for (let i = 0; i < list.length; i += 8)
    await Promise.all(
      list.slice(i, i + 8).map(async (r, j) => {
        out[i + j] = await run(r);
      }),
    );
  return out;
}
