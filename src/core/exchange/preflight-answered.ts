import type { LoggedExchange } from './to-logged';

/** The status the server answered a preflight that CORS Lens answered instead, or undefined when it did not. */
export function answeredPreflightStatus(entry: LoggedExchange): number | undefined {
  return entry.override?.preflightAnswered ? entry.record.preflight?.response?.status : undefined;
}

/** The row's words for such an exchange: who answered, and what the server said. */
export function preflightAnsweredLabel(entry: LoggedExchange): string | undefined {
  const status = answeredPreflightStatus(entry);
  return status === undefined ? undefined : `preflight answered by CORS Lens (server: ${status})`;
}
