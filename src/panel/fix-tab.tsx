import { useState } from 'preact/hooks';
import {
  type DevServer,
  type FixInput,
  type FixPreferences,
  type Framework,
  fixSnippets,
  proxyFixes,
  rankFixes,
  requiredHeaders,
} from '../core/fixes';
import { ExposeHeadersInput } from './expose-headers-input';
import { readFixChoice, saveFixChoice } from './fix-choice';
import { LocalNetworkWaysOut } from './local-network-ways-out';
import { ProxyFixSection } from './proxy-fix-section';
import { ServerFixSection } from './server-fix-section';

/**
 * The fixes for a blocked exchange, most useful first: a dev-server proxy for a local page, else the server fix;
 * for a Local Network Access refusal, its ways out and the proxy.
 */
export function FixTab({ input }: { input: FixInput | undefined }) {
  const [choice, setChoice] = useState<FixPreferences>(readFixChoice);
  // Header names the user adds belong to the exchange they were typed for.
  const [added, setAdded] = useState<{ key: string; names: string[] }>({ key: '', names: [] });
  if (input === undefined)
    return <p class="muted">Nothing to fix: the browser let the page read this response.</p>;
  const key = `${input.pageOrigin} ${input.targetUrl}`;
  const addedNames = added.key === key ? added.names : [];
  const effective: FixInput = { ...input, exposeHeaders: [...input.exposeHeaders, ...addedNames] };
  const pick = (change: FixPreferences) => {
    const next = { ...choice, ...change };
    setChoice(next);
    saveFixChoice(next);
  };
  let view: { required: ReturnType<typeof requiredHeaders>; snippets: ReturnType<typeof fixSnippets> };
  try {
    view = { required: requiredHeaders(effective), snippets: fixSnippets(effective) };
  } catch (error) {
    // The generator refuses input that would produce a broken snippet (e.g. an origin it cannot quote).
    return (
      <p class="bad">No fix can be generated: {error instanceof Error ? error.message : String(error)}</p>
    );
  }
  const ranked = rankFixes(effective.pageOrigin, choice);
  const byFramework = new Map(view.snippets.map((snippet) => [snippet.framework, snippet]));
  const proxies = new Map(proxyFixes(effective).map((fix) => [fix.devServer, fix]));
  const sections = {
    proxy: (recommended: boolean) => (
      <ProxyFixSection
        key="proxy"
        fixes={ranked.devServers.flatMap((d) => proxies.get(d) ?? [])}
        devServer={ranked.devServers[0] as DevServer}
        onPick={(devServer) => pick({ devServer })}
        recommended={recommended}
      />
    ),
    server: (recommended: boolean) => (
      <ServerFixSection
        key="server"
        required={view.required}
        snippets={ranked.frameworks.flatMap((f) => byFramework.get(f) ?? [])}
        framework={ranked.frameworks[0] as Framework}
        onPick={(framework) => pick({ framework })}
        recommended={recommended}
      >
        <ExposeHeadersInput
          input={effective}
          added={addedNames}
          onChange={(names) => setAdded({ key, names })}
        />
      </ServerFixSection>
    ),
  };
  // Headers cannot help a Local Network Access refusal; the dev-server proxy avoids it (same-origin).
  if (input.localNetwork)
    return (
      <div class="fix-tab">
        <LocalNetworkWaysOut input={effective} />
        {sections.proxy(true)}
      </div>
    );
  return (
    <div class="fix-tab">
      <p class="fix-reason">{ranked.reason}</p>
      {ranked.kinds.map((kind, index) => sections[kind](index === 0))}
    </div>
  );
}
