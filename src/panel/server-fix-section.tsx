import type { ComponentChildren } from 'preact';
import type { Framework, HeaderPair, RequiredHeaders, Snippet } from '../core/fixes';
import { CopyButton } from './copy-button';
import { SnippetView } from './snippet-view';

interface Props {
  required: RequiredHeaders;
  /** Snippets in ranked order, the picked stack first. */
  snippets: Snippet[];
  framework: Framework;
  onPick(framework: Framework): void;
  recommended: boolean;
  children?: ComponentChildren;
}

/** The minimal server change, then the same change for the user's stack, ready to paste. */
export function ServerFixSection({ required, snippets, framework, onPick, recommended, children }: Props) {
  const snippet = snippets.find((s) => s.framework === framework) ?? snippets[0];
  return (
    <section class="server-fix" aria-labelledby="server-fix-title">
      <h3 id="server-fix-title">Server fix{recommended && <span class="badge">Recommended</span>}</h3>
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
      {children}
      <label>
        Your server stack{' '}
        <select
          value={snippet?.framework}
          onChange={(event) => onPick(event.currentTarget.value as Framework)}
        >
          {snippets.map((s) => (
            <option key={s.framework} value={s.framework}>
              {s.title}
              {s.verification.live ? '' : ' (not verified live)'}
            </option>
          ))}
        </select>
      </label>
      {snippet && <SnippetView {...snippet} />}
    </section>
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
