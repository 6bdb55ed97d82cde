import { describe, expect, it } from 'vitest';
import { rememberRecent } from '../../../src/core/exchange/remember-recent';

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
