import type { Lifetime } from '../core/rules';

export const lifetimeLabels: Record<Lifetime, string> = {
  '15m': '15 minutes',
  '1h': '1 hour',
  '8h': '8 hours',
  session: 'until browser restart',
  pinned: 'pinned (no expiry)',
};

export function LifetimeSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Lifetime;
  onChange(v: Lifetime): void;
}) {
  return (
    <select
      id={id}
      aria-label="Lifetime"
      value={value}
      onChange={(e) => onChange((e.target as HTMLSelectElement).value as Lifetime)}
    >
      {(Object.keys(lifetimeLabels) as Lifetime[]).map((l) => (
        <option key={l} value={l}>
          {lifetimeLabels[l]}
        </option>
      ))}
    </select>
  );
}
