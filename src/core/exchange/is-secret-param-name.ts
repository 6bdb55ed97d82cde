// Query and fragment parameters that carry credentials: OAuth's code and tokens (RFC 6749 §4.1.2, §4.2.2), API
// keys, passwords, and the signatures of pre-signed URLs (X-Amz-Signature, X-Goog-Signature, Azure's sig). Names are
// compared without case, '-', '_' or '.', so api_key, apiKey and api-key are one name.
const SECRET_NAMES = new Set(['auth', 'code', 'key', 'otp', 'pass', 'pwd', 'sid', 'sig']);
const SECRET_PARTS = [
  'token',
  'secret',
  'passw',
  'apikey',
  'accesskey',
  'privatekey',
  'signature',
  'credential',
  'session',
  'authorization',
  'oauth',
  'csrf',
  'xsrf',
  'jwt',
];

// OAuth's token_type ("bearer") names a kind of token, not a token.
const NOT_SECRET = new Set(['tokentype']);

export function isSecretParamName(name: string): boolean {
  const normalized = name.toLowerCase().replace(/[-_.]/g, '');
  if (NOT_SECRET.has(normalized)) return false;
  return SECRET_NAMES.has(normalized) || SECRET_PARTS.some((part) => normalized.includes(part));
}
