import type { AccessCheckError, CorsError } from './types';

// services/network/cors/preflight_controller.cc CheckPreflightAccess: a CORS-check failure on the preflight
// response is reported under its Preflight* name.
const PREFLIGHT_NAME: Record<AccessCheckError, CorsError> = {
  WildcardOriginNotAllowed: 'PreflightWildcardOriginNotAllowed',
  MissingAllowOriginHeader: 'PreflightMissingAllowOriginHeader',
  MultipleAllowOriginValues: 'PreflightMultipleAllowOriginValues',
  InvalidAllowOriginValue: 'PreflightInvalidAllowOriginValue',
  AllowOriginMismatch: 'PreflightAllowOriginMismatch',
  InvalidAllowCredentials: 'PreflightInvalidAllowCredentials',
};

export function toPreflightError(error: AccessCheckError): CorsError {
  return PREFLIGHT_NAME[error];
}
