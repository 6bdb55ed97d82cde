import type { OverrideRule } from '../core/rules';
import { remainingLabel } from '../core/rules';
import type { RescueView } from '../shared/messages';
import { CANNOT_ANSWER_PREFLIGHTS } from '../shared/ui/rescue-explanation';
import { lifetimeLabels } from './lifetime-select';
import { RescueOption } from './rescue-option';

interface Props {
  rules: OverrideRule[];
  activeIds: string[];
  now: number;
  onExtend(id: string): void;
  onRemove(id: string): void;
  onToggle(id: string, enabled: boolean): void;
  onEdit(rule: OverrideRule): void;
  /** Answering preflights (Chromium): where it runs, and how to switch it for one rule. */
  rescue?: RescueView | undefined;
  onAnswerPreflights?(id: string, enabled: boolean): Promise<string | undefined>;
}

function describeTarget(rule: OverrideRule): string {
  return rule.target.pathPrefix === '/'
    ? rule.target.origin
    : `${rule.target.origin}${rule.target.pathPrefix}`;
}

/** Every rule with its state and a live countdown; the ones in force first. */
export function RuleList({
  rules,
  activeIds,
  now,
  onExtend,
  onRemove,
  onToggle,
  onEdit,
  rescue,
  onAnswerPreflights,
}: Props) {
  if (rules.length === 0) return <p class="muted">No overrides. CORS behaves exactly as the servers say.</p>;
  // A set: with thousands of rules, scanning the list per comparison made each second's re-render quadratic and
  // kept the popup too busy to take a click.
  const inForce = new Set(activeIds);
  const sorted = [...rules].sort((a, b) => Number(inForce.has(b.id)) - Number(inForce.has(a.id)));
  return (
    <ul class="rules" aria-label="Override rules">
      {sorted.map((rule) => {
        const active = inForce.has(rule.id);
        const expired = rule.expiresAt !== null && rule.expiresAt <= now;
        const state = expired
          ? 'expired'
          : !rule.enabled
            ? 'off'
            : rule.expiresAt === null
              ? lifetimeLabels[rule.lifetime]
              : `${remainingLabel(rule.expiresAt - now)} left`;
        const name = `${rule.pageOrigin} → ${describeTarget(rule)}`;
        return (
          <li key={rule.id} class={active ? 'rule active' : 'rule'} data-rule-id={rule.id}>
            <label class="switch">
              <input
                type="checkbox"
                role="switch"
                checked={rule.enabled && !expired}
                aria-checked={rule.enabled && !expired}
                aria-label={`Override ${name}`}
                onChange={(e) =>
                  (e.target as HTMLInputElement).checked && expired
                    ? onExtend(rule.id)
                    : onToggle(rule.id, (e.target as HTMLInputElement).checked)
                }
              />
            </label>
            <div class="rule-main">
              <div class="rule-name">
                <code>{rule.pageOrigin}</code> → <code>{describeTarget(rule)}</code>
              </div>
              <div class="rule-meta">
                <span class={active ? 'state on' : 'state'} data-testid="rule-state">
                  {state}
                </span>
                {rule.credentials && <span class="tag">credentials</span>}
                <span class="tag" title="Allowed methods">
                  {rule.methods.join(' ')}
                </span>
              </div>
              {rescue?.supported && onAnswerPreflights && (
                <RescueOption
                  rule={rule}
                  active={active}
                  rescue={rescue}
                  onChange={(enabled) => onAnswerPreflights(rule.id, enabled)}
                />
              )}
            </div>
            <div class="rule-actions">
              {rule.expiresAt !== null && (
                <button type="button" onClick={() => onExtend(rule.id)} aria-label={`Extend ${name}`}>
                  Extend
                </button>
              )}
              <button type="button" onClick={() => onEdit(rule)} aria-label={`Edit ${name}`}>
                Edit
              </button>
              <button type="button" onClick={() => onRemove(rule.id)} aria-label={`Remove ${name}`}>
                Remove
              </button>
            </div>
          </li>
        );
      })}
      {rescue?.supported === false && (
        <li class="muted" data-testid="cannot-answer-preflights">
          {CANNOT_ANSWER_PREFLIGHTS}
        </li>
      )}
    </ul>
  );
}
