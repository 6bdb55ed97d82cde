import { mdnUrlFor } from '../mdn-url-for';
import type { FirefoxReasonLogged, Verdict } from '../types';
import type { FirefoxOutcome } from './firefox-outcome';
import type { FirefoxRefusal } from './firefox-refusal';

// Cancelled requests are not logged (CheckRequestApproved skips NS_BINDING_ABORTED).
const NOT_LOGGED = new Set(['NS_BINDING_ABORTED', 'net::ERR_ABORTED']);

/**
 * Adds what Firefox says about an exchange to a verdict: the reason it logs when it refuses the exchange (its own
 * checks, in its own order: firefoxOutcome), with the value it quotes, and the MDN page of that reason. Where Firefox
 * refuses what the verdict allows, a note says so (the reverse does not happen: see evaluateInFirefox).
 */
export function withFirefoxReason(verdict: Verdict, outcome: FirefoxOutcome): Verdict {
  if (outcome.kind === 'refused') {
    if (verdict.allowed) {
      verdict.notes = [
        ...(verdict.notes ?? []),
        `Firefox refuses this exchange (console: ${quoted(outcome.refusal)}): its checks differ from Chromium's here.`,
      ];
      return verdict;
    }
    return withFirefoxRefusal(verdict, outcome.refusal);
  }
  if (verdict.allowed) return verdict;
  // Firefox logs a request that got no response as "CORS request did not succeed" too.
  if (
    outcome.kind === 'no-response' &&
    outcome.networkError !== undefined &&
    !NOT_LOGGED.has(outcome.networkError)
  ) {
    verdict.firefoxReason = 'CORSDidNotSucceed';
    verdict.mdn ??= mdnUrlFor('CORSDidNotSucceed');
  }
  return verdict;
}

/** A blocked verdict with the reason Firefox logs for `refusal`, and the other one it may have logged instead. */
export function withFirefoxRefusal(verdict: Verdict, refusal: FirefoxRefusal): Verdict {
  verdict.firefoxReason = refusal.reason;
  if (refusal.detail !== undefined) verdict.firefoxDetail = refusal.detail;
  verdict.mdn = mdnUrlFor(refusal.reason);
  if (refusal.alternative !== undefined) {
    verdict.firefoxAlternative = refusal.alternative;
    verdict.notes = [
      ...(verdict.notes ?? []),
      `Firefox logs ${quoted(refusal)} or ${quoted(refusal.alternative)}: Firefox shows extensions repeated Access-Control-Allow-Origin lines joined into one (\`${refusal.detail ?? refusal.alternative.detail ?? ''}\`), so whether the server sent one line or several cannot be told. Either way the server must send exactly one line with one origin.`,
    ];
  }
  return verdict;
}

function quoted(logged: FirefoxReasonLogged): string {
  return `${logged.reason}${logged.detail === undefined ? '' : ` ‘${logged.detail}’`}`;
}
