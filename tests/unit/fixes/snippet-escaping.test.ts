import { describe, expect, it } from 'vitest';
import { expressCorsOptions } from '../../../src/core/fixes/express-cors-options';
import { fixSnippets } from '../../../src/core/fixes/fix-snippets';
import { flaskCorsKwargs } from '../../../src/core/fixes/flask-cors-kwargs';
import { quoteCString } from '../../../src/core/fixes/literals/quote-c-string';
import { quoteJsString } from '../../../src/core/fixes/literals/quote-js-string';
import { quoteNginxString } from '../../../src/core/fixes/literals/quote-nginx-string';
import type { FixInput, Snippet } from '../../../src/core/fixes/types';
import { credentialedPut } from './fixtures';
import { doubleQuotedLiterals, expressOptionsFromSnippet, flaskResourceFromSnippet } from './parse-snippet';

// Tokens (RFC 9110 §5.6.2) may contain ' $ * ^ | ` — legal, and each one hostile to some language.
const awkward: FixInput = {
  ...credentialedPut,
  pageOrigin: 'http://[::1]:5173',
  requestHeaders: ["x-it's", 'x-$home', 'x-a*b', 'x-`cmd`'],
  exposeHeaders: ['x-^total|count'],
};

function snippetOf(framework: Snippet['framework']): string {
  return fixSnippets(awkward).find((snippet) => snippet.framework === framework)?.code ?? '';
}

describe('string literals round-trip', () => {
  it.each(["it's", 'say "hi"', 'back\\slash', 'line\nbreak', 'tab\tend', '\u2028', '\u0085'])(
    '%j',
    (value) => {
      expect(new Function(`return ${quoteJsString(value)};`)()).toBe(value);
      expect(JSON.parse(quoteCString(value))).toBe(value);
    },
  );

  it('C-style literals stay printable ASCII (C# treats U+0085 and U+2028 as line breaks)', () => {
    expect(quoteCString('a\u0085b\u2028')).toBe('"a\\u0085b\\u2028"');
  });

  it('rejects characters Go and Python would spell differently', () => {
    expect(() => quoteCString('😀')).toThrow(RangeError);
  });

  it('nginx strings escape quotes and keep "$" from starting a variable', () => {
    expect(quoteNginxString('a"b\\c')).toBe('"a\\"b\\\\c"');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: nginx variable syntax, not a JS template
    expect(quoteNginxString('x-$home')).toBe('"x-${cors_lens_dollar}home"');
    expect(() => quoteNginxString('a\nb')).toThrow(RangeError);
  });
});

describe('awkward but legal tokens keep every snippet closed', () => {
  it('express: the options literal evaluates back to the options object', () => {
    expect(expressOptionsFromSnippet(snippetOf('express'))).toEqual(expressCorsOptions(awkward));
  });

  it('flask: the dict parses back to the kwargs', () => {
    expect(flaskResourceFromSnippet(snippetOf('flask'))[1]).toEqual(flaskCorsKwargs(awkward));
  });

  it.each(['aspnetcore', 'fastapi', 'django', 'spring', 'go'] as const)(
    '%s: every literal decodes',
    (framework) => {
      const code = snippetOf(framework);
      const literals = doubleQuotedLiterals(code);
      expect(literals).toEqual(expect.arrayContaining(["x-it's", 'x-$home', 'x-a*b', 'x-`cmd`']));
      // Outside the literals there is no stray quote left open.
      expect(code.replace(/"(?:[^"\\\n]|\\.)*"/g, '')).not.toContain('"');
    },
  );

  it('nginx: "$" goes through the declared variable', () => {
    const code = snippetOf('nginx');
    expect(code).toContain('geo $cors_lens_dollar { default "$"; }');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: nginx variable syntax, not a JS template
    expect(code).toContain('"x-it\'s, x-${cors_lens_dollar}home, x-a*b, x-`cmd`"');
    expect(
      code.split('\n').filter((line) => line.trim().startsWith('add_header') && !line.endsWith(' always;')),
    ).toEqual([]);
  });

  it('nginx without "$" needs no declaration', () => {
    expect(fixSnippets(credentialedPut).find((s) => s.framework === 'nginx')?.code).not.toContain('geo ');
  });
});
