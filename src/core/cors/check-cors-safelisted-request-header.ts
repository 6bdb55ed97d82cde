import { isCorsSafelistedContentType } from './is-cors-safelisted-content-type';
import { hasCorsUnsafeRequestHeaderByte } from './is-cors-unsafe-request-header-byte';
import { isSimpleRangeHeaderValue } from './is-simple-range-header-value';
import { toLowerAscii } from './to-lower-ascii';
import type { SafelistCheck } from './types';

/** Fetch §2.2.2: a safelisted value is at most 128 bytes. */
export const SAFELISTED_VALUE_MAX = 128;

// Chromium 156's safelist (cors.cc IsCorsSafelistedHeader): the spec's five names plus `Intervention` and the
// client hints. The `sec-ch-*` hints are forbidden to script (the `sec-` prefix), so only the unprefixed ones
// can reach us as author headers; they are listed anyway so the table matches the source.
const VALUE_RULE = new Map<string, Rule>([
  ['accept', 'no-unsafe-byte'],
  ['accept-language', 'language'],
  ['content-language', 'language'],
  ['content-type', 'content-type'],
  ['range', 'range'],
  ['intervention', 'any'],
  ['device-memory', 'double'],
  ['dpr', 'double'],
  ['downlink', 'double'],
  ['width', 'int'],
  ['viewport-width', 'int'],
  ['rtt', 'int'],
  ['ect', 'ect'],
  ['save-data', 'save-data'],
  ['sec-ch-ua', 'any'],
  ['sec-ch-ua-arch', 'any'],
  ['sec-ch-ua-platform', 'any'],
  ['sec-ch-ua-model', 'any'],
  ['sec-ch-ua-mobile', 'any'],
  ['sec-ch-ua-full-version', 'any'],
  ['sec-ch-ua-platform-version', 'any'],
  ['sec-ch-prefers-color-scheme', 'any'],
  ['sec-ch-ua-bitness', 'any'],
  ['sec-ch-viewport-height', 'any'],
  ['sec-ch-device-memory', 'any'],
  ['sec-ch-dpr', 'any'],
  ['sec-ch-width', 'any'],
  ['sec-ch-viewport-width', 'any'],
  ['sec-ch-ua-full-version-list', 'any'],
  ['sec-ch-ua-wow64', 'any'],
  ['sec-ch-prefers-reduced-motion', 'any'],
  ['sec-ch-ua-form-factors', 'any'],
  ['sec-ch-prefers-reduced-transparency', 'any'],
]);

type Rule =
  | 'any'
  | 'no-unsafe-byte'
  | 'language'
  | 'content-type'
  | 'range'
  | 'double'
  | 'int'
  | 'ect'
  | 'save-data';

// network::kWebEffectiveConnectionTypeMapping, compared case-sensitively.
const ECT_VALUES = new Set(['slow-2g', '2g', '3g', '4g']);

/** Whether the header's name is on the safelist, so that its value decides whether it is safelisted. */
export function hasCorsSafelistedName(name: string): boolean {
  return VALUE_RULE.has(toLowerAscii(name));
}

/**
 * Fetch §2.2.2 CORS-safelisted request-header, Chromium flavour, answering why not.
 * Chromium checks the 128-byte limit before the name; we report an unknown name first because that is the
 * more useful reason, and the yes/no answer is the same either way.
 */
export function checkCorsSafelistedRequestHeader(name: string, value: string): SafelistCheck {
  const rule = VALUE_RULE.get(toLowerAscii(name));
  if (rule === undefined) return { safelisted: false, reason: 'not-safelisted-name' };
  if (value.length > SAFELISTED_VALUE_MAX) return { safelisted: false, reason: 'value-too-long' };
  switch (rule) {
    case 'any':
      return SAFE;
    case 'no-unsafe-byte':
      return hasCorsUnsafeRequestHeaderByte(value) ? UNSAFE_BYTE : SAFE;
    case 'language':
      return isLanguageValue(value) ? SAFE : { safelisted: false, reason: 'language-byte' };
    case 'content-type':
      if (hasCorsUnsafeRequestHeaderByte(value)) return UNSAFE_BYTE;
      return isCorsSafelistedContentType(value)
        ? SAFE
        : { safelisted: false, reason: 'content-type-essence' };
    case 'range':
      return isSimpleRangeHeaderValue(value) ? SAFE : { safelisted: false, reason: 'range-not-simple' };
    case 'double':
      return isDoubleLike(value) ? SAFE : CLIENT_HINT;
    case 'int':
      return isDigits(value) ? SAFE : CLIENT_HINT;
    case 'ect':
      return ECT_VALUES.has(value) ? SAFE : CLIENT_HINT;
    case 'save-data':
      return toLowerAscii(value) === 'on' ? SAFE : CLIENT_HINT;
  }
}

const SAFE: SafelistCheck = { safelisted: true };
const UNSAFE_BYTE: SafelistCheck = { safelisted: false, reason: 'unsafe-byte' };
const CLIENT_HINT: SafelistCheck = { safelisted: false, reason: 'client-hint-value' };

// Fetch §2.2.2: Accept-Language / Content-Language values use only 0-9 A-Z a-z SP * , - . ; =
function isLanguageValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const ok =
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      c === 0x20 ||
      c === 0x2a ||
      c === 0x2c ||
      c === 0x2d ||
      c === 0x2e ||
      c === 0x3b ||
      c === 0x3d;
    if (!ok) return false;
  }
  return true;
}

// cors.cc IsSimilarToDoubleABNF: 1*DIGIT [ "." 1*DIGIT ]
function isDoubleLike(value: string): boolean {
  const dot = value.indexOf('.');
  if (dot === -1) return isDigits(value);
  return isDigits(value.slice(0, dot)) && isDigits(value.slice(dot + 1));
}

// cors.cc IsSimilarToIntABNF: 1*DIGIT
function isDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
