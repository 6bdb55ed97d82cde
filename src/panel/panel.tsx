import { useBackgroundStatus } from '../shared/ui/use-background-status';

export function Panel() {
  const status = useBackgroundStatus();
  return (
    <main class="empty" aria-label="CORS Lens panel">
      <img src="/assets/icon-128.png" alt="" />
      <h1>No cross-origin requests yet</h1>
      <ol>
        <li>Reload the page, or trigger the request that fails.</li>
        <li>
          Every cross-origin request appears here, paired with its preflight, with the browser's verdict.
        </li>
        <li>Select a blocked request to see exactly why, and the server change that fixes it.</li>
      </ol>
      <p class="muted" data-testid="background-status">
        {status.state === 'ok'
          ? `CORS Lens ${status.status.version} is running.`
          : status.state === 'error'
            ? `Background not reachable: ${status.message}`
            : 'Connecting…'}
      </p>
    </main>
  );
}
