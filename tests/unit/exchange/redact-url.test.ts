import { describe, expect, it } from 'vitest';
import { redactHeaders } from '../../../src/core/exchange/redact-headers';
import { redactUrl } from '../../../src/core/exchange/redact-url';

describe('redactUrl: a URL’s user name and password never reach storage or exports', () => {
  it.each([
    ['http://user:pass@127.0.0.1:8082/api?x=1', 'http://redacted:redacted@127.0.0.1:8082/api?x=1'],
    ['http://user@api.test/', 'http://redacted@api.test/'],
    ['http://:secret@api.test/', 'http://:redacted@api.test/'],
    ['http://api.test/a@b', 'http://api.test/a@b'],
    ['http://api.test/', 'http://api.test/'],
    ['not a url @ all', 'not a url @ all'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('keeps that the URL had credentials (the engine needs it), hides what they were', () => {
    const redacted = new URL(redactUrl('http://alice:hunter2@api.test/'));
    expect(redacted.username !== '' || redacted.password !== '').toBe(true);
    expect(redacted.href).not.toContain('hunter2');
    expect(redacted.href).not.toContain('alice');
  });

  it('applies to Location headers', () => {
    expect(redactHeaders([['Location', 'http://u:p@api.test/x']])).toEqual([
      ['Location', 'http://redacted:redacted@api.test/x'],
    ]);
  });
});
