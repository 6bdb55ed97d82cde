import { quoteCString } from '../literals/quote-c-string';
import { quoteCStrings } from '../literals/quote-c-strings';
import { resolveCorsNeeds } from '../resolve-cors-needs';
import type { FixInput, Snippet } from '../types';

export function goSnippet(input: FixInput): Snippet {
  const needs = resolveCorsNeeds(input);
  const list = (values: string[]) => `[]string{${quoteCStrings(values)}}`;
  const fields: [string, string][] = [
    ['AllowedOrigins', list([needs.origin])],
    // rs/cors defaults to GET, POST and HEAD only.
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
  const wrap =
    mount === ''
      ? [
          '// Wrap the whole mux: c.Handler answers the OPTIONS preflight with 204 before it.',
          'handler := c.Handler(mux)',
        ]
      : [
          `// Wrap the handler for ${prefix}: c.Handler answers the OPTIONS preflight with 204 before it.`,
          `mux.Handle(${quoteCString(prefix)}, c.Handler(apiHandler))`,
        ];
  return {
    framework: 'go',
    title: 'Go (github.com/rs/cors)',
    language: 'go',
    install: 'go get github.com/rs/cors',
    code: [
      'import "github.com/rs/cors"',
      '',
      'c := cors.New(cors.Options{',
      ...fields.map(([name, value]) => `\t${`${name}:`.padEnd(width)} ${value},`),
      '})',
      ...wrap,
    ].join('\n'),
  };
}
