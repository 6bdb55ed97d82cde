import { checkCorsSafelistedRequestHeader } from './check-cors-safelisted-request-header';

// Fetch §2.2.2 CORS-safelisted request-header (yes/no form of checkCorsSafelistedRequestHeader).
export function isCorsSafelistedRequestHeader(name: string, value: string): boolean {
  return checkCorsSafelistedRequestHeader(name, value).safelisted;
}
