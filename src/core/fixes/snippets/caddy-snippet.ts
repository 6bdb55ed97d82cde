import { quoteCaddyString } from '../literals/quote-caddy-string';
import { preflightOnlyHeaders } from '../preflight-only-headers';
import { requiredHeaders } from '../required-headers';
import { routeScope } from '../route-scope';
import type { FixInput, HeaderPair, Snippet } from '../types';

export function caddySnippet(input: FixInput): Snippet {
  const required = requiredHeaders(input);
  const { forActual } = required;
  const { mount, prefix } = routeScope(input.targetUrl);
  const paths = mount === '' ? undefined : `path ${mount} ${mount}/*`;
  const preflightOnly = preflightOnlyHeaders(required);
  const headerBlock = (headers: HeaderPair[], indent: string) => [
    ...headers.map(([name, value]) => `${indent}\t${name} ${quoteCaddyString(value)}`),
    `${indent}}`,
  ];
  const preflight = input.preflight
    ? [
        '# The preflight is answered here with 204: it never reaches the app or its authentication.',
        '@cors_preflight {',
        '\tmethod OPTIONS',
        ...(paths === undefined ? [] : [`\t${paths}`]),
        '\theader Access-Control-Request-Method *',
        '}',
        'handle @cors_preflight {',
        ...(preflightOnly.length > 0 ? ['\theader {', ...headerBlock(preflightOnly, '\t')] : []),
        '\trespond 204',
        '}',
      ]
    : [];
  return {
    framework: 'caddy',
    title: 'Caddy (Caddyfile)',
    language: 'caddyfile',
    versions: 'Caddy 2 (Caddyfile)',
    verification: { live: true, verifiedWith: 'Caddy 2.6 (Debian 12)' },
    code: [
      `# Inside your site block, e.g. example.com { … }. Every response under ${prefix} gets these headers, whatever its`,
      '# status; if the app sets Access-Control-* itself, drop them in reverse_proxy with header_down -Access-Control-*.',
      ...(paths === undefined ? ['header {'] : [`@cors_api ${paths}`, 'header @cors_api {']),
      ...headerBlock(forActual, ''),
      ...preflight,
      '# ... your existing reverse_proxy / file_server stays here',
    ].join('\n'),
  };
}
