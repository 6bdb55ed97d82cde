import type { FailureKind, FailureKindId } from './failure-kind';

/** Every kind, in the order the filter offers them, with the filter's words. */
export const FAILURE_KIND_LABELS: Record<FailureKindId, string> = {
  'cors-config': 'CORS configuration',
  'server-error': 'Server failed, error lacks CORS headers',
  'preflight-refused': 'Preflight refused',
  'local-network': 'Local-network permission',
  redirect: 'Redirect CORS forbids',
  scheme: 'Mixed content or scheme',
  'not-sent': 'Not sent (extension, client, network)',
};

export const FAILURE_KIND_IDS = Object.keys(FAILURE_KIND_LABELS) as FailureKindId[];

export function isFailureKindId(value: string): value is FailureKindId {
  return Object.hasOwn(FAILURE_KIND_LABELS, value);
}

/** A few words for the log's verdict column, e.g. "server error 500". */
export function failureKindShort(kind: FailureKind): string {
  switch (kind.id) {
    case 'cors-config':
      return 'CORS config';
    case 'server-error':
      return `server error ${kind.status ?? ''}`.trim();
    case 'preflight-refused':
      return `preflight refused ${kind.status ?? ''}`.trim();
    case 'local-network':
      return 'local network';
    case 'redirect':
      return 'redirect';
    case 'scheme':
      return 'scheme';
    case 'not-sent':
      return 'not sent';
  }
}
