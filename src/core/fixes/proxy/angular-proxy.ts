import { escapeRegExp } from '../literals/escape-reg-exp';
import type { ProxyRoute } from './types';

/** proxy.conf.json for `ng serve --proxy-config` (JSON has no comments: the glue is in the fix's notes). */
export function angularProxyCode(route: ProxyRoute): string {
  const entry: Record<string, unknown> = { target: route.target, changeOrigin: true };
  if (route.stripPrefix !== undefined) entry.pathRewrite = { [`^${escapeRegExp(route.stripPrefix)}`]: '' };
  return JSON.stringify({ [route.prefix]: entry }, null, 2);
}
