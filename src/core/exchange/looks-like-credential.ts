// Values that are credentials whatever header or parameter carries them: an HTTP authentication scheme followed by
// its credentials (RFC 9110 §11.4: "Bearer …", "Basic …"), or a JSON Web Token (RFC 7519: three base64url parts,
// the first a JSON object, so it starts with "eyJ").
const AUTH_SCHEME =
  /^\s*(?:bearer|basic|digest|negotiate|ntlm|token|mac|hoba|oauth|aws4-hmac-sha256|apikey)\s+\S/i;
const JWT = /eyJ[\w-]{2,}\.[\w-]{2,}\.[\w-]*/;

export function looksLikeCredential(value: string): boolean {
  return AUTH_SCHEME.test(value) || JWT.test(value);
}
