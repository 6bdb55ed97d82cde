import { localNetworkAdvice } from '../core/cors';
import type { FixInput } from '../core/fixes';

/** Local Network Access cannot be fixed with headers: the ways out instead, before the proxy that avoids it. */
export function LocalNetworkWaysOut({ input }: { input: FixInput }) {
  const advice = localNetworkAdvice({ pageOrigin: input.pageOrigin, url: input.targetUrl });
  return (
    <section class="local-network-fix" aria-labelledby="local-network-fix-title">
      <h3 id="local-network-fix-title">No response header can fix this</h3>
      <p>
        Local Network Access refused the request before it reached the server; the browser needs the user's{' '}
        {advice.permission} permission. Ways out:
      </p>
      <ul class="ways-out">
        {advice.waysOut.map((way) => (
          <li key={way}>{way}</li>
        ))}
      </ul>
    </section>
  );
}
