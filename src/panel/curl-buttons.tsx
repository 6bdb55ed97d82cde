import { curlCommands } from '../core/fixes';
import type { LoggedExchange } from '../shared/panel-protocol';
import { CopyButton } from './copy-button';

/** Copy the request, and its preflight as a separate `curl -X OPTIONS`, to reproduce it outside the browser. */
export function CurlButtons({ logged }: { logged: LoggedExchange }) {
  const { record, verdict } = logged;
  const commands = curlCommands({
    url: record.request.url,
    method: record.request.method,
    // A request stopped by its preflight was never sent: its author headers are all that is known.
    headers: record.request.headers.length > 0 ? record.request.headers : record.request.authorHeaders,
    origin: record.pageOrigin,
    preflight: verdict.preflightRequired,
    credentials: record.request.credentials === 'include',
  });
  return (
    <span class="curl-buttons">
      <CopyButton text={commands.actual} label="Copy as cURL" />
      {commands.preflight && <CopyButton text={commands.preflight} label="Copy preflight as cURL" />}
    </span>
  );
}
