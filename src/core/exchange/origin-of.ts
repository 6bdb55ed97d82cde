/** The serialised origin of a URL, or undefined when it does not parse. Opaque origins serialise as "null". */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
