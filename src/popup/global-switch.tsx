import { useState } from 'preact/hooks';

interface Props {
  /** What the background last said. */
  enabled: boolean;
  /** Asks the background; resolves once it has answered (the new state arrives through `enabled`). */
  onChange(enabled: boolean): Promise<unknown>;
}

/** The switch that turns every override off (or back on) at once; the rules themselves are kept. */
export function GlobalSwitch({ enabled, onChange }: Props) {
  // The switch shows the user's choice at once: removing thousands of rules takes the background a moment, and the
  // popup re-renders every second for its countdowns meanwhile (a controlled input would jump back until the answer).
  const [choice, setChoice] = useState<boolean | undefined>(undefined);
  const on = choice ?? enabled;
  return (
    <label class="switch global" title="Turns every override off at once (rules are kept)">
      <input
        type="checkbox"
        role="switch"
        aria-label="Overrides enabled"
        checked={on}
        aria-checked={on}
        onChange={(e) => {
          const next = (e.target as HTMLInputElement).checked;
          setChoice(next);
          void onChange(next).finally(() => setChoice(undefined));
        }}
      />
      <span>{on ? 'Overrides on' : 'Overrides off'}</span>
    </label>
  );
}
