import { MAX_AGE_LIMIT } from './rule-defaults';
import type { Validation } from './types';

// Chromium caps the preflight cache at 2 h (cors/preflight_result.cc kMaxTimeout); Firefox honours up to 24 h.
const CHROMIUM_CAP = 7200;

/**
 * Access-Control-Max-Age seconds, or undefined for "leave the browser's default": empty input, undefined or null.
 * Accepts a number or a numeric string (a form field).
 */
export function validateMaxAge(input: unknown): Validation<number | undefined> {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) {
    return { ok: true, value: undefined };
  }
  const value = typeof input === 'string' && /^\s*\d+\s*$/.test(input) ? Number(input) : input;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_AGE_LIMIT) {
    return {
      ok: false,
      message: `Max-age must be a whole number of seconds from 0 to ${MAX_AGE_LIMIT} (24 h), or empty for the browser's default.`,
    };
  }
  if (value > CHROMIUM_CAP) {
    return {
      ok: true,
      value,
      note: `Chromium caches a preflight for at most ${CHROMIUM_CAP} s (2 h); Firefox honours up to ${MAX_AGE_LIMIT} s.`,
    };
  }
  return { ok: true, value };
}
