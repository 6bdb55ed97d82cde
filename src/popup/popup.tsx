import { useBackgroundStatus } from '../shared/ui/use-background-status';
import { useCurrentTabOrigin } from './current-tab-origin';

export function Popup() {
  const origin = useCurrentTabOrigin();
  const status = useBackgroundStatus();
  return (
    <main class="popup" aria-label="CORS Lens">
      <header>
        <img src="/assets/icon-48.png" alt="" />
        <h1>CORS Lens</h1>
      </header>
      <section class="site" aria-label="Current site">
        {origin === undefined ? (
          <span class="muted">Reading the current tab…</span>
        ) : origin === null ? (
          <span class="muted">This tab is not a web page: overrides apply to http and https sites only.</span>
        ) : (
          <>
            <div class="muted">This page</div>
            <code data-testid="tab-origin">{origin}</code>
          </>
        )}
      </section>
      <p class="muted">
        No override is active. Open DevTools → <strong>CORS</strong> to see why a request was blocked.
      </p>
      <footer class="status" data-testid="background-status">
        {status.state === 'ok' ? (
          <span class="ok">Background running · v{status.status.version}</span>
        ) : status.state === 'error' ? (
          <span class="bad">Background not reachable: {status.message}</span>
        ) : (
          <span class="muted">Connecting…</span>
        )}
      </footer>
    </main>
  );
}
