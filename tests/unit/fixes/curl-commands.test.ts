import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type CurlInput, curlCommands } from '../../../src/core/fixes/curl-commands';
import { quoteShell } from '../../../src/core/fixes/literals/quote-shell';

const put: CurlInput = {
  url: 'http://127.0.0.1:8081/api/items?id=3&x=1',
  method: 'PUT',
  headers: [
    ['content-type', 'application/json'],
    ['x-api-key', 'k1'],
  ],
  origin: 'http://localhost:5173',
  preflight: true,
  credentials: false,
};

/** What a POSIX shell makes of a command line: its words, one per line. */
function shellWords(commandLine: string): string[] {
  const script = `set -- ${commandLine.replace(/^curl /, '')}; for word; do printf '%s\\0' "$word"; done`;
  return execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

describe('quoteShell', () => {
  it.each(["it's", "''", 'a b', '$HOME `id` $(id) "q" \\', 'line\nbreak', ''])('%j survives sh', (value) => {
    expect(shellWords(`curl ${quoteShell(value)}`)).toEqual([value]);
  });
});

describe('curlCommands', () => {
  it('actual request: method, quoted URL, Origin first, headers as sent', () => {
    expect(curlCommands(put).actual).toBe(
      [
        "curl -i -X PUT 'http://127.0.0.1:8081/api/items?id=3&x=1'",
        "  -H 'Origin: http://localhost:5173'",
        "  -H 'content-type: application/json'",
        "  -H 'x-api-key: <redacted>'",
      ].join(' \\\n'),
    );
  });

  it('preflight: OPTIONS with the request method and the sorted unsafe header names', () => {
    expect(
      curlCommands({ ...put, headers: [['X-Trace', '1'], ...put.headers, ['accept', '*/*']] }).preflight,
    ).toBe(
      [
        "curl -i -X OPTIONS 'http://127.0.0.1:8081/api/items?id=3&x=1'",
        "  -H 'Origin: http://localhost:5173'",
        "  -H 'Access-Control-Request-Method: PUT'",
        "  -H 'Access-Control-Request-Headers: content-type,x-api-key,x-trace'",
      ].join(' \\\n'),
    );
  });

  it('no preflight command for a simple request, and no -X for GET', () => {
    const result = curlCommands({ ...put, method: 'get', headers: [], preflight: false });
    expect(result).toEqual({
      actual: "curl -i 'http://127.0.0.1:8081/api/items?id=3&x=1' \\\n  -H 'Origin: http://localhost:5173'",
    });
  });

  it('a header value with a single quote reaches curl intact', () => {
    const { actual } = curlCommands({ ...put, headers: [['x-note', "it's $HOME"]], preflight: false });
    expect(shellWords(actual.replaceAll(' \\\n', ' '))).toEqual([
      '-i',
      '-X',
      'PUT',
      put.url,
      '-H',
      'Origin: http://localhost:5173',
      '-H',
      "x-note: it's $HOME",
    ]);
  });

  it.each(['Authorization', 'cookie', 'Proxy-Authorization'])('%s is redacted', (name) => {
    const { actual, preflight } = curlCommands({
      ...put,
      credentials: true,
      headers: [[name, 'Bearer s3cret-token']],
    });
    expect(actual).toContain(`-H '${name}: <redacted>'`);
    expect(`${actual}${preflight}`).not.toContain('s3cret');
  });

  it('cookies are left out when the request had no credentials', () => {
    expect(curlCommands({ ...put, headers: [['Cookie', 'sid=1']] }).actual).not.toMatch(/cookie/i);
  });

  it('an Origin among the headers is not sent twice', () => {
    const { actual } = curlCommands({ ...put, headers: [['origin', 'http://other']] });
    expect(actual.match(/origin:/gi)).toHaveLength(1);
  });

  it('HEAD uses --head so curl does not wait for a body', () => {
    expect(curlCommands({ ...put, method: 'HEAD', preflight: false }).actual).toMatch(/^curl -i --head '/);
  });
});
