import { useEffect, useState } from 'preact/hooks';
import { canAnswerPreflights } from '../shared/can-answer-preflights';
import { send } from '../shared/send';

/** How often the panel asks whether CORS Lens answers preflights in its tab (a storage read in the background). */
const REFRESH_MS = 3000;

/**
 * A line above the log while CORS Lens answers refused preflights in the inspected tab: the page's requests then
 * pass although the server still refuses them, and the user must know.
 */
export function RescueStatus({
  tabId,
  supported = canAnswerPreflights(),
}: {
  tabId: number;
  supported?: boolean;
}) {
  const [labels, setLabels] = useState<string[]>([]);
  useEffect(() => {
    if (!supported) return; // Firefox: nothing to ask
    let live = true;
    const load = () =>
      Promise.resolve()
        .then(() => send('rescue/status', { tabId }))
        .then(
          (answer) => live && setLabels((answer?.answering ?? []).map((a) => a.label)),
          () => live && setLabels([]),
        );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tabId, supported]);
  if (labels.length === 0) return null;
  return (
    <p class="rescue-status" role="status" data-testid="rescue-status">
      CORS Lens answers the preflights the server refuses for {labels.join(', ')} in this tab (Chrome shows
      its debugging bar meanwhile). Rows it answered say so; their Fix tab has the server change.
    </p>
  );
}
