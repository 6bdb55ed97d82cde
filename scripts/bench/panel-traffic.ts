// What travels to a subscribed panel: each message costs the background, the browser process (in Firefox every
// message between extension contexts goes through the parent) and the panel, more than the bytes it carries.
import type { EvaluatingPage } from '../../tests/harness/panel-stream';
import type { BenchRow } from './table';

/** Messages kept to measure their size: enough for an average, few enough not to weigh on the panel's heap. */
const SIZE_SAMPLE = 300;

/**
 * Starts counting the messages of the stream subscribed in `ext` (panel-stream.ts's subscribeToTab), whichever
 * channel they come on. Sizes are taken from the first messages, and only when the row is made: serialising every
 * message as it comes, or keeping them all, would add its cost to the measured panel.
 */
export async function countPanelTraffic(ext: EvaluatingPage): Promise<void> {
  await ext.evaluate(`window.__traffic = { messages: 0, entries: 0, kept: [] };
    window.__corsLensTap = (m) => {
      window.__traffic.messages++;
      window.__traffic.entries += m.entries?.length ?? 0;
      if (window.__traffic.kept.length < ${SIZE_SAMPLE}) window.__traffic.kept.push(m);
    }`);
}

/** The row "sent to the panel per page load", over the `loads` counted since countPanelTraffic, which it ends. */
export async function panelTrafficRow(
  ext: EvaluatingPage,
  { group, loads, exchangesPerLoad }: { group: string; loads: number; exchangesPerLoad: number },
): Promise<BenchRow> {
  const traffic = (await ext.evaluate(`(() => {
    const { messages, entries, kept } = window.__traffic;
    window.__corsLensTap = undefined;
    window.__traffic.kept = [];
    const sampled = kept.reduce((n, m) => n + JSON.stringify(m).length, 0);
    return { messages, entries, bytes: kept.length === 0 ? 0 : (sampled / kept.length) * messages };
  })()`)) as {
    messages: number;
    entries: number;
    bytes: number;
  };
  const perLoad = (n: number) => n / loads;
  return {
    group,
    name: 'sent to the panel per page load',
    value: Math.round(perLoad(traffic.messages)),
    unit: 'messages',
    note: `${(perLoad(traffic.entries) / exchangesPerLoad).toFixed(2)} rows per exchange, ${Math.round(perLoad(traffic.bytes) / 1024)} KiB per load (as JSON, from the first ${SIZE_SAMPLE} messages' sizes)`,
  };
}
