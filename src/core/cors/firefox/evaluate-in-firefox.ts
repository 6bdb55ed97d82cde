import { buildBlockedVerdict } from '../build-blocked-verdict';
import { evaluateInChromium } from '../evaluate';
import type { Exchange, Verdict } from '../types';
import { firefoxOutcome } from './firefox-outcome';
import { withFirefoxReason, withFirefoxRefusal } from './with-firefox-reason';

/**
 * The verdict on an exchange Firefox ran: allowed or refused as Firefox decides (firefoxOutcome), and when refused,
 * the reason Firefox logs with the Chromium name of the same check beside it. Where Chromium would decide the same
 * exchange otherwise — another check fails first, or none does — a note says what Chromium reports.
 */
export function evaluateInFirefox(exchange: Exchange): Verdict {
  // Firefox's checks run once: Chromium's verdict carries their reason too (what evaluate() returns).
  const outcome = firefoxOutcome(exchange);
  const chromium = withFirefoxReason(evaluateInChromium(exchange), outcome);
  // Whatever Firefox lets through, Chromium does too (it preflights no more often and its checks pass no less: a
  // property test holds the two engines to it), so an exchange Firefox does not refuse keeps Chromium's verdict.
  if (outcome.kind !== 'refused') return chromium;
  const { refusal } = outcome;
  if (
    !chromium.allowed &&
    chromium.corsError === refusal.chromium.error &&
    chromium.failedParameter === refusal.chromium.failedParameter &&
    chromium.stage?.kind === refusal.stage.kind
  )
    return chromium;
  const verdict = buildBlockedVerdict({
    error: refusal.chromium.error,
    failedParameter: refusal.chromium.failedParameter,
    stage: refusal.stage,
    checkedOrigin: outcome.checkedOrigin,
    pageOrigin: exchange.origin,
    tainted: outcome.tainted,
    credentials: exchange.request.credentials,
    method: outcome.method,
    unsafeHeaderNames: outcome.preflightReasons.flatMap((r) => (r.kind === 'header' ? [r.name] : [])),
    responseHeaders: refusal.responseHeaders,
    url: refusal.url,
    preflightRequired: outcome.preflightRequired,
    preflightReasons: outcome.preflightReasons,
    ...(refusal.header === undefined ? {} : { header: refusal.header }),
    ...(refusal.status === undefined ? {} : { status: refusal.status }),
    ...(refusal.location === undefined ? {} : { location: refusal.location }),
  });
  verdict.notes = [chromiumNote(chromium)];
  return withFirefoxRefusal(verdict, refusal);
}

/** What Chromium reports for the same exchange, where Firefox decides it otherwise. */
function chromiumNote(chromium: Verdict): string {
  if (chromium.allowed) return 'Chromium allows this exchange: Firefox checks in its own order and words.';
  if (chromium.corsError === undefined) return `In Chromium: ${chromium.explanation}`;
  const parameter = chromium.failedParameter ? ` (${chromium.failedParameter})` : '';
  return `Chromium refuses this exchange with ${chromium.corsError}${parameter}: ${chromium.explanation}`;
}
