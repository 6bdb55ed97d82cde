import type { Verdict } from '../core/cors';
import type { LoggedExchange } from '../shared/panel-protocol';
import { CachedPreflightNotice } from './cached-preflight-notice';
import { FailureHeadline } from './failure-headline';
import { PageCallNote } from './page-call-note';
import { RescuedNote } from './rescued-note';
import { Timeline } from './timeline';

// A row whose headers went unseen is not judged: its verdict (HEADERS_UNSEEN_VERDICT) says why.
const INCOMPLETE = {
  'no-response':
    'No response and no error came within a minute, so CORS Lens ended this row: the browser stopped reporting this request (the server never answered, the tab navigated away, or capture restarted mid-request). What is known is shown below.',
  'no-final-event':
    'The response arrived but its end did not within a minute (a long download or a stream), so CORS Lens ended this row. CORS is decided on the response headers, so the verdict below stands.',
} as const;

/** The verdict in plain English, with the names to search for in each browser's console. */
export function VerdictTab({ logged }: { logged: LoggedExchange }) {
  const { record, verdict, override } = logged;
  // Nothing to judge yet, or never: the timeline shows what was seen, and no verdict is made up.
  if (record.outcome === 'pending' || record.incomplete === 'headers-unseen')
    return (
      <div class="verdict-tab">
        {record.outcome === 'pending' ? (
          <p role="status" data-testid="pending-note">
            The browser has not finished this request yet: the verdict comes with its response. If nothing
            comes within a minute, CORS Lens ends the row and says so.
          </p>
        ) : (
          <p role="note" class="warn-text" data-testid="incomplete-note">
            {verdict.explanation}
          </p>
        )}
        <PageCallNote record={record} />
        <section>
          <h3>Timeline</h3>
          <Timeline record={record} />
        </section>
      </div>
    );
  return (
    <div class="verdict-tab">
      <FailureHeadline logged={logged} />
      <CachedPreflightNotice record={record} />
      {record.incomplete && (
        <p role="note" class="warn-text" data-testid="incomplete-note">
          {INCOMPLETE[record.incomplete]}
        </p>
      )}
      {record.outcome === 'failed' && verdict.allowed && !record.incomplete && (
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
      ) : verdict.ifCredentialed ? (
        <>
          <VerdictSummary verdict={verdict} heading="If sent without credentials" />
          <VerdictSummary verdict={verdict.ifCredentialed} heading="If sent with credentials" />
        </>
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
      <PageCallNote record={record} />
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
        <strong>{verdict.allowed ? 'Allowed' : verdict.corsError ? 'Blocked by CORS' : 'Blocked'}</strong>
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
              {verdict.failedParameterAmong ? (
                <>
                  {' '}
                  (failed parameter one of{' '}
                  {verdict.failedParameterAmong.map((name, i) => (
                    <span key={name}>
                      {i > 0 ? ', ' : ''}
                      <code>{name}</code>
                    </span>
                  ))}
                  )
                </>
              ) : verdict.failedParameter ? (
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
              <FirefoxReason reason={verdict.firefoxReason} detail={verdict.firefoxDetail} />
              {verdict.firefoxAlternative && (
                <>
                  {' or '}
                  <FirefoxReason
                    reason={verdict.firefoxAlternative.reason}
                    detail={verdict.firefoxAlternative.detail}
                  />
                </>
              )}
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

/** A reason as Firefox's console gives it: the name, and the value its message quotes. */
function FirefoxReason({ reason, detail }: { reason: string; detail: string | undefined }) {
  return (
    <>
      <code>{reason}</code>
      {detail !== undefined && (
        <>
          {' quoting '}
          <code>‘{detail}’</code>
        </>
      )}
    </>
  );
}
