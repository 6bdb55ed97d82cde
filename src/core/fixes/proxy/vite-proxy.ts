import { escapeRegExp } from '../literals/escape-reg-exp';
import { quoteJsString } from '../literals/quote-js-string';
import type { ProxyRoute } from './types';

/** vite.config.js with server.proxy forwarding the route's prefix to the API. */
export function viteProxyCode(route: ProxyRoute): string {
  const strip =
    route.stripPrefix === undefined
      ? []
      : [
          `        rewrite: (path) => path.replace(/^${escapeRegExp(route.stripPrefix).replaceAll('/', '\\/')}/, ''),`,
        ];
  return [
    '// vite.config.js (or .ts): merge server.proxy into your defineConfig({ … }).',
    "import { defineConfig } from 'vite';",
    '',
    'export default defineConfig({',
    '  server: {',
    '    proxy: {',
    `      // The page calls ${route.prefix}… on its own origin; Vite forwards it from Node, where CORS does not apply.`,
    `      ${quoteJsString(route.prefix)}: {`,
    `        target: ${quoteJsString(route.target)},`,
    '        changeOrigin: true,',
    ...strip,
    '      },',
    '    },',
    '  },',
    '});',
  ].join('\n');
}
