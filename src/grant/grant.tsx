import { useEffect, useState } from 'preact/hooks';
import type { AfterGrant } from '../core/access';
import { browser } from '../shared/browser';
import type { Response } from '../shared/messages';
import { send } from '../shared/send';

const PURPOSE: Record<AfterGrant['type'], string> = {
  capture: 'see the requests of the page you inspect, so the CORS panel can explain each one',
  'rules/allow': 'rewrite the CORS headers of these sites while your override is active',
  'rules/save': 'rewrite the CORS headers of these sites while your override is active',
  'rules/set-answer-preflights': 'answer the preflights these sites refuse while your override is active',
};

type State = 'asking' | 'granted' | 'denied' | { error: string };

/** One button that opens the browser's own permission prompt for what the background holds under `id`. */
export function Grant({ id }: { id: string }) {
  const [request, setRequest] = useState<Response<'access/describe'> | undefined>(undefined);
  const [state, setState] = useState<State>('asking');
  useEffect(() => {
    send('access/describe', { id }).then(setRequest, (e: unknown) => setState({ error: String(e) }));
  }, [id]);

  if (request === undefined) return <main class="grant">Loading…</main>;
  if ('missing' in request)
    return (
      <main class="grant">
        <p>This request has expired. Ask again from the CORS panel.</p>
      </main>
    );

  const onAllow = () => {
    // Inside the click: browsers show the prompt only during a user gesture.
    browser.permissions.request({ origins: request.origins }).then(
      async (granted) => {
        if (!granted) {
          await send('access/decline', { id });
          setState('denied');
          return;
        }
        await send('access/complete', { id });
        setState('granted');
        // Back to the DevTools that asked: this window has done its job (window.close() cannot close a window the
        // extension API opened, so the windows API does).
        setTimeout(() => void closeThisWindow(), 600);
      },
      (e: unknown) => setState({ error: e instanceof Error ? e.message : String(e) }),
    );
  };

  return (
    <main class="grant" aria-label="Allow access">
      <header>
        <img src="/assets/icon-48.png" alt="" />
        <h1>CORS Lens needs access</h1>
      </header>
      <p>To {PURPOSE[request.action]}, CORS Lens needs access to:</p>
      <ul>
        {request.origins.map((o) => (
          <li key={o}>
            <code>{o}</code>
          </li>
        ))}
      </ul>
      <p class="muted">Your browser will ask you to confirm. You can remove the access at any time.</p>
      {state === 'asking' && (
        <div class="buttons">
          <button type="button" class="primary" onClick={onAllow}>
            Allow access…
          </button>
          <button
            type="button"
            onClick={() => void send('access/decline', { id }).finally(() => void closeThisWindow())}
          >
            Not now
          </button>
        </div>
      )}
      {state === 'granted' && (
        <p role="status" class="ok">
          Access granted. Back to the CORS panel.
        </p>
      )}
      {state === 'denied' && (
        <p role="alert" class="bad">
          Access was not granted. You can close this window.
        </p>
      )}
      {typeof state === 'object' && (
        <p role="alert" class="bad">
          {state.error}
        </p>
      )}
    </main>
  );
}

async function closeThisWindow(): Promise<void> {
  const current = await browser.windows.getCurrent();
  if (current.id !== undefined) await browser.windows.remove(current.id);
}
