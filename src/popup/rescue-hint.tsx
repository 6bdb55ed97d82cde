import type { RescueView } from '../shared/messages';
import { CANNOT_ANSWER_PREFLIGHTS } from '../shared/ui/rescue-explanation';

/** Under "no header can fix this preflight": what CORS Lens can still do in this browser. */
export function RescueHint({ rescue }: { rescue: RescueView | undefined }) {
  if (rescue === undefined) return null;
  return (
    <p class="muted" data-testid="rescue-hint">
      {rescue.supported
        ? 'While you develop, CORS Lens can answer these preflights itself: turn on “Answer preflights” on this target’s override below (allow the target first).'
        : CANNOT_ANSWER_PREFLIGHTS}
    </p>
  );
}
