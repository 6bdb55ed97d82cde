import { describe, expect, it } from 'vitest';
import { routeScope } from '../../../src/core/fixes/route-scope';

describe('routeScope: the path the fix applies to', () => {
  it.each([
    ['http://127.0.0.1:8081/api/items?id=3', { prefix: '/api/', mount: '/api' }],
    ['http://127.0.0.1:8081/api/', { prefix: '/api/', mount: '/api' }],
    ['http://127.0.0.1:8081/graphql', { prefix: '/graphql', mount: '/graphql' }],
    ['http://127.0.0.1:8081/', { prefix: '/', mount: '' }],
    ['http://127.0.0.1:8081/a%20b/c', { prefix: '/', mount: '' }],
    ['http://127.0.0.1:8081/*/c', { prefix: '/', mount: '' }],
  ])('%s', (url, scope) => {
    expect(routeScope(url)).toEqual(scope);
  });
});
