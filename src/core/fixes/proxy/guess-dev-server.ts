import type { DevServer } from './types';

// The ports each tool picks by default; a guess only, until the user picks.
const DEFAULT_PORTS: Record<string, DevServer> = {
  '5173': 'vite',
  '4173': 'vite',
  '3000': 'next',
  '4200': 'angular',
  '8080': 'webpack',
};

/** The dev server a local page most likely runs on, from its port; Vite when the port says nothing. */
export function guessDevServer(pageOrigin: string): DevServer {
  const port = URL.canParse(pageOrigin) ? new URL(pageOrigin).port : '';
  return DEFAULT_PORTS[port] ?? 'vite';
}
