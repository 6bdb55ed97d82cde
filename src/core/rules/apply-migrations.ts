import { RULES_VERSION } from './defaults';
import { migrations } from './migrations';

/** Brings stored or imported data up to RULES_VERSION, or says why it cannot. Never throws. */
export function applyMigrations(
  data: Record<string, unknown>,
): { ok: true; data: Record<string, unknown> } | { ok: false; problem: string } {
  let version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: 'it has no valid version number' };
  }
  if (version > RULES_VERSION) {
    return {
      ok: false,
      problem: `it was written by a newer CORS Lens (format version ${version}; this one reads up to ${RULES_VERSION})`,
    };
  }
  let current = data;
  for (const step of migrations) {
    if (step.from !== version) continue;
    try {
      current = step.migrate(current);
    } catch (error) {
      return { ok: false, problem: `upgrading it from version ${version} failed (${String(error)})` };
    }
    version += 1;
  }
  if (version !== RULES_VERSION) return { ok: false, problem: `no upgrade exists from version ${version}` };
  return { ok: true, data: { ...current, version } };
}
