import type { HeaderList } from './events';

/** The first value of a header, by case-insensitive name (HTTP header names are case-insensitive). */
export function headerValue(headers: HeaderList, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [headerName, value] of headers) {
    if (headerName.toLowerCase() === wanted) return value;
  }
  return undefined;
}
