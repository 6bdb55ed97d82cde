import type { Framework } from '../../../../src/core/fixes';
import type { Running } from '../processes';

/** A real server that CORS Lens's snippet for `framework` is pasted into, verbatim. */
export interface LiveFramework {
  framework: Framework;
  /** X-Request-Id the answers carry: the framework app's own, or the upstream's for a proxy server. */
  requestId: string;
  /** "major.minor" of the server installed here, which the snippet's verifiedWith must name. */
  version(): Promise<string>;
  /** Fails with the install command when the server is missing. */
  requireInstalled(): void;
  /** Starts the server with `code` pasted in; proxies forward to `upstream` (an app without CORS). */
  start(code: string, upstream: string): Promise<Running>;
}

/** "1.22" from any text that contains "1.22.1" after `prefix`. */
export function majorMinor(text: string, prefix = ''): string {
  const match = new RegExp(`${prefix}(\\d+\\.\\d+)`).exec(text);
  if (!match?.[1]) throw new Error(`no version after "${prefix}" in: ${text.slice(0, 200)}`);
  return match[1];
}
