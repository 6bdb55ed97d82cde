import { describe, expect, it } from 'vitest';
import { fixSnippets } from '../../../src/core/fixes/fix-snippets';
import { requiredHeaders } from '../../../src/core/fixes/required-headers';
import type { FixInput } from '../../../src/core/fixes/types';
import { InvalidFixInputError, validateFixInput } from '../../../src/core/fixes/validate-fix-input';
import { jsonPut } from './fixtures';

describe('validateFixInput: only values that cannot break a snippet pass', () => {
  it.each<[string, Partial<FixInput>, RegExp | null]>([
    ['the fixture', {}, null],
    ['origin "null"', { pageOrigin: 'null' }, null],
    ['IPv6 origin', { pageOrigin: 'http://[::1]:5173' }, null],
    ['extension origin', { pageOrigin: 'chrome-extension://abcdefghijklmnop' }, null],
    ['origin with a quote', { pageOrigin: 'http://a"b.example' }, /pageOrigin/],
    ['origin with a single quote', { pageOrigin: "http://it's.example" }, /pageOrigin/],
    ['origin with a path', { pageOrigin: 'http://localhost:5173/' }, /pageOrigin/],
    ['origin with upper case (not serialized)', { pageOrigin: 'http://LocalHost:5173' }, /pageOrigin/],
    ['origin with default port (not serialized)', { pageOrigin: 'https://example.com:443' }, /pageOrigin/],
    ['wildcard origin', { pageOrigin: '*' }, /pageOrigin/],
    ['header with a space', { requestHeaders: ['x bad'] }, /requestHeaders/],
    ['header with a double quote', { requestHeaders: ['x-"'] }, /requestHeaders/],
    ['exposed header with a newline', { exposeHeaders: ['x-a\nx-b'] }, /exposeHeaders/],
    ['method with a semicolon', { methods: ['PUT;'] }, /methods/],
    ['no method', { methods: [] }, /methods is empty/],
    ['relative target', { targetUrl: '/api/items' }, /targetUrl/],
    ['negative max-age', { maxAge: -1 }, /maxAge/],
    ['fractional max-age', { maxAge: 1.5 }, /maxAge/],
    ['an error status', { failedStatus: 503 }, null],
    ['a success status as failedStatus', { failedStatus: 200 }, /failedStatus/],
  ])('%s', (_, change, problem) => {
    const problems = validateFixInput({ ...jsonPut, ...change });
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.join('\n')).toMatch(problem);
  });

  it('snippets and headers refuse invalid input instead of emitting it', () => {
    const bad = { ...jsonPut, pageOrigin: 'http://x.example"); drop()' };
    expect(() => fixSnippets(bad)).toThrow(InvalidFixInputError);
    expect(() => requiredHeaders(bad)).toThrow(InvalidFixInputError);
  });
});
