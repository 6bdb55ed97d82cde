import type { FieldError, MessageName, ParsedRequest, Response } from '../shared/messages';

export type { FieldError, Result, RulesView } from '../shared/messages';
/** A handler receives its message parsed (shared/messages.ts requestParsers), never the raw value. */
export type Handlers = {
  [N in MessageName]: (request: ParsedRequest<N>) => Promise<Response<N>> | Response<N>;
};
/** What each message answers when its fields do not parse. */
export type Refusals = {
  [N in MessageName]: (errors: FieldError[]) => Promise<Response<N>> | Response<N>;
};
