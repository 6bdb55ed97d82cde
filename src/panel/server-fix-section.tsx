import type { ComponentChildren } from 'preact';
import type { Framework, HeaderPair, RequiredHeaders, Snippet } from '../core/fixes';
import { CopyButton } from './copy-button';
import { FixChoiceSelect } from './fix-choice-select';
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
      <FixChoiceSelect
        label="Your server stack"
        options={snippets.map((s) => ({ ...s, value: s.framework }))}
        value={snippet?.framework}
        onPick={onPick}
      />
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
