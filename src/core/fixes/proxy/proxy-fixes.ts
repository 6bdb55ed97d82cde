import { resolveCorsNeeds } from '../resolve-cors-needs';
import type { FixInput } from '../types';
import { angularProxyCode } from './angular-proxy';
import { nextProxyCode } from './next-proxy';
import { proxyRoute } from './proxy-route';
import type { DevServer, ProxyFix, ProxyRoute } from './types';
import { viteProxyCode } from './vite-proxy';
import { webpackProxyCode } from './webpack-proxy';

/** The dev servers a proxy fix is generated for, in the order the Fix tab lists them. */
export const DEV_SERVERS: readonly DevServer[] = ['vite', 'webpack', 'next', 'angular'];

type Template = Omit<ProxyFix, 'code' | 'fetchChange' | 'baseUrl' | 'notes'> & {
  code(route: ProxyRoute): string;
  notes(route: ProxyRoute): string[];
};

const TEMPLATES: Record<DevServer, Template> = {
  vite: {
    devServer: 'vite',
    title: 'Vite (server.proxy)',
    language: 'js',
    file: 'vite.config.js',
    versions: 'Vite 2 or later (server.proxy)',
    verification: { live: true, verifiedWith: 'Vite 8.3' },
    code: viteProxyCode,
    notes: () => [],
  },
  webpack: {
    devServer: 'webpack',
    title: 'webpack-dev-server (devServer.proxy)',
    language: 'js',
    file: 'webpack.config.js',
    versions: 'webpack-dev-server 4 or 5 (devServer.proxy as an array), webpack 5',
    verification: { live: true, verifiedWith: 'webpack-dev-server 5.2 with webpack 5' },
    code: webpackProxyCode,
    notes: () => [],
  },
  next: {
    devServer: 'next',
    title: 'Next.js (rewrites)',
    language: 'js',
    file: 'next.config.js',
    versions: 'Next.js 9.5 or later (rewrites)',
    verification: {
      live: false,
      reason:
        'Next.js is not packaged for Debian 12 and is no dependency of CORS Lens, so no Next.js server runs in its tests; the config is only checked by node --check.',
    },
    code: nextProxyCode,
    notes: (route) =>
      route.prefix.startsWith('/api/') || route.prefix === '/api'
        ? [
            'A Next.js API route under /api (pages/api or app/api) takes precedence over this rewrite for its own path.',
          ]
        : [],
  },
  angular: {
    devServer: 'angular',
    title: 'Angular CLI (proxy.conf.json)',
    language: 'json',
    file: 'proxy.conf.json',
    versions: 'Angular CLI 8 or later (ng serve --proxy-config)',
    verification: {
      live: false,
      reason:
        'The Angular CLI is not packaged for Debian 12 and is no dependency of CORS Lens, so no ng serve runs in its tests; the file is only checked as JSON.',
    },
    code: angularProxyCode,
    notes: () => [
      'Save it next to angular.json and point ng serve at it: "proxyConfig": "proxy.conf.json" under projects → your app → architect → serve → options, or run ng serve --proxy-config proxy.conf.json.',
    ],
  },
};

/**
 * The fix that needs no server change: the dev server forwards the API under the page's own origin, so the
 * request is same-origin and takes no CORS path (Fetch §4.1, main fetch). For local development only.
 */
export function proxyFixes(input: FixInput): ProxyFix[] {
  const needs = resolveCorsNeeds(input);
  const route = proxyRoute(input.targetUrl);
  const shared = [
    'A development setup: in production serve the page and the API from one origin (a reverse proxy) or use the server fix.',
    ...(needs.credentials
      ? [
          "Cookies now belong to the page's origin: a Set-Cookie from the API with a Domain attribute for its own host is refused, so leave Domain out in development (the Vite, webpack-dev-server and Angular proxies can also rewrite it: cookieDomainRewrite).",
        ]
      : []),
  ];
  return DEV_SERVERS.map((devServer) => {
    const { code, notes, ...template } = TEMPLATES[devServer];
    return {
      ...template,
      code: code(route),
      fetchChange: route.fetchUrl,
      baseUrl: route.baseUrl,
      notes: [...notes(route), ...shared],
    };
  });
}
