// Fetch §2.2.2: script can always read these, so Access-Control-Expose-Headers need not list them.
const SAFELISTED = [
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
];

export function isCorsSafelistedResponseHeaderName(name: string): boolean {
  return SAFELISTED.includes(name.toLowerCase());
}
