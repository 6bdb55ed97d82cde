import { FRAMEWORKS } from './frameworks';
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
import type { FixInput, Framework, Snippet } from './types';

const SNIPPETS: Record<Framework, (input: FixInput) => Snippet> = {
  express: expressSnippet,
  flask: flaskSnippet,
  fastapi: fastapiSnippet,
  django: djangoSnippet,
  go: goSnippet,
  nginx: nginxSnippet,
  caddy: caddySnippet,
  apache: apacheSnippet,
  aspnetcore: aspnetcoreSnippet,
  spring: springSnippet,
};

/** One ready-to-paste server fix per framework, in FRAMEWORKS order; throws InvalidFixInputError on bad input. */
export function fixSnippets(input: FixInput): Snippet[] {
  return FRAMEWORKS.map((framework) => SNIPPETS[framework](input));
}
