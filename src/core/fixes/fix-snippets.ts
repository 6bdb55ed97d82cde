import { apacheSnippet } from './snippets/apache-snippet';
import { aspnetcoreSnippet } from './snippets/aspnetcore-snippet';
import { caddySnippet } from './snippets/caddy-snippet';
import { djangoSnippet } from './snippets/django-snippet';
import { expressSnippet } from './snippets/express-snippet';
import { fastapiSnippet } from './snippets/fastapi-snippet';
import { flaskSnippet } from './snippets/flask-snippet';
import { goSnippet } from './snippets/go-snippet';
import { nginxSnippet } from './snippets/nginx-snippet';
import { springSnippet } from './snippets/spring-snippet';
import type { FixInput, Snippet } from './types';

// Verified live first; then the ones no test here can run (same order as FRAMEWORKS).
const SNIPPETS = [
  expressSnippet,
  flaskSnippet,
  fastapiSnippet,
  djangoSnippet,
  goSnippet,
  nginxSnippet,
  caddySnippet,
  apacheSnippet,
  aspnetcoreSnippet,
  springSnippet,
];

/** One ready-to-paste server fix per framework; throws InvalidFixInputError on input that could break them. */
export function fixSnippets(input: FixInput): Snippet[] {
  return SNIPPETS.map((snippet) => snippet(input));
}
