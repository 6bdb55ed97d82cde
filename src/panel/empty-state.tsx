import { useState } from 'preact/hooks';
import type { AccessOutcome } from '../shared/request-access';

interface Props {
  /** Undefined until the background's first answer: neither "start capturing" nor "reload" is known yet. */
  hostAccess: boolean | undefined;
  /** Also true while the first snapshot is on its way. */
  filtered: boolean;
  /** Opens the browser's prompt (or a CORS Lens window that asks, where a panel cannot). */
  onStartCapturing(onAskingElsewhere: () => void): Promise<AccessOutcome>;
}

type Asking = 'idle' | 'elsewhere' | 'denied' | 'timeout' | { error: string };

/** What a new user sees first: how to get requests into the log. */
export function EmptyState({ hostAccess, filtered, onStartCapturing }: Props) {
  const [asking, setAsking] = useState<Asking>('idle');
  if (filtered) return <p class="empty muted">No request matches the filters.</p>;
  const start = () =>
    void onStartCapturing(() => setAsking('elsewhere')).then(
      (outcome) => setAsking(outcome.kind === 'done' ? 'idle' : outcome.kind),
      (e: unknown) => setAsking({ error: e instanceof Error ? e.message : String(e) }),
    );
  return (
    <div class="empty">
      <img src="/assets/icon-128.png" alt="" />
      <h1>No cross-origin requests yet</h1>
      {hostAccess === undefined ? (
        <p class="muted">Connecting to CORS Lens…</p>
      ) : hostAccess ? (
        <p>
          Reload the page or trigger the failing request: every cross-origin request appears here with the
          browser's verdict.
        </p>
      ) : (
        <>
          <p>CORS Lens needs to see this site's requests and responses to explain why one was blocked.</p>
          <button type="button" class="primary" onClick={start} disabled={asking === 'elsewhere'}>
            Start capturing
          </button>
          {asking === 'elsewhere' && (
            <p role="status">
              Confirm in the CORS Lens window that opened; capture starts as soon as you allow it.
            </p>
          )}
          {asking === 'denied' && (
            <p role="alert" class="bad">
              Access was not granted, so requests cannot be observed.
            </p>
          )}
          {asking === 'timeout' && (
            <p role="alert" class="bad">
              No answer to the access request. Click Start capturing to ask again.
            </p>
          )}
          {typeof asking === 'object' && (
            <p role="alert" class="bad">
              {asking.error}
            </p>
          )}
        </>
      )}
      <p class="muted">Select a blocked request to see exactly why, and the server change that fixes it.</p>
    </div>
  );
}
