import { aspnetcoreSnippet } from './snippets/aspnetcore-snippet';
import { djangoSnippet } from './snippets/django-snippet';
import { expressSnippet } from './snippets/express-snippet';
import { fastapiSnippet } from './snippets/fastapi-snippet';
import { flaskSnippet } from './snippets/flask-snippet';
import { goSnippet } from './snippets/go-snippet';
import { nginxSnippet } from './snippets/nginx-snippet';
import { springSnippet } from './snippets/spring-snippet';
import type { FixInput, Snippet } from './types';

const SNIPPETS = [
  expressSnippet,
  flaskSnippet,
  aspnetcoreSnippet,
  nginxSnippet,
  fastapiSnippet,
  djangoSnippet,
  springSnippet,
  goSnippet,
];

/** One ready-to-paste server fix per framework; throws InvalidFixInputError on input that could break them. */
export function fixSnippets(input: FixInput): Snippet[] {
  return SNIPPETS.map((snippet) => snippet(input));
}
