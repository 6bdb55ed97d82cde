import { LIFETIMES, type Lifetime } from './types';

export function isLifetime(value: unknown): value is Lifetime {
  return typeof value === 'string' && (LIFETIMES as readonly string[]).includes(value);
}
