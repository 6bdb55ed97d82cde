// What an allowed row's verdict cell says: "allowed", plus a warning when the page's script read a response header
// the server does not expose (the hook in the page reports each read; the script got null). Written out here, not
// taken from the product.
import type { ScenarioResult } from '../lab/public/run-scenario.mjs';

export function allowedVerdict(outcome: ScenarioResult | undefined): string {
  if (outcome?.readHeader !== undefined && outcome.readable === false)
    return `allowed · ⚠ ${outcome.readHeader} read but not exposed`;
  return 'allowed';
}
