// The exchange module's public surface, for the background.
export { authorHeaders } from './author-headers';
export type { Assembler, AssemblerOptions } from './create-assembler';
export { createAssembler, TIMEOUT_ERROR } from './create-assembler';
export { ABANDONED_AFTER_MS, endAbandoned } from './end-abandoned';
export type { BeforeRequestEvent, HeaderList, NetEvent } from './events';
export { isCrossOrigin } from './is-cross-origin';
export { isExtensionOrigin } from './is-extension-origin';
export { isDetailsAnswer, isLogUpdate } from './is-log-update';
export { type JoinedReports, joinPageReports } from './join-page-reports';
export { logMetaKey, logRecordKey, mirrorKeysOf, mirrorWrite, restoreLogs } from './log-mirror';
export { mergeResumed } from './merge-resumed';
export { overrideFor, overrideLabel } from './override-for';
export {
  isCallFor,
  isPauseHook,
  isReadOf,
  PAGE_HOOK_MODE_EVENT,
  PAGE_REQUEST_EVENT,
  PAGE_REQUESTS_PORT,
  PAUSE_HOOK,
  type PageRead,
  type PageReports,
  type PageRequest,
  type PauseHook,
  parsePageReports,
  parsePageRequests,
  withHeaderRead,
  withPageCall,
} from './page-request';
export {
  type PanelRequest,
  parsePanelRequest,
  parseStreamOffer,
  type StreamOffer,
} from './parse-panel-request';
export { answeredPreflightStatus, preflightAnsweredLabel } from './preflight-answered';
export { REDACTED, redactHeaders, redactHeaderValue } from './redact-headers';
export { redactRecord } from './redact-record';
export { redactUrl } from './redact-url';
export { MAX_DETAIL_IDS, summaryOf, withDetail } from './row-summary';
export { type RowVerdict, rowVerdictOf } from './row-verdict';
export { shouldObserve } from './should-observe';
export type { PlacedRecord, TabLogDelta, TabLogMeta } from './tab-log';
export { DEFAULT_MAX_BYTES, TAB_LOG_CAPACITY, TabLog } from './tab-log';
export type { Exchange } from './to-engine-exchange';
export { toEngineExchange, UNKNOWN_HEADER_VALUE } from './to-engine-exchange';
export {
  HEADERS_UNSEEN_VERDICT,
  isBlocked,
  type LoggedExchange,
  PENDING_VERDICT,
  toLogged,
} from './to-logged';
export type { ExchangeRecord, PageCall, PreflightCacheSource, RedactedValue } from './types';
export { withOverride } from './with-override';
export { wasRescued, withRescue } from './with-rescue';
