import { rememberRecent } from './remember-recent';

/** The serialised origin of a URL, or undefined when it does not parse. Opaque origins serialise as "null". */
export function originOf(url: string): string | undefined {
  return parsedOrigin(url);
}

// Capture asks this of the same few URLs on every event of a request; parsing was a tenth of its work.
const parsedOrigin = rememberRecent((url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
});
