import { describe, expect, it } from 'vitest';
import { withExposeHeaders } from '../../../src/core/fixes/with-expose-headers';
import { simpleGet } from './fixtures';

describe('withExposeHeaders: the user names the response headers script reads', () => {
  it('adds names lower-cased, without duplicates, comma- or space-separated', () => {
    const first = withExposeHeaders(simpleGet, 'X-Request-Id, x-total-count');
    expect(first.problems).toEqual([]);
    expect(withExposeHeaders(first.input, 'x-request-id ETag').input.exposeHeaders).toEqual([
      'x-request-id',
      'x-total-count',
      'etag',
    ]);
  });

  it.each([
    ['x-ok, set-cookie', /never readable/],
    ['x-ok, x-b@d', /not a valid header name/],
    ['x-ok *', /Name each header/],
    [' , ', /Enter a response header name/],
  ])('%j is refused and nothing is added', (text, problem) => {
    const edit = withExposeHeaders({ ...simpleGet, exposeHeaders: ['x-a'] }, text);
    expect(edit.problems.join('\n')).toMatch(problem);
    expect(edit.input.exposeHeaders).toEqual(['x-a']);
  });

  it('a safelisted name is accepted with a note that it needs no exposing', () => {
    const edit = withExposeHeaders(simpleGet, 'content-type');
    expect(edit.problems).toEqual([]);
    expect(edit.notes.join()).toMatch(/readable without being exposed/);
  });
});
