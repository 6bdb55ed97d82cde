import { routeScope } from '../route-scope';
import type { ProxyRoute } from './types';

// A prefix for an API served at the root, where forwarding "/" would swallow the page's own files.
const ROOT_PREFIX = '/api-proxy';

/** The dev-server route that makes `targetUrl` same-origin with the page, from the exchange's URL alone. */
export function proxyRoute(targetUrl: string): ProxyRoute {
  const url = new URL(targetUrl);
  const scope = routeScope(targetUrl);
  const pathAndQuery = `${url.pathname}${url.search}`;
  if (scope.mount === '') {
    return {
      target: url.origin,
      prefix: `${ROOT_PREFIX}/`,
      stripPrefix: ROOT_PREFIX,
      fetchUrl: { before: url.href, after: `${ROOT_PREFIX}${pathAndQuery}` },
      baseUrl: { before: url.origin, after: ROOT_PREFIX },
    };
  }
  return {
    target: url.origin,
    prefix: scope.prefix,
    fetchUrl: { before: url.href, after: pathAndQuery },
    baseUrl: { before: url.origin, after: '' },
  };
}
