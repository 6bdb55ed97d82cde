import type { LoggedExchange } from '../shared/panel-protocol';
import { HeaderTable } from './header-table';

/** Every header list of the exchange, in the order the browser sent and received them. */
export function HeadersTab({ logged }: { logged: LoggedExchange }) {
  const { record, verdict, override } = logged;
  const authorNames = new Set(record.request.authorHeaders.map(([name]) => name.toLowerCase()));
  const stage = verdict.stage?.kind;
  const redacted = (field: string) =>
    new Set(record.redacted?.filter((r) => r.field === field).map((r) => r.name) ?? []);
  return (
    <div class="headers-tab">
      <HeaderTable
        title={`Request headers (${record.request.method})`}
        headers={record.request.headers}
        authorNames={authorNames}
        redactedNames={redacted('request.headers')}
      />
      {record.preflight && (
        <>
          <HeaderTable
            title="Preflight request headers (OPTIONS)"
            headers={record.preflight.request.headers}
            redactedNames={redacted('preflight.request.headers')}
          />
          <HeaderTable
            title={`Preflight response headers${record.preflight.response ? ` (${record.preflight.response.status})` : ''}`}
            headers={record.preflight.response?.headers ?? []}
            highlight={stage === 'preflight' ? verdict.header : undefined}
            redactedNames={redacted('preflight.response.headers')}
          />
        </>
      )}
      {record.hops.map((hop, i) => (
        <HeaderTable
          key={hop.url + String(i)}
          title={`Redirect ${i + 1} response headers (${hop.status})`}
          headers={hop.headers}
          redactedNames={redacted(`hops.${i}.headers`)}
          highlight={
            verdict.stage?.kind === 'redirect' && verdict.stage.hop === i ? verdict.header : undefined
          }
        />
      ))}
      <HeaderTable
        title={`Response headers as the server sent them${record.response ? ` (${record.response.status})` : ''}`}
        headers={record.response?.headers ?? []}
        highlight={stage === 'actual' ? verdict.header : undefined}
        redactedNames={redacted('response.headers')}
      />
      {record.redacted !== undefined && record.redacted.length > 0 && (
        <p class="muted" data-testid="redacted-note">
          Values redacted: tokens, keys, cookies and passwords (in headers and URLs) are hidden before the log
          is stored or exported. Header names are kept.
        </p>
      )}
      {override && (
        <p class="muted">
          The override “{override.label}” rewrote the Access-Control-* response headers before the page saw
          them: the page's verdict is {override.verdict.allowed ? 'allowed' : 'still blocked'}.
        </p>
      )}
    </div>
  );
}
