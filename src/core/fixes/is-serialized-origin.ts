// HTML §7.1.1 (serialization of an origin): "null", or scheme "://" host [":" port] with nothing else.
// Non-special schemes (chrome-extension://, moz-extension://) have no origin in the URL parser, so the host
// is checked by shape instead.
const TUPLE_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/;

export function isSerializedOrigin(value: string): boolean {
  if (value === 'null') return true;
  if (!TUPLE_ORIGIN.test(value)) return false;
  if (!value.startsWith('http://') && !value.startsWith('https://')) return true;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}
