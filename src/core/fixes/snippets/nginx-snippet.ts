import {
  NGINX_DOLLAR_VARIABLE,
  nginxDollarDeclaration,
  quoteNginxString,
} from '../literals/quote-nginx-string';
import { requiredHeaders } from '../required-headers';
import { routeScope } from '../route-scope';
import type { FixInput, HeaderPair, Snippet } from '../types';

export function nginxSnippet(input: FixInput): Snippet {
  const { forPreflight, forActual } = requiredHeaders(input);
  const { prefix } = routeScope(input.targetUrl);
  const addHeaders = (headers: HeaderPair[], indent: string) =>
    headers.map(([name, value]) => `${indent}add_header ${name} ${quoteNginxString(value)} always;`);
  const preflightBlock = input.preflight
    ? [
        '    # add_header inside "if" replaces the outer ones, so the preflight answer lists its own.',
        '    if ($request_method = OPTIONS) {',
        ...addHeaders(forPreflight, '        '),
        '        return 204;',
        '    }',
      ]
    : [];
  const body = [
    '# Inside your server block, in place of (or merged into) the location that serves this path.',
    `location ${prefix} {`,
    ...preflightBlock,
    '    # "always" keeps the headers on 4xx/5xx answers too, so the page can read its errors.',
    ...addHeaders(forActual, '    '),
    '    # If the upstream sets Access-Control-* headers itself, hide them (proxy_hide_header) to avoid duplicates.',
    '    # ... your existing proxy_pass / root stays here',
    '}',
  ].join('\n');
  const usesDollar = body.includes(`\${${NGINX_DOLLAR_VARIABLE}}`);
  return {
    framework: 'nginx',
    title: 'nginx',
    language: 'nginx',
    versions: 'nginx 1.7.5 or later (add_header … always)',
    verification: { live: true, verifiedWith: 'nginx 1.22 (Debian 12)' },
    code: usesDollar
      ? `# In the http block: nginx strings cannot escape "$".\n${nginxDollarDeclaration}\n\n${body}`
      : body,
  };
}
