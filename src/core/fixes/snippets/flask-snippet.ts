import { flaskCorsKwargs, flaskResourcePattern } from '../flask-cors-kwargs';
import { printPythonValue } from '../literals/print-python-value';
import { quotePythonRegex } from '../literals/quote-python-regex';
import { routeScope } from '../route-scope';
import type { FixInput, Snippet } from '../types';

export function flaskSnippet(input: FixInput): Snippet {
  const scope = routeScope(input.targetUrl);
  const pattern = quotePythonRegex(flaskResourcePattern(scope));
  return {
    framework: 'flask',
    title: 'Flask (flask-cors)',
    language: 'python',
    install: 'pip install flask-cors',
    code: [
      'from flask_cors import CORS',
      '',
      `# Answers the OPTIONS preflight and adds the headers to every response under ${scope.prefix}.`,
      `CORS(app, resources={${pattern}: ${printPythonValue(flaskCorsKwargs(input))}})`,
    ].join('\n'),
  };
}
