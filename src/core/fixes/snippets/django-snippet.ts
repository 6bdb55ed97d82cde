import { escapeRegExp } from '../literals/escape-reg-exp';
import { printPythonValue } from '../literals/print-python-value';
import { quoteCStrings } from '../literals/quote-c-strings';
import { quotePythonRegex } from '../literals/quote-python-regex';
import { resolveCorsNeeds } from '../resolve-cors-needs';
import type { FixInput, Snippet } from '../types';

// corsheaders.defaults.default_headers (django-cors-headers 4.x): no need to add these again.
const DEFAULT_HEADERS = [
  'accept',
  'authorization',
  'content-type',
  'user-agent',
  'x-csrftoken',
  'x-requested-with',
];

export function djangoSnippet(input: FixInput): Snippet {
  const needs = resolveCorsNeeds(input);
  const covered = needs.allowHeaders.filter((name) => DEFAULT_HEADERS.includes(name));
  const extra = needs.allowHeaders.filter((name) => !DEFAULT_HEADERS.includes(name));
  const { prefix } = needs.scope;
  const urlsRegex = `^${escapeRegExp(prefix)}${prefix.endsWith('/') ? '.*' : ''}$`;
  return {
    framework: 'django',
    title: 'Django (django-cors-headers)',
    language: 'python',
    install: 'pip install django-cors-headers',
    code: [
      '# settings.py: add "corsheaders" to INSTALLED_APPS and put',
      '# "corsheaders.middleware.CorsMiddleware" in MIDDLEWARE above CommonMiddleware.',
      'from corsheaders.defaults import default_headers',
      '',
      `CORS_ALLOWED_ORIGINS = ${printPythonValue([needs.origin])}`,
      '# Add any methods your other endpoints need: this replaces the default list.',
      `CORS_ALLOW_METHODS = ${printPythonValue(needs.methods)}`,
      ...(covered.length > 0 ? [`# default_headers already covers ${covered.join(', ')}.`] : []),
      `CORS_ALLOW_HEADERS = (*default_headers${extra.length > 0 ? `, ${quoteCStrings(extra)}` : ''})`,
      `CORS_ALLOW_CREDENTIALS = ${printPythonValue(needs.credentials)}`,
      `CORS_EXPOSE_HEADERS = ${printPythonValue(needs.exposeHeaders)}`,
      `CORS_PREFLIGHT_MAX_AGE = ${needs.maxAge}`,
      `CORS_URLS_REGEX = ${quotePythonRegex(urlsRegex)}`,
    ].join('\n'),
  };
}
