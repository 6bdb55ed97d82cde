// Override rules: the model, its validation and storage, expiry, import/export, and compilation to DNR rules.
// Pure TypeScript: no browser APIs (crypto.randomUUID and URL are globals in both browsers and Node).
export { activeRules } from './active-rules';
export { checkQuota, DEFAULT_DNR_LIMITS } from './check-quota';
export { type CheckedDraft, checkRuleDraft } from './check-rule-draft';
export { type CompileContext, type CompiledRules, compileRules } from './compile-rules';
export { corsResponseHeaders } from './cors-response-headers';
export { type DefaultRuleInput, defaultRuleFor } from './default-rule-for';
export { defaults, RULES_VERSION } from './defaults';
export type { DnrCondition, DnrHeaderInfo, DnrResourceType, DnrRule } from './dnr-rule';
export { expiresAtFor, LIFETIME_MS } from './expires-at-for';
export { exportRules, RULES_FORMAT } from './export-rules';
export { extend } from './extend';
export { formatCount } from './format-count';
export { formatImportError } from './format-import-error';
export { ALL_HOSTS, hostPattern } from './host-pattern';
export { httpOriginOf } from './http-origin-of';
export { type ImportError, type ImportResult, importRules } from './import-rules';
export { isLifetime } from './is-lifetime';
export { isRuleActive } from './is-rule-active';
export { LIMITS } from './limits';
export { migrate } from './migrate';
export { type Migration, migrations } from './migrations';
export { type ClockReading, monotonicNow } from './monotonic-now';
export { nextExpiry } from './next-expiry';
export { observedRequestOf } from './observed-request-of';
export { type ObservedRequest, type ObservedTarget, observedTargets } from './observed-targets';
export { type AllowRequest, parseAllowRequest } from './parse-allow-request';
export { parseEmptyRequest } from './parse-empty-request';
export { parseImportRequest } from './parse-import-request';
export { type ParsedRule, parseRuleDraft } from './parse-rule-draft';
export { parseRuleIdRequest } from './parse-rule-id-request';
export { parseSaveRequest } from './parse-save-request';
export { parseSetEnabledRequest } from './parse-set-enabled-request';
export { parseSetRuleEnabledRequest } from './parse-set-rule-enabled-request';
export { parseStoredRule } from './parse-stored-rule';
export { parseTabTargetsRequest } from './parse-tab-targets-request';
export { type PreflightAnswer, preflightAnswerFor } from './preflight-answer-for';
export { preflightFixableByHeaders, preflightStatusMessage } from './preflight-fixable-by-headers';
export { remainingLabel } from './remaining-label';
export { DEFAULT_LIFETIME, DEFAULT_METHODS, DEFAULT_REQUEST_HEADERS, MAX_AGE_LIMIT } from './rule-defaults';
export { ruleFromDraft } from './rule-from-draft';
export { type ScopedRules, splitByScope } from './split-by-scope';
export { targetsOverlap } from './targets-overlap';
export {
  type FieldError,
  LIFETIMES,
  type Lifetime,
  type OverrideRule,
  type Parsed,
  type RuleDraft,
  type RulesState,
  type RuleTarget,
  type Validation,
} from './types';
export { urlFilterFor } from './url-filter-for';
export { validateExposeHeaderName } from './validate-expose-header-name';
export { validateHeaderName } from './validate-header-name';
export { validateMaxAge } from './validate-max-age';
export { validateMethod } from './validate-method';
export { validateOrigin } from './validate-origin';
export { validateTarget } from './validate-target';
