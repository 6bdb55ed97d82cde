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

/**
 * `compute` of two strings, remembered like rememberRecent's, keyed by each string apart: no key is built per call.
 * A header's name and value come from the same event objects every time a request's record is rebuilt, and a
 * string caches its own hash, so a repeated lookup costs no hashing; a joined key was a new string to hash each
 * time (a sixth of capture's work in the Node profile of the bench page).
 */
export function rememberRecentPairs<T>(
  compute: (first: string, second: string) => T,
  capacity = 2_000,
  maxKeyLength = 2_048,
): (first: string, second: string) => T {
  const known = new Map<string, Map<string, T>>();
  let size = 0;
  return (first, second) => {
    if (first.length + second.length > maxKeyLength) return compute(first, second);
    let seconds = known.get(first);
    const hit = seconds?.get(second);
    if (hit !== undefined || seconds?.has(second)) return hit as T;
    const value = compute(first, second);
    if (size >= capacity) {
      known.clear();
      size = 0;
      seconds = undefined;
    }
    if (seconds === undefined) {
      seconds = new Map();
      known.set(first, seconds);
    }
    seconds.set(second, value);
    size++;
    return value;
  };
}
