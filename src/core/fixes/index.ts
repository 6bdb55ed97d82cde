// The fix API: what the panel imports to explain how to fix a failed exchange.
export { type CurlCommands, type CurlInput, curlCommands } from './curl-commands';
export { type ExpressCorsOptions, expressCorsOptions } from './express-cors-options';
export { fixInputForExchange } from './fix-input-for-exchange';
export { fixSnippets } from './fix-snippets';
export { type FlaskCorsKwargs, flaskCorsKwargs, flaskResourcePattern } from './flask-cors-kwargs';
export { FRAMEWORKS, isFramework } from './frameworks';
export { guessDevServer } from './proxy/guess-dev-server';
export { isLocalDevOrigin } from './proxy/is-local-dev-origin';
export { DEV_SERVERS, proxyFixes } from './proxy/proxy-fixes';
export type { DevServer, ProxyFix } from './proxy/types';
export { type FixKind, type FixPreferences, type RankedFixes, rankFixes } from './rank-fixes';
export { requiredHeaders } from './required-headers';
export type {
  FixCredentials,
  FixInput,
  Framework,
  HeaderPair,
  RequiredHeaders,
  Snippet,
  Verification,
} from './types';
export { InvalidFixInputError, validateFixInput } from './validate-fix-input';
export { type ExposeHeadersEdit, withExposeHeaders } from './with-expose-headers';
