import { useBackgroundStatus } from '../shared/ui/use-background-status';

export function Welcome() {
  const status = useBackgroundStatus();
  return (
    <main class="welcome">
      <header>
        <img src="/assets/icon-48.png" alt="" />
        <h1>CORS Lens is installed</h1>
      </header>
      <h2>Explain</h2>
      <p>
        Open DevTools on the page that fails and choose the <strong>CORS</strong> tab. Each cross-origin
        request is listed with its preflight and the browser's verdict; a blocked one says exactly why and
        what the server must send.
      </p>
      <h2>Override, safely</h2>
      <p>
        While you develop, the toolbar popup can allow one page origin to read one API, for a limited time.
        Overrides are off until you turn them on, expire by themselves, and never use <code>*</code> with
        credentials.
      </p>
      <h2>What it never does</h2>
      <p>
        No telemetry, no network calls of its own, no remote code. Authorization and cookie values are
        redacted from logs and exports.
      </p>
      <p class="muted" data-testid="background-status">
        {status.state === 'ok'
          ? `Background running · ${status.status.name} ${status.status.version}`
          : status.state === 'error'
            ? `Background not reachable: ${status.message}`
            : 'Connecting…'}
      </p>
    </main>
  );
}
