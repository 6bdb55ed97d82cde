// What the popup lists for its tab: the cross-origin targets the page called, from the tab's log. The log is
// filled only while a CORS panel watches the tab (capture-service.ts), so the list is often empty: the popup
// then offers the typed target alone.
import { type ObservedRequest, observedTargets } from '../core/rules';
import { logFor } from './capture/log-store';
import { isBlocked, toLogged } from './capture/to-logged';
import type { Handlers } from './handler-types';

export const tabTargetsHandlers: Pick<Handlers, 'tab/targets'> = {
  'tab/targets': async ({ tabId, pageOrigin }) => {
    const log = await logFor(tabId);
    const requests: ObservedRequest[] = log
      .snapshot()
      .filter((record) => record.pageOrigin === pageOrigin && record.outcome !== 'pending')
      .map((record) => {
        const entry = toLogged(record);
        return {
          url: record.request.url,
          method: record.request.method,
          requestHeaders: record.request.authorHeaders.map(([name]) => name),
          credentials:
            record.request.credentials === 'include'
              ? 'include'
              : record.request.credentials === 'unknown'
                ? 'unknown'
                : 'omit',
          blocked: isBlocked(entry),
          ...(record.preflight?.response ? { preflightStatus: record.preflight.response.status } : {}),
        };
      });
    return { targets: observedTargets(pageOrigin, requests) };
  },
};
