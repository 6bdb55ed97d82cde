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
    versions: 'flask-cors 3.0 or later',
    verification: { live: true, verifiedWith: 'Flask 2.2 with flask-cors 3.0 (Debian 12)' },
    code: [
      'from flask_cors import CORS',
      '',
      `# After \`app = Flask(__name__)\`: answers the OPTIONS preflight and adds the headers to every response under ${scope.prefix},`,
      '# error responses included.',
      `CORS(app, resources={${pattern}: ${printPythonValue(flaskCorsKwargs(input))}})`,
    ].join('\n'),
  };
}
