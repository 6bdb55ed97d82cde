// The background mirrors each tab's log into storage.session in batches (once it is quiet for 1 s, within 5 s): tests
// that need the mirror (a service-worker restart restores from it; secrets must never reach it) wait until it
// holds the exchanges they made, instead of sleeping past the batch delay.
import { restoreLogs } from '../../src/core/exchange/log-mirror';
import { scenarioOfUrl } from './panel-stream';
import { pollUntil } from './poll';

export interface EvaluatingPage {
  evaluate(expression: string): Promise<unknown>;
}

/** Everything in storage.session, read from an extension page (which outlives service-worker restarts). */
export async function readSessionStorage(extensionPage: EvaluatingPage): Promise<Record<string, unknown>> {
  return (await extensionPage.evaluate(
    '(globalThis.browser ?? globalThis.chrome).storage.session.get(null)',
  )) as Record<string, unknown>;
}

/** The lab scenario ids that the stored log mirrors hold as finished (not pending) exchanges. */
function finishedInMirror(stored: Record<string, unknown>): Set<string> {
  const ids = new Set<string>();
  // Read as a restarted worker restores it (log-mirror.ts): one key per record.
  for (const log of restoreLogs(stored).values()) {
    for (const record of log.snapshot()) {
      const id = scenarioOfUrl(record.request.url);
      if (id !== undefined && record.outcome !== 'pending') ids.add(id);
    }
  }
  return ids;
}

/**
 * Polls storage.session until its log mirror holds every one of `scenarioIds` as a finished exchange; returns
 * the whole of storage.session as JSON text. Throws, naming the missing ids, after `timeoutMs`.
 */
export async function waitForMirrored(
  extensionPage: EvaluatingPage,
  scenarioIds: string[],
  timeoutMs = 20_000,
): Promise<string> {
  const missing = (stored: Record<string, unknown>) => {
    const finished = finishedInMirror(stored);
    return scenarioIds.filter((id) => !finished.has(id));
  };
  const stored = await pollUntil(
    () => readSessionStorage(extensionPage),
    (s) => missing(s).length === 0,
    timeoutMs,
    200,
  );
  const absent = missing(stored);
  if (absent.length > 0)
    throw new Error(
      `storage.session's log mirror did not hold ${absent.join(', ')} as finished exchanges within ${timeoutMs / 1000} s; it held: ${[...finishedInMirror(stored)].join(', ') || 'none'}`,
    );
  return JSON.stringify(stored);
}
