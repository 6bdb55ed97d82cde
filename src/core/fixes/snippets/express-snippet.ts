import { expressCorsOptions } from '../express-cors-options';
import { printJsValue } from '../literals/print-js-value';
import { quoteJsString } from '../literals/quote-js-string';
import { routeScope } from '../route-scope';
import type { FixInput, Snippet } from '../types';

export function expressSnippet(input: FixInput): Snippet {
  const options = printJsValue(expressCorsOptions(input));
  const { mount, prefix } = routeScope(input.targetUrl);
  const use =
    mount === '' ? `app.use(cors(${options}));` : `app.use(${quoteJsString(mount)}, cors(${options}));`;
  return {
    framework: 'express',
    title: 'Express (cors middleware)',
    language: 'js',
    install: 'npm install cors',
    versions: 'cors 2.8 on Express 4 or 5',
    verification: { live: true, verifiedWith: 'Express 5.2 with cors 2.8' },
    code: [
      "const cors = require('cors'); // in an ES module: import cors from 'cors';",
      '',
      '// After `const app = express();`, before the routes: cors() answers the OPTIONS preflight',
      `// under ${prefix} itself (204), so no app.options() route is needed, and adds the headers`,
      '// to every response there, errors too.',
      use,
    ].join('\n'),
  };
}
