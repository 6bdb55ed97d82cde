import type { RouteScope } from './types';

// Plain segments only: anything else would need escaping in eight route syntaxes (Express paths, Spring
// PathPattern, regexes…), so such a path falls back to the whole server.
const PLAIN_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** "/api/items?id=3" → "/api/"; "/graphql" → "/graphql"; "/" or an unusual first segment → "/". */
export function routeScope(targetUrl: string): RouteScope {
  const segments = new URL(targetUrl).pathname.split('/').slice(1);
  const first = segments[0] ?? '';
  if (first === '' || !PLAIN_SEGMENT.test(first) || first === '.' || first === '..') {
    return { prefix: '/', mount: '' };
  }
  const mount = `/${first}`;
  return { prefix: segments.length > 1 ? `${mount}/` : mount, mount };
}
