import { useState } from 'preact/hooks';
import type { OverrideRule } from '../core/rules';
import type { AllowOutcome, AllowRequest } from '../shared/allow-with-access';
import type { AccessOptions } from '../shared/request-access';

/** Asks for host access in the click, then has the background make the override (allowWithAccess). */
export type Allow = (request: AllowRequest, options?: AccessOptions) => Promise<AllowOutcome>;

interface Props {
  pageOrigin: string;
  target: string;
  credentials: boolean;
  /** Response headers the page's script reads, which the override must expose. */
  exposeHeaders?: string[];
  allow: Allow;
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'elsewhere' }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

/** One click to let this page read the target for a while, through an override rule in the background. */
export function AllowTemporarily({ pageOrigin, target, credentials, exposeHeaders = [], allow }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const onClick = () => {
    setState({ kind: 'busy' });
    // allow() opens the permission prompt, which needs this click's user gesture: nothing is awaited before it.
    const request = { pageOrigin, target, credentials, ...(exposeHeaders.length ? { exposeHeaders } : {}) };
    allow(request, { onAskingElsewhere: () => setState({ kind: 'elsewhere' }) })
      .then((outcome) =>
        setState(
          'rule' in outcome
            ? { kind: 'done', text: describeRule(outcome.rule, pageOrigin, target) }
            : { kind: 'error', text: outcome.problem },
        ),
      )
      .catch((e: unknown) => setState({ kind: 'error', text: e instanceof Error ? e.message : String(e) }));
  };
  return (
    <div class="allow-temporarily">
      <button
        type="button"
        class="primary"
        disabled={state.kind === 'busy' || state.kind === 'elsewhere'}
        onClick={onClick}
      >
        Allow temporarily
      </button>{' '}
      <span class="muted">
        lets {pageOrigin} read {target}
      </span>
      {state.kind === 'elsewhere' && (
        <p role="status" class="muted">
          Confirm in the CORS Lens window that opened: the override is made as soon as you allow access.
        </p>
      )}
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

function describeRule(rule: OverrideRule, pageOrigin: string, target: string): string {
  const until = rule.expiresAt === null ? '' : ` until ${new Date(rule.expiresAt).toLocaleTimeString()}`;
  return `Override created (rule ${rule.id}): ${pageOrigin} may read ${target}${until}. Repeat the request to see it pass.`;
}
