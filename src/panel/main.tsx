import '../shared/ui/theme.css';
import './panel.css';
import { render } from 'preact';
import { browser } from '../shared/browser';
import { connectPanelSource } from './connect-panel-source';
import { createPanelState } from './create-panel-state';
import { demoSource } from './demo-source';
import { ErrorBoundary, PanelError } from './error-boundary';
import { type DevtoolsPanels, followDevtoolsTheme } from './follow-devtools-theme';
import { Panel } from './panel';
import type { PanelSource } from './panel-source';

type Devtools = { inspectedWindow?: { tabId?: number }; panels?: DevtoolsPanels };

// A DevTools panel gets fewer APIs than an extension tab (Firefox: devtools, runtime, extension, i18n and storage;
// no permissions, tabs or windows), so this page uses only those; anything else goes through the background.
// Opened by DevTools, the panel inspects its window's tab; opened as a page (tests, pop-out), ?tab=ID says which.
// ?source=demo&rows=N[&live=MS] shows generated exchanges instead of the background's log; ?theme=light|dark
// stands in for the DevTools theme outside DevTools (pop-out, screenshots).
function start(root: HTMLElement): void {
  const devtools = (browser as unknown as { devtools?: Devtools }).devtools;
  const params = new URLSearchParams(location.search);
  const tabId = devtools?.inspectedWindow?.tabId ?? Number(params.get('tab') ?? Number.NaN);
  followDevtoolsTheme(document.documentElement, devtools?.panels, params.get('theme') ?? undefined);
  if (!Number.isInteger(tabId)) {
    root.textContent = 'CORS Lens: open this panel from DevTools, or as index.html?tab=ID.';
    return;
  }
  const state = createPanelState(tabId);
  const source: PanelSource =
    params.get('source') === 'demo'
      ? demoSource(tabId, Number(params.get('rows') ?? '200'), Number(params.get('live') ?? '0'))
      : connectPanelSource(tabId, {
          // Which way the log comes, for tests in real DevTools and for bug reports (data-log-channel).
          onChannel: (channel) => {
            document.documentElement.dataset.logChannel = channel;
          },
        });
  render(
    <ErrorBoundary>
      <Panel source={source} tabId={tabId} state={state} version={browser.runtime.getManifest().version} />
    </ErrorBoundary>,
    root,
  );
}

const root = document.getElementById('app');
if (root) {
  try {
    start(root);
  } catch (error) {
    render(<PanelError error={error} />, root);
  }
}
