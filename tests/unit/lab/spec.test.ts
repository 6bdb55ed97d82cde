import { describe, expect, it } from 'vitest';
import { decodeSpec, encodeSpec, specUrl } from '../../lab/spec.mjs';

describe('lab spec: the response plan travels in the URL intact', () => {
  const spec = {
    id: 'x',
    preflight: {
      status: 204,
      headers: [['Access-Control-Allow-Origin', 'http://localhost:5173']] as [string, string][],
    },
    response: {
      status: 302,
      headers: [['Location', 'http://127.0.0.1:1/api?s=e30']] as [string, string][],
      body: 'ü→?&=',
    },
  };
  it('round-trips through encode/decode', () => {
    expect(decodeSpec(encodeSpec(spec))).toEqual(spec);
  });
  it('is URL-safe (no +, /, = or other reserved characters)', () => {
    expect(encodeSpec(spec)).toMatch(/^[A-Za-z0-9_-]+$/);
  });
  it('builds a URL on the given origin', () => {
    expect(specUrl('http://127.0.0.1:8081', {})).toBe('http://127.0.0.1:8081/api?s=e30');
  });
});
