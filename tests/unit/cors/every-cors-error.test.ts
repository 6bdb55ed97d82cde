import { describe, expect, it } from 'vitest';
import { explainCorsError } from '../../../src/core/cors/explain-cors-error';
import { ALL_CORS_ERRORS, mdnPageFor } from '../../../src/core/cors/mdn-page-for';
import { mdnUrlFor } from '../../../src/core/cors/mdn-url-for';
import type { CorsError } from '../../../src/core/cors/types';

// Chromium 156's Network.CorsError enum (its /json/protocol), every name a verdict may carry.
const EXPECTED: CorsError[] = [
  'DisallowedByMode',
  'InvalidResponse',
  'WildcardOriginNotAllowed',
  'MissingAllowOriginHeader',
  'MultipleAllowOriginValues',
  'InvalidAllowOriginValue',
  'AllowOriginMismatch',
  'InvalidAllowCredentials',
  'CorsDisabledScheme',
  'PreflightInvalidStatus',
  'PreflightDisallowedRedirect',
  'PreflightWildcardOriginNotAllowed',
  'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues',
  'PreflightInvalidAllowOriginValue',
  'PreflightAllowOriginMismatch',
  'PreflightInvalidAllowCredentials',
  'PreflightMissingAllowExternal',
  'PreflightInvalidAllowExternal',
  'InvalidAllowMethodsPreflightResponse',
  'InvalidAllowHeadersPreflightResponse',
  'MethodDisallowedByPreflightResponse',
  'HeaderDisallowedByPreflightResponse',
  'RedirectContainsCredentials',
  'InsecureLocalNetwork',
  'InvalidLocalNetworkAccess',
  'NoCorsRedirectModeNotFollow',
  'LocalNetworkAccessPermissionDenied',
];

describe('every CorsError has an explanation, a Firefox reason and an MDN page', () => {
  it('covers exactly the taxonomy', () => {
    expect([...ALL_CORS_ERRORS].sort()).toEqual([...EXPECTED].sort());
  });
  const seen = new Set<string>();
  it.each(ALL_CORS_ERRORS)('%s', (error) => {
    const text = explainCorsError({
      error,
      failedParameter: 'VALUE',
      stage: error.startsWith('Preflight') ? { kind: 'preflight' } : { kind: 'actual' },
      checkedOrigin: 'http://localhost:5173',
      pageOrigin: 'http://localhost:5173',
      tainted: false,
      credentials: 'include',
      method: 'PUT',
      unsafeHeaderNames: ['x-a'],
      responseHeaders: [],
      status: 405,
      url: 'http://127.0.0.1:8081/api',
    });
    expect(text.length).toBeGreaterThan(30);
    expect(seen.has(text)).toBe(false); // each error reads differently
    seen.add(text);
    const reason = mdnPageFor(error);
    expect(reason).toMatch(/^CORS[A-Z]/);
    expect(mdnUrlFor(reason)).toBe(
      `https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/${reason}`,
    );
  });
});
