import type { Verification } from '../core/fixes';

interface Option<T extends string> {
  value: T;
  title: string;
  verification: Verification;
}

interface Props<T extends string> {
  label: string;
  options: Option<T>[];
  value: T | undefined;
  onPick(value: T): void;
}

/** Picks a stack or dev server; options no test here ran for real say so in their label. */
export function FixChoiceSelect<T extends string>({ label, options, value, onPick }: Props<T>) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => onPick(event.currentTarget.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.title}
            {option.verification.live ? '' : ' (not verified live)'}
          </option>
        ))}
      </select>
    </label>
  );
}
