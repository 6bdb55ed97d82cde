import { useState } from 'preact/hooks';
import { preflightFixableByHeaders } from '../core/rules';
import { canAnswerPreflights } from '../shared/can-answer-preflights';
import type { LoggedExchange } from '../shared/panel-protocol';
import { type RequestRescueAccess, requestRescueAccess } from '../shared/request-rescue-access';
import { CANNOT_ANSWER_PREFLIGHTS, RescueExplanation } from '../shared/ui/rescue-explanation';
import type { Allow } from './allow-temporarily';

interface Props {
  pageOrigin: string;
  target: string;
  credentials: boolean;
  allow: Allow;
  requestAccess?: RequestRescueAccess;
  /** Chromium can answer preflights; Firefox cannot (the build says which). */
  supported?: boolean;
}

type State =
  | { kind: 'idle' }
  | { kind: 'explaining' }
  | { kind: 'busy' }
  | { kind: 'done' }
  | { kind: 'error'; text: string };

/**
 * For an exchange the server's refused preflight stopped (no header fixes a status): let CORS Lens answer its
 * preflights while developing. The browser's debugging bar is explained before the permission is asked.
 */
export function RescueOffer({
  pageOrigin,
  target,
  credentials,
  allow,
  requestAccess = requestRescueAccess,
  supported = canAnswerPreflights(),
}: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  if (!supported)
    return (
      <p class="muted" data-testid="cannot-answer-preflights">
        {CANNOT_ANSWER_PREFLIGHTS}
      </p>
    );
  const accept = () => {
    setState({ kind: 'busy' });
    // The prompt needs this click's user gesture: ask before anything else is awaited.
    requestAccess([pageOrigin, target])
      .then(async (granted) => {
        if (!granted) {
          setState({
            kind: 'error',
            text: 'The permissions were not granted: the preflights stay with the server.',
          });
          return;
        }
        const result = await allow({ pageOrigin, target, credentials, answerPreflights: true });
        setState(
          result.ok
            ? { kind: 'done' }
            : { kind: 'error', text: result.errors.map((e) => e.message).join(' ') },
        );
      })
      .catch((e: unknown) => setState({ kind: 'error', text: e instanceof Error ? e.message : String(e) }));
  };
  return (
    <div class="rescue-offer">
      {state.kind === 'idle' && (
        <button type="button" onClick={() => setState({ kind: 'explaining' })}>
          Answer its preflights…
        </button>
      )}
      {(state.kind === 'explaining' || state.kind === 'busy') && (
        <fieldset class="rescue-confirm" aria-label="Answer preflights: what it does">
          <RescueExplanation pageOrigin={pageOrigin} target={target} />
          <button type="button" onClick={() => setState({ kind: 'idle' })}>
            Not now
          </button>{' '}
          <button type="button" class="primary" disabled={state.kind === 'busy'} onClick={accept}>
            Allow and answer preflights
          </button>
        </fieldset>
      )}
      {state.kind === 'done' && (
        <p role="status" class="ok">
          CORS Lens now answers the preflights from {pageOrigin} to {target} that the server refuses. Repeat
          the request to see it pass.
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

/** The server answered the exchange's preflight with a status no header can fix: only answering it helps. */
export function refusedPreflight(logged: LoggedExchange): boolean {
  const status = logged.record.preflight?.response?.status;
  return status !== undefined && !preflightFixableByHeaders(status);
}
