import { answeredPreflightStatus } from '../core/exchange';
import type { LoggedExchange } from '../shared/panel-protocol';

/**
 * For an exchange whose preflight CORS Lens answered (rule option "Answer preflights", Chromium): that it did, and
 * beside it the server's own answer, which the verdict "As the server answered" judges and the Fix tab fixes.
 */
export function RescuedNote({ logged }: { logged: LoggedExchange }) {
  const status = answeredPreflightStatus(logged);
  const response = logged.record.preflight?.response;
  if (status === undefined || response === undefined) return null;
  const cors = response.headers.filter(([name]) => /^access-control-|^location$/i.test(name));
  return (
    <section
      class="rescued-note"
      data-testid="preflight-answered"
      aria-label="Preflight answered by CORS Lens"
    >
      <h3>Preflight answered by CORS Lens</h3>
      <div class="rescued-sides">
        <div>
          <strong>The server answered</strong>
          <p class="bad">
            <code>{status}</code>
            {cors.length === 0 ? ' with no Access-Control-* header' : ''}
          </p>
          {cors.length > 0 && (
            <ul>
              {cors.map(([name, value], i) => (
                <li key={`${name}-${i}`}>
                  <code>
                    {name}: {value}
                  </code>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <strong>CORS Lens answered instead</strong>
          <p class="ok">
            <code>204</code> with the override’s headers, so the browser sent the request
          </p>
        </div>
      </div>
      <p class="muted">
        This passes only while the override answers preflights. The server still refuses them: the Fix tab
        shows the change that makes it answer 2xx with these headers itself.
      </p>
    </section>
  );
}
