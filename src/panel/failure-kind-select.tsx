import { FAILURE_KIND_IDS, FAILURE_KIND_LABELS, type FailureKindId, isFailureKindId } from '../core/cors';

interface Props {
  value: FailureKindId | '';
  onChange(kind: FailureKindId | ''): void;
}

/** The kinds of failure the log's rows are sorted into, in the words of their headlines. */
export function FailureKindSelect({ value, onChange }: Props) {
  return (
    <select
      aria-label="Kind of failure"
      value={isFailureKindId(value) ? value : ''}
      onChange={(e) => {
        const picked = (e.target as HTMLSelectElement).value;
        onChange(isFailureKindId(picked) ? picked : '');
      }}
    >
      <option value="">All failure kinds</option>
      {FAILURE_KIND_IDS.map((id) => (
        <option key={id} value={id}>
          {FAILURE_KIND_LABELS[id]}
        </option>
      ))}
    </select>
  );
}
