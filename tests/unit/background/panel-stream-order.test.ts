// What a panel is sent when its tab navigates: the clear of the old page's rows, then the new page's rows — never
// the other way round, and never an old row after the clear. The background runs against a fake browser whose
// permission check can be held, as a slow answer from the browser would hold it.
import { expect, it, vi } from 'vitest';
import { INTAKE_QUIET_MS } from '../../../src/background/capture/intake-windows';
import { type Background, freshBackgroundOnFakeClock } from './start-background';
import { API, completeRequest, connectPanel, fire, type Message, PAGE, request } from './web-request-script';

vi.mock('../../../src/shared/browser', async () => (await import('./start-background')).mockBrowser());

let bg: Background;
freshBackgroundOnFakeClock((started) => {
  bg = started;
});

it('a navigation clears the panel before the new page’s first row, and drops changes queued for old rows', async () => {
  const posted = connectPanel(bg);
  await bg.settle();
  expect(posted.map((m) => m.type)).toEqual(['snapshot']);

  const oldUrl = `${API}/old`;
  fire(bg, 'onBeforeRequest', request('1', oldUrl));
  await bg.settle();
  // The old page's request ends just before the navigation: its last change waits in the outbox.
  await vi.advanceTimersByTimeAsync(10_500); // the background's answer on host access is now out of date
  let answer: (granted: boolean) => void = () => undefined;
  bg.fake.permissions.contains = () => new Promise<boolean>((resolve) => (answer = resolve));
  completeRequest(bg, '1', oldUrl);
  fire(bg, 'onBeforeRequest', request('nav', `${PAGE}/next`, 'main_frame'));
  fire(bg, 'onBeforeRequest', request('2', `${API}/new`));
  await bg.settle();
  await vi.advanceTimersByTimeAsync(INTAKE_QUIET_MS); // the events are taken, and the status waits on the browser
  await bg.settle();
  answer(true); // the browser answers late
  await bg.settle();
  await vi.advanceTimersByTimeAsync(100);
  await bg.settle();

  const urls = (m: Message) => (m.entries ?? []).map((e) => e.record.request.url);
  const cleared = posted.findIndex((m) => m.type === 'cleared');
  const firstNew = posted.findIndex((m) => urls(m).includes(`${API}/new`));
  expect(cleared).toBeGreaterThan(0);
  expect(firstNew).toBeGreaterThan(cleared);
  expect(posted.slice(cleared).flatMap(urls)).not.toContain(oldUrl);
});
