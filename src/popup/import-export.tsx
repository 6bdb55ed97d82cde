import { useState } from 'preact/hooks';
import type { FieldError } from '../shared/messages';

interface Props {
  onExport(): Promise<string | undefined>;
  onImport(
    json: string,
  ): Promise<{ ok: true; added: number; replaced: number } | { ok: false; errors: FieldError[] }>;
}

/** Rules as a JSON file: export downloads it; import validates every entry and changes nothing on error. */
export function ImportExport({ onExport, onImport }: Props) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; lines: string[] } | undefined>(undefined);

  const exportRules = async () => {
    const json = await onExport();
    if (json === undefined) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    link.download = `cors-lens-rules-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };

  const importFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = await onImport(await file.text());
    setMessage(
      result.ok
        ? { kind: 'ok', lines: [`Imported ${result.added} new and ${result.replaced} replaced rule(s).`] }
        : {
            kind: 'error',
            lines: ['Nothing was imported:', ...result.errors.map((e) => `${e.field}: ${e.message}`)],
          },
    );
  };

  return (
    <section class="import-export" aria-label="Import and export rules">
      <div class="row">
        <button type="button" onClick={() => void exportRules()}>
          Export rules
        </button>
        <label class="button">
          Import rules…
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            data-testid="import-file"
            onChange={(e) => void importFile(e)}
          />
        </label>
      </div>
      {message && (
        <div
          class={message.kind === 'ok' ? 'ok' : 'field-error'}
          role={message.kind === 'ok' ? 'status' : 'alert'}
          data-testid="import-result"
        >
          {message.lines.map((l) => (
            <div key={l}>{l}</div>
          ))}
        </div>
      )}
    </section>
  );
}
