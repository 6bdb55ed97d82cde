import type { HeaderList } from './events';
import { redactHeaderValue } from './redact-headers';
import { redactUrlParts } from './redact-url';
import type { ExchangeRecord, RedactedValue } from './types';

/**
 * The record as it may be stored, streamed or exported: every secret value hidden (redactHeaderValue,
 * redactUrlParts) in every header list and URL, names kept, and `redacted` listing what was hidden. The one
 * redaction of the product: the assembler's output, restored logs and exports all pass through it. Idempotent.
 */
export function redactRecord(
  record: ExchangeRecord,
  /** Applied to each header value before it is redacted (capture caps them: capHeaderValue). */
  keep: (name: string, value: string) => string = unchanged,
): ExchangeRecord {
  const hidden = new Map<string, RedactedValue>();
  for (const value of record.redacted ?? []) hidden.set(`${value.field}\n${value.name}`, value);
  const note = (field: string, name: string) => hidden.set(`${field}\n${name}`, { field, name });
  const url = (field: string, value: string): string => {
    const parts = redactUrlParts(value);
    for (const name of parts.hidden) note(field, name);
    return parts.url;
  };
  const headers = (field: string | undefined, list: HeaderList): HeaderList =>
    list.map(([name, value]) => {
      const kept = keep(name, value);
      const shown = redactHeaderValue(name, kept);
      if (field !== undefined && shown !== kept) note(field, name.toLowerCase());
      return [name, shown];
    });

  const { request, preflight, response } = record;
  const out: ExchangeRecord = {
    ...record,
    request: {
      ...request,
      url: url('request.url', request.url),
      headers: headers('request.headers', request.headers),
      // The same values as request.headers: marked there.
      authorHeaders: headers(undefined, request.authorHeaders),
    },
    hops: record.hops.map((hop, i) => ({
      ...hop,
      url: url(`hops.${i}.url`, hop.url),
      headers: headers(`hops.${i}.headers`, hop.headers),
      location: url(`hops.${i}.location`, hop.location),
    })),
  };
  if (preflight !== undefined) {
    out.preflight = {
      ...preflight,
      request: {
        ...preflight.request,
        headers: headers('preflight.request.headers', preflight.request.headers),
      },
    };
    if (preflight.response !== undefined)
      out.preflight.response = {
        ...preflight.response,
        headers: headers('preflight.response.headers', preflight.response.headers),
      };
  }
  const source = record.preflightCacheSource;
  if (source !== undefined)
    out.preflightCacheSource = {
      ...source,
      headers: headers('preflightCacheSource.headers', source.headers),
    };
  if (response !== undefined)
    out.response = {
      ...response,
      url: url('response.url', response.url),
      headers: headers('response.headers', response.headers),
    };
  if (hidden.size > 0) out.redacted = [...hidden.values()];
  else delete out.redacted;
  return out;
}

function unchanged(_name: string, value: string): string {
  return value;
}
