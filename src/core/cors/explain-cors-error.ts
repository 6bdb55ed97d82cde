import type { FailureContext } from './failure-context';
import { getNormalizedHeader } from './get-normalized-header';

/** Plain English for every CorsError: names the header, its value and what was expected. */
export function explainCorsError(ctx: FailureContext): string {
  const subject = responseLabel(ctx);
  const whose = `${subject}'s`;
  const origin = `\`${ctx.checkedOrigin}\``;
  const value = `\`${ctx.failedParameter}\``;
  const taint = ctx.tainted
    ? ` The origin is \`null\` because the request was redirected across origins (Fetch's "tainted origin"), so only \`Access-Control-Allow-Origin: null\` or \`*\` can match.`
    : '';
  const credentialsNote =
    ctx.credentials === 'include' ? ' and `Access-Control-Allow-Credentials: true`' : '';
  switch (ctx.error) {
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return `${whose} Access-Control-Allow-Origin is \`*\`, but the request was sent with credentials; the server must answer with ${origin} and \`Access-Control-Allow-Credentials: true\`.${taint}`;
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
      return `${subject} has no Access-Control-Allow-Origin header; the server must send \`Access-Control-Allow-Origin: ${ctx.checkedOrigin}\`${credentialsNote}${ctx.credentials === 'include' ? '' : ' (or `*`)'}.${statusNote(ctx)}${taint}`;
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return `${whose} Access-Control-Allow-Origin is ${value}, which holds more than one value (a list, or the header was sent more than once); it must be exactly one origin: ${origin}.${taint}`;
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      return `${whose} Access-Control-Allow-Origin is ${value}, which is not an origin; it must be ${origin} (scheme, host and port, no path)${ctx.credentials === 'include' ? '' : ' or `*`'}.${taint}`;
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return `${whose} Access-Control-Allow-Origin is ${value}, but the request's origin is ${origin}; they must match exactly${ctx.credentials === 'include' ? '' : ' (or the server may send `*`)'}.${taint}`;
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return `The request was sent with credentials, so ${lowerFirst(whose)} Access-Control-Allow-Credentials must be exactly \`true\`; ${ctx.failedParameter === '' ? 'it is missing' : `it is ${value}`}.`;
    case 'CorsDisabledScheme':
      return `The request to \`${ctx.url}\` uses a scheme that does not support CORS; cross-origin requests from ${`\`${ctx.pageOrigin}\``} must use http or https.`;
    case 'DisallowedByMode':
      return `The request was made with mode \`same-origin\`, but \`${ctx.url}\` is cross-origin to \`${ctx.pageOrigin}\`; the page must use mode \`cors\` (the default for fetch) for the server's CORS headers to count.`;
    case 'PreflightInvalidStatus':
      return `The preflight (OPTIONS) response has status ${ctx.status ?? 'unknown'}; it must be a 2xx status (204 is usual). Its CORS headers were otherwise fine.`;
    case 'PreflightDisallowedRedirect':
      return `The preflight (OPTIONS) response is a redirect (${ctx.status ?? '3xx'} to \`${ctx.location ?? ''}\`); a preflight may not be redirected, so the server must answer OPTIONS at \`${ctx.url}\` itself with 2xx and the CORS headers.`;
    case 'InvalidAllowMethodsPreflightResponse':
      return `The preflight response's Access-Control-Allow-Methods is \`${header(ctx, 'access-control-allow-methods')}\`, which is not a comma-separated list of method names (tokens); expected e.g. \`${ctx.method}\`.`;
    case 'InvalidAllowHeadersPreflightResponse':
      return `The preflight response's Access-Control-Allow-Headers is \`${header(ctx, 'access-control-allow-headers')}\`, which is not a comma-separated list of header names (tokens); expected e.g. \`${ctx.unsafeHeaderNames.join(', ')}\`.`;
    case 'MethodDisallowedByPreflightResponse':
      return `The request method ${value} is not listed in the preflight response's Access-Control-Allow-Methods (${present(ctx, 'access-control-allow-methods')}); it must include \`${ctx.failedParameter}\` exactly (methods are case-sensitive).${wildcardNote(ctx, 'access-control-allow-methods')}`;
    case 'HeaderDisallowedByPreflightResponse':
      return `The request header ${value} is not allowed by the preflight response's Access-Control-Allow-Headers (${present(ctx, 'access-control-allow-headers')}); it must list \`${ctx.failedParameter}\`.${ctx.failedParameter === 'authorization' ? ' `*` never covers Authorization: it must be named.' : wildcardNote(ctx, 'access-control-allow-headers')}`;
    case 'RedirectContainsCredentials':
      return `The request was redirected to \`${ctx.location ?? ''}\`, a URL with a user name or password; a CORS request may not follow such a redirect. The server must redirect to a URL without \`user:pass@\`.`;
    case 'InvalidResponse':
      return 'The preflight (OPTIONS) request failed with a network error, so the actual request was not sent.';
    case 'NoCorsRedirectModeNotFollow':
      return 'A no-cors request with redirect mode other than `follow` is not allowed.';
    case 'LocalNetworkAccessPermissionDenied':
      return `Local Network Access refused the request before it reached \`${ctx.url}\`: \`${ctx.pageOrigin}\` is on a less private network than that address, and the user has not granted this page the permission to reach it. No response header can allow it.`;
    case 'InsecureLocalNetwork':
      return `Local Network Access refused the request before it reached \`${ctx.url}\`: \`${ctx.pageOrigin}\` is on a less private network than that address and is not a secure context, so Chromium does not even ask the user. No response header can allow it.`;
    case 'InvalidLocalNetworkAccess':
      return `The request's \`targetAddressSpace\` does not match the address space \`${ctx.url}\` turned out to be in, so Local Network Access refused it.`;
    case 'PreflightMissingAllowExternal':
    case 'PreflightInvalidAllowExternal':
      return `The preflight response lacks a valid \`Access-Control-Allow-External\`, the header of an early Private Network Access draft (${ctx.error}); current Chromium no longer asks for it.`;
  }
}

function responseLabel(ctx: FailureContext): string {
  if (ctx.stage.kind === 'preflight') return 'The preflight (OPTIONS) response';
  if (ctx.stage.kind === 'redirect') return `The redirect (hop ${ctx.stage.hop + 1}) response`;
  return 'The response';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function statusNote(ctx: FailureContext): string {
  return ctx.stage.kind === 'preflight' && ctx.status !== undefined && (ctx.status < 200 || ctx.status > 299)
    ? ` Its status ${ctx.status} must also be 2xx.`
    : '';
}

function header(ctx: FailureContext, lowerName: string): string {
  return getNormalizedHeader(ctx.responseHeaders, lowerName) ?? '';
}

function present(ctx: FailureContext, lowerName: string): string {
  const value = getNormalizedHeader(ctx.responseHeaders, lowerName);
  return value === undefined ? 'the header is missing' : `it is \`${value}\``;
}

function wildcardNote(ctx: FailureContext, lowerName: string): string {
  if (ctx.credentials !== 'include') return '';
  const value = getNormalizedHeader(ctx.responseHeaders, lowerName) ?? '';
  return value.split(',').some((part) => part.trim() === '*')
    ? ' `*` is only a wildcard for requests without credentials.'
    : '';
}
