import type { Framework } from './types';

/** Every server framework a snippet is generated for, in the order the Fix tab lists them: verified live first. */
export const FRAMEWORKS: readonly Framework[] = [
  'express',
  'flask',
  'fastapi',
  'django',
  'go',
  'nginx',
  'caddy',
  'apache',
  'aspnetcore',
  'spring',
];

/** For choices read back from storage: anything else is ignored. */
export function isFramework(value: unknown): value is Framework {
  return typeof value === 'string' && (FRAMEWORKS as readonly string[]).includes(value);
}
