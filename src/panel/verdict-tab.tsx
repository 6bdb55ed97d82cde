import type { Verdict } from '../core/cors';
import type { LoggedExchange } from '../shared/panel-protocol';
import { RescuedNote } from './rescued-note';
import { Timeline } from './timeline';

/** The verdict in plain English, with the names to search for in each browser's console. */
export function VerdictTab({ logged }: { logged: LoggedExchange }) {
  const { record, verdict, override } = logged;
  return (
    <div class="verdict-tab">
      {record.outcome === 'failed' && verdict.allowed && (
        <p role="note" class="warn-text">
          The browser failed this request ({record.error ?? 'network error'}) although the response headers
          pass the CORS check, with or without credentials: the cause is not the CORS headers (for example a
          connection that broke after the response began, or another extension); the console names it.
        </p>
      )}
      {override?.serverHeadersUnseen ? (
        <p role="note" class="warn-text">
          Firefox shows the response headers after the override rewrote them, so the server's own answer is
          unknown here. Switch the override off and repeat the request to see what the server sends.
        </p>
      ) : (
        <VerdictSummary verdict={verdict} heading={override ? 'As the server answered' : 'Verdict'} />
      )}
      <RescuedNote logged={logged} />
      {override && (
        <section class="override">
          <h3>As the page saw it (override “{override.label}”)</h3>
          <VerdictSummary verdict={override.verdict} heading="" />
        </section>
      )}
      <section>
        <h3>Timeline</h3>
        <Timeline record={record} />
      </section>
    </div>
  );
}

function VerdictSummary({ verdict, heading }: { verdict: Verdict; heading: string }) {
  return (
    <section class="verdict-summary">
      {heading && <h3>{heading}</h3>}
      <p class={verdict.allowed ? 'ok' : 'bad'}>
        <strong>{verdict.allowed ? 'Allowed' : 'Blocked by CORS'}</strong>
        {verdict.preflightRequired ? ' · preflight required' : ''}
      </p>
      <p class="explanation">{verdict.explanation}</p>
      {verdict.notes?.map((note) => (
        <p class="verdict-note" key={note}>
          {note}
        </p>
      ))}
      <dl>
        {verdict.corsError && (
          <>
            <dt>Chromium error</dt>
            <dd>
              <code>{verdict.corsError}</code>
              {verdict.failedParameter ? (
                <>
                  {' '}
                  (failed parameter <code>{verdict.failedParameter}</code>)
                </>
              ) : null}
            </dd>
          </>
        )}
        {verdict.firefoxReason && (
          <>
            <dt>Firefox console reason</dt>
            <dd>
              <code>{verdict.firefoxReason}</code>
            </dd>
          </>
        )}
        {verdict.header && (
          <>
            <dt>Header</dt>
            <dd>
              <code>{verdict.header}</code>
            </dd>
          </>
        )}
        {verdict.allowed && verdict.exposedHeaders.length > 0 && (
          <>
            <dt>Script can read</dt>
            <dd>
              <code>{verdict.exposedHeaders.join(', ')}</code>
            </dd>
          </>
        )}
      </dl>
      {verdict.mdn && (
        <p>
          <a href={verdict.mdn} target="_blank" rel="noreferrer">
            Read about this error on MDN
          </a>
        </p>
      )}
    </section>
  );
}
