import type { FailureContext } from './failure-context';
import type { ServerFix } from './types';

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';

/** The smallest server change that gets past this failure (later checks may still fail). */
export function serverFixFor(ctx: FailureContext): ServerFix | undefined {
  const stage = ctx.stage.kind;
  const include = ctx.credentials === 'include';
  const originHeaders = (): [string, string][] =>
    include
      ? [
          [ACAO, ctx.checkedOrigin],
          [ACAC, 'true'],
        ]
      : [[ACAO, ctx.checkedOrigin]];
  switch (ctx.error) {
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return {
        stage,
        headers: [
          [ACAO, ctx.checkedOrigin],
          [ACAC, 'true'],
          ['Vary', 'Origin'],
        ],
      };
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch': {
      const fix: ServerFix = { stage, headers: originHeaders() };
      if (stage === 'preflight' && ctx.status !== undefined && (ctx.status < 200 || ctx.status > 299)) {
        fix.status = 'Answer the OPTIONS preflight with 204 (any 2xx)';
      }
      if (ctx.error.endsWith('MultipleAllowOriginValues')) {
        fix.note =
          'Send the header once, with one origin (set it, do not append to one a proxy already adds).';
      }
      if (ctx.tainted) fix.note = 'After a cross-origin redirect the origin is `null`.';
      return fix;
    }
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return { stage, headers: [[ACAC, 'true']] };
    case 'PreflightInvalidStatus':
      return { stage, status: 'Answer the OPTIONS preflight with 204 (any 2xx)', headers: [] };
    case 'PreflightDisallowedRedirect':
      return {
        stage,
        status: 'Answer the OPTIONS preflight with 204 (any 2xx) instead of redirecting',
        headers: [],
        note: 'Or make the page call the final URL directly.',
      };
    case 'InvalidAllowMethodsPreflightResponse':
    case 'MethodDisallowedByPreflightResponse':
      return { stage, headers: [['Access-Control-Allow-Methods', ctx.method]] };
    case 'InvalidAllowHeadersPreflightResponse':
    case 'HeaderDisallowedByPreflightResponse':
      return { stage, headers: [['Access-Control-Allow-Headers', ctx.unsafeHeaderNames.join(', ')]] };
    case 'RedirectContainsCredentials':
      return { stage, headers: [], note: 'Redirect to a URL without user:pass@.' };
    case 'CorsDisabledScheme':
      return { stage, headers: [], note: 'Serve the resource over http or https.' };
    case 'DisallowedByMode':
      return {
        stage,
        headers: [],
        note: "No server change helps: the page must not use mode 'same-origin'.",
      };
    default:
      return undefined;
  }
}
