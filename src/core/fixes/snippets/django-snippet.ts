import { escapeRegExp } from '../literals/escape-reg-exp';
import { printPythonValue } from '../literals/print-python-value';
import { quoteCStrings } from '../literals/quote-c-strings';
import { quotePythonRegex } from '../literals/quote-python-regex';
import { resolveCorsNeeds } from '../resolve-cors-needs';
import type { FixInput, Snippet } from '../types';

// corsheaders.defaults.default_headers of django-cors-headers 4.x (3.x lists these and a few more).
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
    versions: 'django-cors-headers 3.5 or later (CORS_ALLOWED_ORIGINS), Django 3.2 or later',
    verification: { live: true, verifiedWith: 'Django 3.2 with django-cors-headers 3.14 (Debian 12)' },
    code: [
      '# At the end of settings.py.',
      'from corsheaders.defaults import default_headers',
      '',
      'if "corsheaders" not in INSTALLED_APPS:',
      '    INSTALLED_APPS = [*INSTALLED_APPS, "corsheaders"]',
      '# First, so it answers the OPTIONS preflight before CommonMiddleware or any login check can.',
      'if "corsheaders.middleware.CorsMiddleware" not in MIDDLEWARE:',
      '    MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", *MIDDLEWARE]',
      '',
      `CORS_ALLOWED_ORIGINS = ${printPythonValue([needs.origin])}`,
      '# Add any methods your other endpoints need: this replaces the default list.',
      `CORS_ALLOW_METHODS = ${printPythonValue(needs.methods)}`,
      ...(covered.length > 0 ? [`# default_headers already covers ${covered.join(', ')}.`] : []),
      `CORS_ALLOW_HEADERS = [*default_headers${extra.length > 0 ? `, ${quoteCStrings(extra)}` : ''}]`,
      `CORS_ALLOW_CREDENTIALS = ${printPythonValue(needs.credentials)}`,
      `CORS_EXPOSE_HEADERS = ${printPythonValue(needs.exposeHeaders)}`,
      `CORS_PREFLIGHT_MAX_AGE = ${needs.maxAge}`,
      `# Only ${prefix}; responses there get the headers whatever their status.`,
      `CORS_URLS_REGEX = ${quotePythonRegex(urlsRegex)}`,
    ].join('\n'),
  };
}
