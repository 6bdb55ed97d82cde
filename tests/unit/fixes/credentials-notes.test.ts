import { describe, expect, it } from 'vitest';
import { credentialsNotes } from '../../../src/core/fixes/credentials-notes';
import { siteRelation } from '../../../src/core/fixes/site-relation';
import { jsonPut } from './fixtures';

// HTML §7.1.1.3 schemeful same-site, decided only where no public suffix list is needed.
describe('siteRelation', () => {
  it.each([
    ['http://localhost:5173', 'http://localhost:8081/api', 'same-site'],
    ['http://localhost:5173', 'http://127.0.0.1:8081/api', 'cross-site'],
    ['http://app.localhost:5173', 'http://api.localhost/x', 'cross-site'],
    ['https://app.example.com', 'http://app.example.com/x', 'cross-site'],
    ['https://app.example.com', 'https://api.other.org/x', 'cross-site'],
    ['https://app.example.com', 'https://api.example.com/x', 'maybe'],
    ['https://a.github.io', 'https://b.github.io/x', 'maybe'],
    ['http://[::1]:5173', 'http://[::2]/x', 'cross-site'],
    ['null', 'https://api.example.com/x', 'cross-site'],
  ] as const)('%s → %s: %s', (page, target, relation) => {
    expect(siteRelation(page, target)).toBe(relation);
  });
});

describe('credentialsNotes', () => {
  const notes = (change: Partial<typeof jsonPut>) => credentialsNotes({ ...jsonPut, ...change }).join('\n');

  it('omit: "*" would also work, nothing about cookies', () => {
    expect(notes({ credentials: 'omit' })).toMatch(/\* would also work/);
    expect(notes({ credentials: 'omit' })).not.toMatch(/SameSite/);
  });

  it('unknown: says why, and that the exact origin with Allow-Credentials works in both modes', () => {
    const text = notes({ credentials: 'unknown' });
    expect(text).toMatch(/unknown/);
    expect(text).toMatch(/passes with credentials: "include" and without/);
    expect(text).not.toMatch(/would also work/);
  });

  it.each(['include', 'unknown'] as const)(
    '%s across sites explains SameSite=None; Secure',
    (credentials) => {
      expect(notes({ credentials })).toMatch(/different sites: cookies .* SameSite=None; Secure/);
    },
  );

  it('same host on another port: no SameSite note; a possibly same site: a conditional one', () => {
    expect(notes({ credentials: 'include', targetUrl: 'http://localhost:8081/api/x' })).not.toMatch(
      /SameSite/,
    );
    expect(
      notes({
        credentials: 'include',
        pageOrigin: 'https://app.example.com',
        targetUrl: 'https://api.example.com/x',
      }),
    ).toMatch(/^If the page and the API are on different sites/m);
  });
});
