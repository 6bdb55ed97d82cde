import { useCallback, useEffect, useState } from 'preact/hooks';
import type { MessageName, Messages, RulesView } from '../shared/messages';
import { send } from '../shared/send';

export interface RulesModel {
  view: RulesView | undefined;
  /** The background's clock, ticking locally every second for countdowns. */
  now: number;
  error: string | undefined;
  call<N extends MessageName>(
    type: N,
    payload: Messages[N]['request'],
  ): Promise<Messages[N]['response'] | undefined>;
}

/** The rules as the background sees them; every call refreshes the view from its answer. */
export function useRules(): RulesModel {
  const [view, setView] = useState<RulesView | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const [tick, setTick] = useState(Date.now());
  const [error, setError] = useState<string | undefined>(undefined);

  const accept = useCallback((next: RulesView) => {
    setView(next);
    setOffset(next.now - Date.now());
  }, []);

  const call = useCallback(
    async <N extends MessageName>(type: N, payload: Messages[N]['request']) => {
      try {
        const answer = await send(type, payload);
        const maybeView = answer as unknown as { view?: RulesView; rules?: unknown };
        if (maybeView.view) accept(maybeView.view);
        else if (maybeView.rules) accept(answer as unknown as RulesView);
        setError(undefined);
        return answer;
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        return undefined;
      }
    },
    [accept],
  );

  useEffect(() => {
    void call('rules/get', {});
    const timer = setInterval(() => setTick(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [call]);

  return { view, now: tick + offset, error, call };
}
