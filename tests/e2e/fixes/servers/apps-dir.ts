import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const appsDir = fileURLToPath(new URL('../apps/', import.meta.url));
export const MARKER = 'CORS_LENS_FIX';
export const debianPython = '/usr/bin/python3';

export function readApp(name: string): Promise<string> {
  return readFile(`${appsDir}${name}`, 'utf8');
}
