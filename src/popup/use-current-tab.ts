import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';

export interface CurrentTab {
  tabId: number | undefined;
  /** The tab's page origin, or null when it is not an http(s) page. */
  origin: string | null;
}

/**
 * The tab the popup acts on. Normally the active tab (activeTab grants its URL when the button is clicked).
 * `?tab=ID&origin=ORIGIN` opens the same UI for a given tab, e.g. from the DevTools panel of that tab, which
 * knows its origin; tests use it too.
 */
export function useCurrentTab(): CurrentTab | undefined {
  const [tab, setTab] = useState<CurrentTab | undefined>(undefined);
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const givenOrigin = params.get('origin');
    if (params.has('tab') && givenOrigin !== null) {
      setTab({ tabId: Number(params.get('tab')), origin: webOrigin(givenOrigin) });
      return;
    }
    browser.tabs.query({ active: true, currentWindow: true }).then(
      ([active]) => setTab({ tabId: active?.id, origin: webOrigin(active?.url) }),
      () => setTab({ tabId: undefined, origin: null }),
    );
  }, []);
  return tab;
}

function webOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}
