import { useState } from 'preact/hooks';
import { type ExposeHeadersEdit, type FixInput, withExposeHeaders } from '../core/fixes';

interface Props {
  input: FixInput;
  /** Names the user added for this exchange, beyond what the exchange itself showed. */
  added: string[];
  onChange(added: string[]): void;
}

/**
 * The network cannot tell which response headers page script reads: the user names them here and every snippet
 * then lists them in Access-Control-Expose-Headers.
 */
export function ExposeHeadersInput({ input, added, onChange }: Props) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<Pick<ExposeHeadersEdit, 'problems' | 'notes'>>({
    problems: [],
    notes: [],
  });
  const submit = (event: Event) => {
    event.preventDefault();
    const edit = withExposeHeaders(input, text);
    setResult(edit);
    if (edit.problems.length > 0) return; // keep the text so the user can correct it
    const known = new Set(input.exposeHeaders);
    onChange([...added, ...edit.input.exposeHeaders.filter((name) => !known.has(name))]);
    setText('');
  };
  return (
    <form class="expose-headers" onSubmit={submit}>
      <label>
        Response headers your script reads{' '}
        <input
          type="text"
          value={text}
          placeholder="x-request-id, x-total-count"
          aria-invalid={result.problems.length > 0}
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </label>{' '}
      <button type="submit">Add</button>
      {result.problems.map((problem) => (
        <p key={problem} role="alert" class="bad">
          {problem}
        </p>
      ))}
      {result.notes.map((note) => (
        <p key={note} class="muted">
          {note}
        </p>
      ))}
      {added.length > 0 && (
        <ul class="chips" aria-label="Added response headers">
          {added.map((name) => (
            <li key={name}>
              <code>{name}</code>{' '}
              <button
                type="button"
                aria-label={`Remove ${name}`}
                onClick={() => onChange(added.filter((other) => other !== name))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
