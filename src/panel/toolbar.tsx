import type { LogStatus } from '../shared/panel-protocol';

interface Props {
  status: LogStatus | undefined;
  shown: number;
  total: number;
  blocked: number;
  onClear(): void;
  onPreserve(preserve: boolean): void;
  onExportHar(): void;
  onExportJson(): void;
}

/** Log-wide actions and counts. */
export function Toolbar({
  status,
  shown,
  total,
  blocked,
  onClear,
  onPreserve,
  onExportHar,
  onExportJson,
}: Props) {
  return (
    <div class="toolbar" role="toolbar" aria-label="Log">
      <button type="button" onClick={onClear} aria-label="Clear log">
        Clear
      </button>
      <label class="check">
        <input
          type="checkbox"
          checked={status?.preserveLog ?? false}
          onChange={(e) => onPreserve((e.target as HTMLInputElement).checked)}
        />
        Preserve log
      </label>
      <button type="button" onClick={onExportHar} disabled={total === 0}>
        Export HAR
      </button>
      <button type="button" onClick={onExportJson} disabled={total === 0}>
        Export JSON
      </button>
      <span class="muted counts" aria-live="polite">
        {shown === total ? `${total} requests` : `${shown} of ${total} requests`}
        {blocked > 0 ? `, ${blocked} blocked` : ''}
        {status && status.dropped > 0 ? ` (${status.dropped} older dropped)` : ''}
      </span>
    </div>
  );
}
