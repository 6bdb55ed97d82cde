// Fetch §2.2.2 "CORS-safelisted request-header": what a page may send without triggering a preflight.
const SAFELISTED_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export function isCorsSafelistedRequestHeader(name: string, value: string): boolean {
  if (value.length > 128) return false;
  switch (name.toLowerCase()) {
    case 'accept':
      return !hasCorsUnsafeRequestHeaderByte(value);
    case 'accept-language':
    case 'content-language':
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value);
    case 'content-type': {
      if (hasCorsUnsafeRequestHeaderByte(value)) return false;
      const essence = (value.split(';')[0] ?? '').trim().toLowerCase();
      return SAFELISTED_CONTENT_TYPES.includes(essence);
    }
    case 'range': {
      const range = /^bytes=([0-9]+)-([0-9]*)$/.exec(value);
      return range !== null && (range[2] === '' || Number(range[1]) <= Number(range[2]));
    }
    default:
      return false;
  }
}

// Fetch §2.2.2 "CORS-unsafe request-header byte".
function hasCorsUnsafeRequestHeaderByte(value: string): boolean {
  return [...value].some((char) => (char < ' ' && char !== '\t') || '"():<>?@[\\]{}\x7f'.includes(char));
}
