import { quoteCString } from '../literals/quote-c-string';
import { quoteCStrings } from '../literals/quote-c-strings';
import { resolveCorsNeeds } from '../resolve-cors-needs';
import type { FixInput, Snippet } from '../types';

/** A whole file, cors.go, so nothing has to be placed by hand but the one call that serves withCORS(mux). */
export function goSnippet(input: FixInput): Snippet {
  const needs = resolveCorsNeeds(input);
  const list = (values: string[]) => `[]string{${quoteCStrings(values)}}`;
  const fields: [string, string][] = [
    ['AllowedOrigins', list([needs.origin])],
    // rs/cors defaults to GET, POST and HEAD only, and sends no CORS headers for an unlisted method.
    ['AllowedMethods', list(needs.methods)],
    ...(needs.allowHeaders.length > 0
      ? [['AllowedHeaders', list(needs.allowHeaders)] as [string, string]]
      : []),
    ...(needs.exposeHeaders.length > 0
      ? [['ExposedHeaders', list(needs.exposeHeaders)] as [string, string]]
      : []),
    ...(needs.credentials ? [['AllowCredentials', 'true'] as [string, string]] : []),
    ['MaxAge', String(needs.maxAge)],
  ];
  // gofmt aligns the values of a composite literal.
  const width = Math.max(...fields.map(([name]) => name.length)) + 1;
  const { mount, prefix } = needs.scope;
  const options = [
    'cors.Options{',
    ...fields.map(([name, value]) => `\t\t${`${name}:`.padEnd(width)} ${value},`),
    '\t}',
  ];
  const body =
    mount === ''
      ? [`\treturn cors.New(${options.join('\n')}).Handler(next)`]
      : [
          `\tc := cors.New(${options.join('\n')})`,
          '\tapi := c.Handler(next)',
          '\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {',
          `\t\tif r.URL.Path == ${quoteCString(mount)} || strings.HasPrefix(r.URL.Path, ${quoteCString(`${mount}/`)}) {`,
          '\t\t\tapi.ServeHTTP(w, r)',
          '\t\t\treturn',
          '\t\t}',
          '\t\tnext.ServeHTTP(w, r)',
          '\t})',
        ];
  const imports = mount === '' ? ['\t"net/http"'] : ['\t"net/http"', '\t"strings"'];
  return {
    framework: 'go',
    title: 'Go (github.com/rs/cors)',
    language: 'go',
    install: 'go get github.com/rs/cors',
    versions: 'github.com/rs/cors v1.7 or later, net/http',
    verification: { live: true, verifiedWith: 'Go 1.19 with rs/cors 1.7 (Debian 12)' },
    code: [
      '// cors.go: a new file next to your main.go (use your package name). Then serve withCORS(mux)',
      '// instead of mux, e.g. http.ListenAndServe(addr, withCORS(mux)): routes stay on mux.',
      'package main',
      '',
      'import (',
      ...imports,
      '',
      '\t"github.com/rs/cors"',
      ')',
      '',
      mount === ''
        ? '// withCORS runs every request through rs/cors, which answers the OPTIONS preflight itself and adds'
        : `// withCORS runs the requests under ${prefix} through rs/cors, which answers the OPTIONS preflight itself and adds`,
      '// the headers to the responses of your handlers, errors included.',
      'func withCORS(next http.Handler) http.Handler {',
      ...body,
      '}',
    ].join('\n'),
  };
}
