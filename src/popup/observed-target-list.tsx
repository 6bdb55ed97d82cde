import { useEffect, useState } from 'preact/hooks';
import {
  DEFAULT_LIFETIME,
  type ObservedTarget,
  type OverrideRule,
  preflightStatusMessage,
} from '../core/rules';
import type { RulesView } from '../shared/messages';
import { send } from '../shared/send';
import { lifetimeLabels } from './lifetime-select';
import { RescueHint } from './rescue-hint';

interface Props {
  tabId: number;
  pageOrigin: string;
  view: RulesView;
  onAllow(target: ObservedTarget): Promise<string | undefined>;
  onRemove(id: string): void;
}

/** How often the list re-reads the tab's log while the popup is open. */
const REFRESH_MS = 2000;

/**
 * The cross-origin targets this tab's page called (from its log), each with its blocked count and one switch that
 * allows it from this page for the default lifetime. A target whose preflight got a non-2xx status is marked:
 * no header can fix that.
 */
export function ObservedTargetList({ tabId, pageOrigin, view, onAllow, onRemove }: Props) {
  const [targets, setTargets] = useState<ObservedTarget[] | undefined>(undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    let live = true;
    const load = () =>
      send('tab/targets', { tabId, pageOrigin }).then(
        (answer) => live && setTargets(answer.targets),
        () => live && setTargets([]),
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tabId, pageOrigin]);

  if (!targets || targets.length === 0) return null;
  const ruleFor = (origin: string): OverrideRule | undefined =>
    view.rules.find(
      (r) => r.pageOrigin === pageOrigin && r.target.origin === origin && r.target.pathPrefix === '/',
    );

  const toggle = (target: ObservedTarget, on: boolean) => {
    const rule = ruleFor(target.origin);
    if (!on) {
      if (rule) onRemove(rule.id);
      return;
    }
    // The permission prompt must open inside this click: onAllow asks for access before anything is awaited.
    onAllow(target)
      .then((problem) => setErrors((all) => ({ ...all, [target.origin]: problem ?? '' })))
      .catch((e: unknown) =>
        setErrors((all) => ({ ...all, [target.origin]: e instanceof Error ? e.message : String(e) })),
      );
  };

  return (
    <section aria-label="Sites this page called" data-testid="observed-targets">
      <h2>Called by this page</h2>
      <ul class="rules">
        {targets.map((target) => {
          const rule = ruleFor(target.origin);
          const on = rule !== undefined && view.activeIds.includes(rule.id);
          const error = errors[target.origin];
          return (
            <li key={target.origin} class={on ? 'rule active' : 'rule'} data-target={target.origin}>
              <label class="switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={on}
                  aria-checked={on}
                  aria-label={`Allow ${target.origin} from this page`}
                  onChange={(e) => toggle(target, (e.target as HTMLInputElement).checked)}
                />
              </label>
              <div class="rule-main">
                <div class="rule-name">
                  <code>{target.origin}</code>
                </div>
                <div class="rule-meta">
                  <span>
                    {target.requests} request{target.requests === 1 ? '' : 's'}
                  </span>
                  {target.blocked > 0 && <span class="state blocked">{target.blocked} blocked</span>}
                  <span
                    class="tag"
                    title={
                      target.credentialsAssumed
                        ? 'No request showed cookies, so whether it sends credentials is unknown: the rule allows them, which changes nothing for requests without'
                        : 'Requests carried cookies'
                    }
                  >
                    {target.credentialsAssumed ? 'credentials (assumed)' : 'credentials'}
                  </span>
                </div>
                {target.unfixablePreflightStatus !== undefined && (
                  <p class="field-error" data-testid="unfixable-preflight">
                    {preflightStatusMessage(target.unfixablePreflightStatus)}
                  </p>
                )}
                {target.unfixablePreflightStatus !== undefined && <RescueHint rescue={view.rescue} />}
                {error && (
                  <p class="field-error" role="alert">
                    {error}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <p class="muted">
        Switching one on allows it for {lifetimeLabels[DEFAULT_LIFETIME]} with what this page sent.
      </p>
    </section>
  );
}
