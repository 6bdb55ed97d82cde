import { describe, expect, it } from 'vitest';
import { rememberRecent, rememberRecentPairs } from '../../../src/core/exchange/remember-recent';

describe('rememberRecent', () => {
  it('computes each key once while it is remembered, undefined answers included', () => {
    const calls: string[] = [];
    const f = rememberRecent((key) => {
      calls.push(key);
      return key === 'none' ? undefined : key.toUpperCase();
    });
    expect([f('a'), f('a'), f('none'), f('none'), f('b')]).toEqual(['A', 'A', undefined, undefined, 'B']);
    expect(calls).toEqual(['a', 'none', 'b']);
  });

  it('stays within its capacity: when full it starts over, and still answers right', () => {
    const calls: string[] = [];
    const f = rememberRecent((key) => {
      calls.push(key);
      return key.length;
    }, 2);
    expect([f('x'), f('yy'), f('zzz'), f('x')]).toEqual([1, 2, 3, 1]);
    expect(calls).toEqual(['x', 'yy', 'zzz', 'x']);
  });

  it('never keeps a key longer than its limit: such keys are computed every time', () => {
    let calls = 0;
    const f = rememberRecent(
      (key) => {
        calls++;
        return key.length;
      },
      10,
      4,
    );
    expect([f('12345'), f('12345'), f('1234'), f('1234')]).toEqual([5, 5, 4, 4]);
    expect(calls).toBe(3);
  });
});

describe('rememberRecentPairs', () => {
  it('computes each pair once while it is remembered, telling pairs apart that join to the same text', () => {
    const calls: string[] = [];
    const f = rememberRecentPairs((a, b) => {
      calls.push(`${a}|${b}`);
      return a === 'none' ? undefined : `${a}=${b}`;
    });
    expect([f('a', 'bc'), f('ab', 'c'), f('a', 'bc'), f('none', 'x'), f('none', 'x')]).toEqual([
      'a=bc',
      'ab=c',
      'a=bc',
      undefined,
      undefined,
    ]);
    expect(calls).toEqual(['a|bc', 'ab|c', 'none|x']);
  });

  it('stays within its capacity in pairs, and never keeps a pair longer than its limit', () => {
    const calls: string[] = [];
    const f = rememberRecentPairs(
      (a, b) => {
        calls.push(a + b);
        return a.length + b.length;
      },
      2,
      4,
    );
    expect([f('x', '1'), f('x', '2'), f('x', '3'), f('x', '1'), f('abc', 'de'), f('abc', 'de')]).toEqual([
      2, 2, 2, 2, 5, 5,
    ]);
    expect(calls).toEqual(['x1', 'x2', 'x3', 'x1', 'abcde', 'abcde']);
  });
});
