/**
 * Time left, as a countdown shows it: "59 s", "14 min", "7 h 12 min". Seconds round up so that a rule with time
 * left never reads "0 s"; minutes round down so that 14 min 59 s reads "14 min", like a clock.
 */
export function remainingLabel(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0 s';
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
