import { failureHeadlineOfExchange } from '../core/failures';
import type { LoggedExchange } from '../shared/panel-protocol';

/** What kind of failure this is, in one line, before the CorsError name: the answer to "is this really CORS?". */
export function FailureHeadline({ logged }: { logged: LoggedExchange }) {
  const headline = failureHeadlineOfExchange(logged.record, logged.verdict);
  if (headline === undefined) return null;
  return (
    <section class={`failure-headline kind-${headline.kind}`} aria-label="Kind of failure">
      <p class="kind-label">{headline.label}</p>
      <h3>{headline.title}</h3>
      {headline.details.map((detail) => (
        <p key={detail}>{detail}</p>
      ))}
      {headline.waysOut.length > 0 && (
        <>
          <h4>Ways out</h4>
          <ul class="ways-out">
            {headline.waysOut.map((way) => (
              <li key={way}>{way}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
