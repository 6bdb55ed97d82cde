import type { DevServer, ProxyFix } from '../core/fixes';
import { FixChoiceSelect } from './fix-choice-select';
import { SnippetView } from './snippet-view';

interface Props {
  /** Fixes in ranked order, the picked dev server first. */
  fixes: ProxyFix[];
  devServer: DevServer;
  onPick(devServer: DevServer): void;
  recommended: boolean;
}

/** The fix that needs no server change: the dev server forwards the API, so the page calls its own origin. */
export function ProxyFixSection({ fixes, devServer, onPick, recommended }: Props) {
  const fix = fixes.find((f) => f.devServer === devServer) ?? fixes[0];
  if (!fix) return null;
  return (
    <section class="proxy-fix" aria-labelledby="proxy-fix-title">
      <h3 id="proxy-fix-title">
        No server change: proxy through your dev server
        {recommended && <span class="badge">Recommended</span>}
      </h3>
      <FixChoiceSelect
        label="Your dev server"
        options={fixes.map((f) => ({ ...f, value: f.devServer }))}
        value={fix.devServer}
        onPick={onPick}
      />
      <p>In {fix.file}:</p>
      <SnippetView {...fix} />
      <p>Then call the API by path, on the page's own origin (one line in your code):</p>
      <pre class="fetch-change">
        <code>{`- ${fix.fetchChange.before}\n+ ${fix.fetchChange.after}`}</code>
      </pre>
      <p class="muted">
        If your code builds URLs from a base, change <code>{fix.baseUrl.before}</code> to{' '}
        <code>{fix.baseUrl.after === '' ? "'' (empty)" : fix.baseUrl.after}</code> instead.
      </p>
      <ul class="notes">
        {fix.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}
