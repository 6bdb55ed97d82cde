import { useState } from 'preact/hooks';

interface Props {
  hostAccess: boolean;
  /** Also true while the first snapshot is on its way. */
  filtered: boolean;
  onStartCapturing(): Promise<boolean>;
}

/** What a new user sees first: how to get requests into the log. */
export function EmptyState({ hostAccess, filtered, onStartCapturing }: Props) {
  const [denied, setDenied] = useState(false);
  if (filtered) return <p class="empty muted">No request matches the filters.</p>;
  return (
    <div class="empty">
      <img src="/assets/icon-128.png" alt="" />
      <h1>No cross-origin requests yet</h1>
      {hostAccess ? (
        <p>
          Reload the page or trigger the failing request: every cross-origin request appears here with the
          browser's verdict.
        </p>
      ) : (
        <>
          <p>CORS Lens needs to see this site's requests and responses to explain why one was blocked.</p>
          <button
            type="button"
            class="primary"
            onClick={() => void onStartCapturing().then((ok) => setDenied(!ok))}
          >
            Start capturing
          </button>
          {denied && (
            <p role="alert" class="bad">
              Access was not granted, so requests cannot be observed.
            </p>
          )}
        </>
      )}
      <p class="muted">Select a blocked request to see exactly why, and the server change that fixes it.</p>
    </div>
  );
}
