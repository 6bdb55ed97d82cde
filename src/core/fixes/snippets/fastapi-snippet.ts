import { printPythonValue } from '../literals/print-python-value';
import { resolveCorsNeeds } from '../resolve-cors-needs';
import type { FixInput, Snippet } from '../types';

export function fastapiSnippet(input: FixInput): Snippet {
  const needs = resolveCorsNeeds(input);
  const kwargs: [string, string[] | boolean | number][] = [
    ['allow_origins', [needs.origin]],
    // Starlette allows only GET unless told otherwise.
    ['allow_methods', needs.methods],
    ['allow_headers', needs.allowHeaders],
    ['allow_credentials', needs.credentials],
    ['expose_headers', needs.exposeHeaders],
    ['max_age', needs.maxAge],
  ];
  return {
    framework: 'fastapi',
    title: 'FastAPI (CORSMiddleware)',
    language: 'python',
    code: [
      'from fastapi.middleware.cors import CORSMiddleware',
      '',
      `# App-wide (also covers ${needs.scope.prefix}): answers the OPTIONS preflight before routes and dependencies run.`,
      'app.add_middleware(',
      '    CORSMiddleware,',
      ...kwargs.map(([name, value]) => `    ${name}=${printPythonValue(value)},`),
      ')',
    ].join('\n'),
  };
}
