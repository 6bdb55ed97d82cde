import type { MessageName, Request, Response } from '../shared/messages';

export type { FieldError, Result, RulesView } from '../shared/messages';
export type Handlers = { [N in MessageName]: (request: Request<N>) => Promise<Response<N>> | Response<N> };
