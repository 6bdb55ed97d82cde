import { goRsCors } from './go-app';
import type { LiveFramework } from './live-framework';
import { express } from './node-express';
import { django, fastapi, flask } from './python-apps';
import { apache, caddy, nginx } from './web-servers';

export type { LiveFramework } from './live-framework';

/** Every framework whose snippet is verified live, in the order of FRAMEWORKS. */
export const LIVE_FRAMEWORKS: LiveFramework[] = [
  express,
  flask,
  fastapi,
  django,
  goRsCors,
  nginx,
  caddy,
  apache,
];
