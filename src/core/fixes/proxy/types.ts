import type { Verification } from '../types';

export type DevServer = 'vite' | 'webpack' | 'next' | 'angular';

/** Where the proxied API lives on the dev server, and how the page's fetch URL changes. */
export interface ProxyRoute {
  /** The API's origin, which the dev server forwards to, e.g. "http://127.0.0.1:8081". */
  target: string;
  /** Path prefix the dev server forwards: "/api/", "/graphql", or "/api-proxy/" when the API is at the root. */
  prefix: string;
  /** Set when the prefix is not on the API: strip it before forwarding. */
  stripPrefix?: string;
  /** The URL the page calls now (as the exchange showed it) and the same-origin one to call instead. */
  fetchUrl: { before: string; after: string };
  /** The same change for code that builds URLs from a base: the API's origin, and what replaces it. */
  baseUrl: { before: string; after: string };
}

export interface ProxyFix {
  devServer: DevServer;
  title: string;
  language: 'js' | 'json';
  /** The file the code goes into, e.g. "vite.config.js". */
  file: string;
  versions: string;
  verification: Verification;
  code: string;
  /** The one line of page code to change, before and after, and the same change to a base URL. */
  fetchChange: ProxyRoute['fetchUrl'];
  baseUrl: ProxyRoute['baseUrl'];
  notes: string[];
}
