// Firefox evaluates DNR in its parent process for every request from an extension's first DNR call on, even a
// read, until the extension stops: so no override ever installed means no DNR call at all, and after the last
// override is gone a restarted background asks nothing again.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { type Background, startBackground } from './start-background';
import { allowOverride } from './web-request-script';

vi.mock('../../../src/shared/browser', async () => (await import('./start-background')).mockBrowser());

let bg: Background;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  bg = await startBackground();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

it('a fresh install asks DNR nothing, at start or when the rules are read', async () => {
  expect(await bg.send({ type: 'rules/get' })).toMatchObject({ ok: true });
  await bg.settle();
  expect(bg.fake.dnrApiCalls).toEqual([]);
});

it('installs and removes an override through DNR, then a restarted background asks DNR nothing', async () => {
  const id = await allowOverride(bg, '15m');
  expect(bg.fake.installed()).toHaveLength(1);
  expect(await bg.send({ type: 'rules/remove', id })).toMatchObject({ ok: true });
  expect(bg.fake.installed()).toEqual([]);
  bg.fake.dnrApiCalls.length = 0;
  const restarted = await startBackground(bg.fake);
  expect(await restarted.send({ type: 'rules/get' })).toMatchObject({ ok: true });
  expect(bg.fake.dnrApiCalls).toEqual([]);
});

it('an override stored by a version without the flag is looked for in DNR', async () => {
  await allowOverride(bg, 'pinned');
  await bg.fake.storage.local.remove('dnrMayHoldRules');
  // the rules stay stored, the flag is gone
  bg.fake.dnrApiCalls.length = 0;
  await startBackground(bg.fake);
  expect(bg.fake.dnrApiCalls).toContain('getDynamicRules');
  expect(bg.fake.installed()).toHaveLength(1);
});
