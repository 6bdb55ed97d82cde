import { useState } from 'preact/hooks';
import { preflightFixableByHeaders } from '../core/rules';
import { canAnswerPreflights } from '../shared/can-answer-preflights';
import type { LoggedExchange } from '../shared/panel-protocol';
import { CANNOT_ANSWER_PREFLIGHTS, RescueExplanation } from '../shared/ui/rescue-explanation';
import type { Allow } from './allow-temporarily';

interface Props {
  pageOrigin: string;
  target: string;
  credentials: boolean;
  /** Asks for host access and the debugger permission in the click, then has the background make the rule. */
  allow: Allow;
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
    // The prompt needs this click's user gesture: allow() asks before anything else is awaited, for the hosts and
    // the debugger permission at once; the background makes the rule once they are granted.
    allow({ pageOrigin, target, credentials, answerPreflights: true }, { permissions: ['debugger'] })
      .then((outcome) =>
        setState('rule' in outcome ? { kind: 'done' } : { kind: 'error', text: outcome.problem }),
      )
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
