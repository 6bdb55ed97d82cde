import { quoteJsString } from '../literals/quote-js-string';
import type { ProxyRoute } from './types';

/** next.config.js with a rewrite from the route's prefix to the API (path-to-regexp `:path*` keeps the rest). */
export function nextProxyCode(route: ProxyRoute): string {
  const directory = route.prefix.endsWith('/');
  const source = directory ? `${route.prefix}:path*` : route.prefix;
  const apiPath = route.stripPrefix === undefined ? route.prefix : '/';
  const destination = `${route.target}${directory ? `${apiPath}:path*` : apiPath}`;
  return [
    '// next.config.js: merge rewrites() into your configuration (next.config.mjs: export default { … }).',
    'module.exports = {',
    '  async rewrites() {',
    '    return [',
    `      // The page calls ${route.prefix}… on its own origin; Next.js forwards it from the server, where CORS does not apply.`,
    `      { source: ${quoteJsString(source)}, destination: ${quoteJsString(destination)} },`,
    '    ];',
    '  },',
    '};',
  ].join('\n');
}
