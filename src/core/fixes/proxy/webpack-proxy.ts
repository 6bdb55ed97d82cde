import { escapeRegExp } from '../literals/escape-reg-exp';
import { quoteJsString } from '../literals/quote-js-string';
import type { ProxyRoute } from './types';

/** webpack.config.js with devServer.proxy (the array form webpack-dev-server 4 and 5 both read). */
export function webpackProxyCode(route: ProxyRoute): string {
  const strip =
    route.stripPrefix === undefined
      ? []
      : [`        pathRewrite: { ${quoteJsString(`^${escapeRegExp(route.stripPrefix)}`)}: '' },`];
  return [
    '// webpack.config.js: merge devServer.proxy into your configuration (module.exports = { … }).',
    'module.exports = {',
    '  devServer: {',
    '    proxy: [',
    '      {',
    `        // The page calls ${route.prefix}… on its own origin; the dev server forwards it from Node, where CORS does not apply.`,
    `        context: [${quoteJsString(route.prefix)}],`,
    `        target: ${quoteJsString(route.target)},`,
    '        changeOrigin: true,',
    ...strip,
    '      },',
    '    ],',
    '  },',
    '};',
  ].join('\n');
}
