import { useState } from 'preact/hooks';
import type { OverrideRule } from '../core/rules';
import type { RescueView } from '../shared/messages';
import { type AccessOutcome, requestAccessThen } from '../shared/request-access';
import { RescueExplanation } from '../shared/ui/rescue-explanation';

interface Props {
  rule: OverrideRule;
  active: boolean;
  rescue: RescueView;
  /** Turns the option on or off; resolves to the background's error, if any. */
  onChange(enabled: boolean): Promise<string | undefined>;
  /** Asks for the debugger permission; the background turns the option on once it is granted (injected in tests). */
  requestAccess?: (ruleId: string) => Promise<AccessOutcome>;
}

/** The prompt may close the popup (Chrome does): the background switches the option on when access arrives. */
const askToAnswer = (ruleId: string) =>
  requestAccessThen(
    [],
    { type: 'rules/set-answer-preflights', request: { id: ruleId, enabled: true } },
    { permissions: ['debugger'] },
  );

function targetOf(rule: OverrideRule): string {
  return `${rule.target.origin}${rule.target.pathPrefix === '/' ? '' : rule.target.pathPrefix}`;
}

/**
 * "Answer preflights" on one rule (Chromium). Turning it on explains the browser's debugging bar first; the
 * permission is asked only by the click that accepts.
 */
export function RescueOption({ rule, active, rescue, onChange, requestAccess = askToAnswer }: Props) {
  const [explaining, setExplaining] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const on = rule.answerPreflights === true;
  const name = `${rule.pageOrigin} → ${targetOf(rule)}`;
  const apply = (enabled: boolean) =>
    onChange(enabled).then(
      (problem) => setError(problem),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  const accept = () => {
    // The prompt needs this click's user gesture: ask before anything else is awaited.
    requestAccess(rule.id)
      .then((outcome) => {
        if (outcome.kind !== 'done') {
          setError('The debugger permission was not granted: preflights stay with the server.');
          return;
        }
        setExplaining(false);
        return apply(true); // already on (the background did it): this shows it
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const tabs = rescue.tabsByRule[rule.id] ?? [];
  return (
    <div class="rescue-option">
      <label class="check">
        <input
          type="checkbox"
          checked={on || explaining}
          aria-label={`Answer preflights for ${name}`}
          onChange={(e) => {
            const checked = (e.target as HTMLInputElement).checked;
            setError(undefined);
            if (!checked) {
              setExplaining(false);
              if (on) void apply(false);
            } else if (rescue.granted) void apply(true);
            else setExplaining(true);
          }}
        />
        Answer preflights
      </label>
      {on && active && (
        <span class="tag rescue-state" data-testid="rescue-state">
          {!rescue.granted
            ? 'needs the debugger permission: switch off and on'
            : tabs.length > 0
              ? `answering in ${tabs.length} tab${tabs.length === 1 ? '' : 's'}`
              : `waiting for a tab of ${rule.pageOrigin}`}
        </span>
      )}
      {explaining && (
        <fieldset class="rescue-confirm" aria-label="Answer preflights: what it does">
          <RescueExplanation pageOrigin={rule.pageOrigin} target={targetOf(rule)} />
          <div class="row end">
            <button type="button" onClick={() => setExplaining(false)}>
              Not now
            </button>
            <button type="button" class="primary" onClick={accept}>
              Turn on
            </button>
          </div>
        </fieldset>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
