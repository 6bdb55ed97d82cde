import type { ImportError } from './import-rules';

/** "rule 3: pageOrigin: …" (1-based, as people count), or just the message for a whole-file problem. */
export function formatImportError(error: ImportError): string {
  if (error.index < 0) return error.message;
  return `rule ${error.index + 1}: ${error.field === '' ? '' : `${error.field}: `}${error.message}`;
}
