import { printPythonValue } from '../literals/print-python-value';
import { quoteCString } from '../literals/quote-c-string';
import { resolveCorsNeeds } from '../resolve-cors-needs';
import type { FixInput, Snippet } from '../types';

export function fastapiSnippet(input: FixInput): Snippet {
  const needs = resolveCorsNeeds(input);
  const { mount, prefix } = needs.scope;
  const kwargs: [string, string[] | boolean | number][] = [
    ['allow_origins', [needs.origin]],
    // Starlette allows only GET unless told otherwise.
    ['allow_methods', needs.methods],
    ['allow_headers', needs.allowHeaders],
    ['allow_credentials', needs.credentials],
    ['expose_headers', needs.exposeHeaders],
    ['max_age', needs.maxAge],
  ];
  const middleware = mount === '' ? 'CORSMiddleware' : 'ScopedCORSMiddleware';
  // Starlette's CORSMiddleware has no path option: a subclass passes other paths straight to the app.
  const scoped =
    mount === ''
      ? []
      : [
          '',
          '',
          `class ${middleware}(CORSMiddleware):`,
          `    """CORSMiddleware for ${prefix} only; other paths go straight to the app."""`,
          '',
          '    async def __call__(self, scope, receive, send):',
          '        path = scope.get("path", "")',
          `        if path == ${quoteCString(mount)} or path.startswith(${quoteCString(`${mount}/`)}):`,
          '            await super().__call__(scope, receive, send)',
          '        else:',
          '            await self.app(scope, receive, send)',
          '',
        ];
  return {
    framework: 'fastapi',
    title: 'FastAPI (CORSMiddleware)',
    language: 'python',
    versions: 'FastAPI 0.65 or later (Starlette CORSMiddleware)',
    verification: { live: true, verifiedWith: 'FastAPI 0.92 on uvicorn 0.17 (Debian 12)' },
    code: [
      'from fastapi.middleware.cors import CORSMiddleware',
      ...scoped,
      '',
      `# After \`app = FastAPI()\`: answers the OPTIONS preflight under ${prefix} before routes and dependencies run.`,
      '# HTTPException answers get the headers; an unhandled exception becomes a 500 outside every middleware,',
      '# without them, so the page sees a CORS error instead of the 500.',
      'app.add_middleware(',
      `    ${middleware},`,
      ...kwargs.map(([name, value]) => `    ${name}=${printPythonValue(value)},`),
      ')',
    ].join('\n'),
  };
}
