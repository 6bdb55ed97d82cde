import { escapeRegExp } from '../literals/escape-reg-exp';
import { quoteApacheHeaderValue } from '../literals/quote-apache-header-value';
import { preflightOnlyHeaders } from '../preflight-only-headers';
import { requiredHeaders } from '../required-headers';
import { routeScope } from '../route-scope';
import type { FixInput, HeaderPair, Snippet } from '../types';

export function apacheSnippet(input: FixInput): Snippet {
  const required = requiredHeaders(input);
  const { forActual } = required;
  const { mount, prefix } = routeScope(input.targetUrl);
  const location = mount === '' ? '/' : prefix;
  const preflightOnly = preflightOnlyHeaders(required);
  const setHeaders = (headers: HeaderPair[], indent: string) =>
    headers.map(([name, value]) => `${indent}Header always set ${name} ${quoteApacheHeaderValue(value)}`);
  // RewriteRule in a VirtualHost matches the URL path with its leading slash.
  const rewritePattern =
    mount === '' ? '^/' : prefix.endsWith('/') ? `^${escapeRegExp(prefix)}` : `^${escapeRegExp(mount)}(/|$)`;
  const preflight = input.preflight
    ? [
        ...(preflightOnly.length > 0
          ? [
              '    <If "%{REQUEST_METHOD} == \'OPTIONS\' && -n %{HTTP:Access-Control-Request-Method}">',
              ...setHeaders(preflightOnly, '        '),
              '    </If>',
            ]
          : []),
      ]
    : [];
  const answerPreflight = input.preflight
    ? [
        '# The preflight is answered here with 204, before authentication and before the app or proxy sees it.',
        'RewriteEngine On',
        'RewriteCond %{REQUEST_METHOD} =OPTIONS',
        'RewriteCond %{HTTP:Access-Control-Request-Method} !=""',
        `RewriteRule ${rewritePattern} - [R=204,L]`,
      ]
    : [];
  return {
    framework: 'apache',
    title: 'Apache httpd (mod_headers)',
    language: 'apache',
    install: 'a2enmod headers rewrite',
    versions: 'Apache httpd 2.4 with mod_headers and mod_rewrite',
    verification: { live: true, verifiedWith: 'Apache httpd 2.4 (Debian 12)' },
    code: [
      '# Inside your <VirtualHost> (not .htaccess: the RewriteRule matches the full URL path).',
      '# "always" keeps the headers on 4xx/5xx answers and on the 204 preflight answer.',
      // Plain path segments only (route-scope.ts): nothing to escape.
      `<Location "${location}">`,
      ...setHeaders(forActual, '    '),
      ...preflight,
      '</Location>',
      ...answerPreflight,
    ].join('\n'),
  };
}
