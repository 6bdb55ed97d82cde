import { FailureKindSelect } from './failure-kind-select';
import type { Filters } from './filter-rows';

interface Props {
  filters: Filters;
  methods: string[];
  types: string[];
  onChange(filters: Filters): void;
}

/** Blocked only, free text, method, type and kind of failure: the ways to find the failing request. */
export function FilterBar({ filters, methods, types, onChange }: Props) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div class="filter-bar">
      <input
        type="search"
        placeholder="Filter URL, host or reason"
        aria-label="Filter by URL, host or reason"
        value={filters.text}
        onInput={(e) => set({ text: (e.target as HTMLInputElement).value })}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={filters.blockedOnly}
          onChange={(e) => set({ blockedOnly: (e.target as HTMLInputElement).checked })}
        />
        Blocked only
      </label>
      <select
        aria-label="Method"
        value={filters.method}
        onChange={(e) => set({ method: (e.target as HTMLSelectElement).value })}
      >
        <option value="">All methods</option>
        {withCurrent(methods, filters.method).map((method) => (
          <option key={method} value={method}>
            {method}
          </option>
        ))}
      </select>
      <select
        aria-label="Type"
        value={filters.type}
        onChange={(e) => set({ type: (e.target as HTMLSelectElement).value })}
      >
        <option value="">All types</option>
        {withCurrent(types, filters.type).map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
      <FailureKindSelect value={filters.kind} onChange={(kind) => set({ kind })} />
    </div>
  );
}

// A persisted choice stays selectable before any matching request has arrived.
function withCurrent(values: string[], current: string): string[] {
  return current && !values.includes(current) ? [...values, current].sort() : values;
}
