import { cachedPreflightNotice } from '../core/cors';
import type { ExchangeRecord } from '../core/exchange';
import { formatTime } from './columns';

/** A request sent without its preflight because the preflight cache answered: from which Max-Age, until when. */
export function CachedPreflightNotice({ record }: { record: ExchangeRecord }) {
  if (record.preflightCached !== true) return null;
  const source = record.preflightCacheSource;
  const lines = cachedPreflightNotice(
    { startedAt: record.startedAt, ...(source === undefined ? {} : { source }) },
    formatTime,
  );
  return (
    <section class="cached-preflight" aria-label="Cached preflight">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </section>
  );
}
