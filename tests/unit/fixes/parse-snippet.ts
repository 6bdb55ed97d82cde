// Reads generated code back into data, so tests check what a compiler would see rather than substrings.

/** Every double-quoted literal (Python, C#, Java, Go) decoded; they share JSON's escapes. */
export function doubleQuotedLiterals(code: string): string[] {
  return [...code.matchAll(/"(?:[^"\\\n]|\\.)*"/g)].map(([literal]) => JSON.parse(literal) as string);
}

/** Evaluates the JavaScript object literal passed to cors(...) in the Express snippet. */
export function expressOptionsFromSnippet(code: string): unknown {
  const start = code.indexOf('cors({');
  const end = code.lastIndexOf('}));');
  if (start < 0 || end < 0) throw new Error('no cors({...}) call');
  return new Function(`return (${code.slice(start + 'cors('.length, end + 1)});`)();
}

/** The resource pattern and options dict of the Flask snippet's CORS(app, resources={...}) call. */
export function flaskResourceFromSnippet(code: string): [pattern: string, kwargs: unknown] {
  const match = /CORS\(app, resources=\{r?("(?:[^"\\]|\\.)*"): (\{[\s\S]*\})\}\)$/.exec(code);
  if (match === null) throw new Error('no CORS(app, resources={...}) call');
  const [, pattern = '', dict = ''] = match;
  const json = dict
    .replace(/: True,/g, ': true,')
    .replace(/: False,/g, ': false,')
    .replace(/,(\s*\})/g, '$1');
  return [pattern, JSON.parse(json)];
}
