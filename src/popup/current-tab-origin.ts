import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';

/** The origin of the tab the popup was opened on (activeTab grants its URL), or null for non-web pages. */
export function useCurrentTabOrigin(): string | null | undefined {
  const [origin, setOrigin] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    browser.tabs.query({ active: true, currentWindow: true }).then(
      ([tab]) => {
        setOrigin(webOrigin(tab?.url));
      },
      () => setOrigin(null),
    );
  }, []);
  return origin;
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
