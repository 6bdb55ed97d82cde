// The server-fix API: what the panel imports to explain how to fix a failed exchange.
export { type CurlCommands, type CurlInput, curlCommands } from './curl-commands';
export { type ExpressCorsOptions, expressCorsOptions } from './express-cors-options';
export { fixSnippets } from './fix-snippets';
export { type FlaskCorsKwargs, flaskCorsKwargs, flaskResourcePattern } from './flask-cors-kwargs';
export { requiredHeaders } from './required-headers';
export type { FixInput, Framework, HeaderPair, RequiredHeaders, Snippet } from './types';
export { InvalidFixInputError, validateFixInput } from './validate-fix-input';
