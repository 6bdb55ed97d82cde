// What a panel shows about answering preflights in its tab: the overrides CORS Lens answers them for, now.
import { overrideLabel } from '../../core/exchange';
import { activeRules, httpOriginOf } from '../../core/rules';
import { browser } from '../../shared/browser';
import type { Handlers } from '../handler-types';
import { loadRules } from '../rules-store';
import { loadAttachedTabs } from './attached-tabs';

export const rescueStatusHandlers: Pick<Handlers, 'rescue/status'> = {
  'rescue/status': async ({ tabId }) => {
    // Read from storage only (no rules re-applied): a panel asks every few seconds.
    if (!(String(tabId) in (await loadAttachedTabs()))) return { answering: [] };
    const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
    const origin = url === undefined ? undefined : httpOriginOf(url);
    const { state } = await loadRules();
    return {
      answering: activeRules(state, Date.now())
        .filter((rule) => rule.answerPreflights && rule.pageOrigin === origin)
        .map((rule) => ({ ruleId: rule.id, label: overrideLabel(rule) })),
    };
  },
};
