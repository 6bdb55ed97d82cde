// What the popup lists for its tab: the cross-origin targets the page called, from the tab's log. The log is
// filled only while a CORS panel watches the tab (capture/), so the list is often empty: the popup then offers
// the typed target alone.
import { observedRequestOf, observedTargets } from '../core/rules';
import { logFor } from './capture/log-store';
import type { Handlers } from './handler-types';

export const tabTargetsHandlers: Pick<Handlers, 'tab/targets'> = {
  'tab/targets': async ({ tabId, pageOrigin }) => {
    const finished = (await logFor(tabId))
      .snapshot()
      .filter((record) => record.pageOrigin === pageOrigin && record.outcome !== 'pending');
    return { targets: observedTargets(pageOrigin, finished.map(observedRequestOf)) };
  },
};
