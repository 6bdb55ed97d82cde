import { useState } from 'preact/hooks';
import { type FixInput, fixSnippets, type HeaderPair, requiredHeaders, type Snippet } from '../core/fixes';
import { CopyButton } from './copy-button';

/** The minimal server change, then the same change for each framework, ready to paste. */
export function FixTab({ input }: { input: FixInput | undefined }) {
  if (input === undefined)
    return <p class="muted">Nothing to fix: the browser let the page read this response.</p>;
  let required: ReturnType<typeof requiredHeaders>;
  let snippets: Snippet[];
  try {
    required = requiredHeaders(input);
    snippets = fixSnippets(input);
  } catch (error) {
    // The generator refuses input that would produce a broken snippet (e.g. an origin it cannot quote).
    return (
      <p class="bad">No fix can be generated: {error instanceof Error ? error.message : String(error)}</p>
    );
  }
  return (
    <div class="fix-tab">
      <section>
        <h3>Minimal server change</h3>
        {required.optionsStatus && <p class="warn-text">{required.optionsStatus}</p>}
        {required.forPreflight.length > 0 && (
          <HeaderBlock title="On the OPTIONS preflight response" headers={required.forPreflight} />
        )}
        <HeaderBlock title="On the actual response" headers={required.forActual} />
        <ul class="notes">
          {required.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </section>
      <SnippetPicker snippets={snippets} />
    </div>
  );
}

function HeaderBlock({ title, headers }: { title: string; headers: HeaderPair[] }) {
  const text = headers.map(([name, value]) => `${name}: ${value}`).join('\n');
  return (
    <div class="header-block">
      <h4>{title}</h4>
      <pre>
        <code>{text}</code>
      </pre>
      <CopyButton text={text} ariaLabel={`Copy headers: ${title}`} />
    </div>
  );
}

function SnippetPicker({ snippets }: { snippets: Snippet[] }) {
  const [chosen, setChosen] = useState(0);
  const snippet = snippets[chosen] ?? snippets[0];
  if (!snippet) return null;
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    setChosen((chosen + step + snippets.length) % snippets.length);
  };
  return (
    <section class="snippets">
      <h3>Snippets</h3>
      <div role="tablist" aria-label="Server framework" class="segmented" onKeyDown={onKeyDown}>
        {snippets.map((s, i) => (
          <button
            key={s.framework}
            type="button"
            role="tab"
            id={`snippet-tab-${s.framework}`}
            aria-selected={i === chosen}
            aria-controls="snippet-panel"
            tabIndex={i === chosen ? 0 : -1}
            onClick={() => setChosen(i)}
          >
            {s.title}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="snippet-panel" aria-labelledby={`snippet-tab-${snippet.framework}`}>
        {snippet.install && (
          <p>
            <code>{snippet.install}</code>{' '}
            <CopyButton text={snippet.install} ariaLabel="Copy install command" />
          </p>
        )}
        <pre class={`language-${snippet.language}`}>
          <code>{snippet.code}</code>
        </pre>
        <CopyButton text={snippet.code} ariaLabel={`Copy ${snippet.title} snippet`} />
      </div>
    </section>
  );
}
