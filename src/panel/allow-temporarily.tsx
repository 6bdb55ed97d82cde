import { useState } from 'preact/hooks';
import type { Response } from '../shared/messages';
import type { RequestHostAccess } from './request-host-access';

export type AllowRequest = {
  pageOrigin: string;
  target: string;
  credentials?: boolean;
  /** Chromium: CORS Lens also answers the preflights the server refuses (rescue-offer.tsx). */
  answerPreflights?: boolean;
};
export type Allow = (request: AllowRequest) => Promise<Response<'rules/allow'>>;

interface Props {
  pageOrigin: string;
  target: string;
  credentials: boolean;
  allow: Allow;
  requestHostAccess: RequestHostAccess;
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

/** One click to let this page read the target for a while, through an override rule in the background. */
export function AllowTemporarily({ pageOrigin, target, credentials, allow, requestHostAccess }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const onClick = () => {
    setState({ kind: 'busy' });
    // The permission prompt needs this click's user gesture, so it is asked before any other await.
    requestHostAccess([pageOrigin, target])
      .then(async (granted) => {
        if (!granted) {
          setState({
            kind: 'error',
            text: `Access to ${pageOrigin} and ${target} was not granted: an override must rewrite their responses.`,
          });
          return;
        }
        const result = await allow({ pageOrigin, target, credentials });
        setState(
          result.ok
            ? { kind: 'done', text: describeRule(result.value, pageOrigin, target) }
            : { kind: 'error', text: result.errors.map((e) => e.message).join(' ') },
        );
      })
      .catch((e: unknown) => setState({ kind: 'error', text: e instanceof Error ? e.message : String(e) }));
  };
  return (
    <div class="allow-temporarily">
      <button type="button" class="primary" disabled={state.kind === 'busy'} onClick={onClick}>
        Allow temporarily
      </button>{' '}
      <span class="muted">
        lets {pageOrigin} read {target}
      </span>
      {state.kind === 'done' && (
        <p role="status" class="ok">
          {state.text}
        </p>
      )}
      {state.kind === 'error' && (
        <p role="alert" class="bad">
          {state.text}
        </p>
      )}
    </div>
  );
}

// The rule's shape belongs to core/rules; only the fields every rule has are read, defensively.
function describeRule(rule: unknown, pageOrigin: string, target: string): string {
  const fields = (typeof rule === 'object' && rule !== null ? rule : {}) as {
    id?: unknown;
    expiresAt?: unknown;
  };
  const until =
    typeof fields.expiresAt === 'number' ? ` until ${new Date(fields.expiresAt).toLocaleTimeString()}` : '';
  const id = typeof fields.id === 'string' ? ` (rule ${fields.id})` : '';
  return `Override created${id}: ${pageOrigin} may read ${target}${until}. Repeat the request to see it pass.`;
}
