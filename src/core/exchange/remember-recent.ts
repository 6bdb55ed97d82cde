/**
 * `compute`, remembering its last answers by key. Capture redacts every record again on each of its events, and a
 * request's URLs and headers repeat from event to event: the profile of a page load showed redaction as a fifth of
 * the worker's own work. Only for pure functions of the key. The memory is bounded: at most `capacity` keys (it
 * starts over when full), none longer than `maxKeyLength` (a giant header value is computed every time instead).
 * It lives in the worker's memory only, like the records it serves.
 */
export function rememberRecent<T>(
  compute: (key: string) => T,
  capacity = 2_000,
  maxKeyLength = 2_048,
): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (key.length > maxKeyLength) return compute(key);
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as T;
    const value = compute(key);
    if (known.size >= capacity) known.clear();
    known.set(key, value);
    return value;
  };
}
