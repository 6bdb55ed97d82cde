import { resolveCorsNeeds } from './resolve-cors-needs';
import type { FixInput } from './types';

/** Options for the `cors` npm package (expressjs/cors), spelled as it reads them. */
export type ExpressCorsOptions = {
  origin: string;
  methods: string[];
  allowedHeaders?: string[];
  exposedHeaders?: string[];
  credentials?: true;
  maxAge: number;
};

/**
 * The cors() options object the Express snippet prints. Lists stay absent when empty because cors() then keeps
 * its own behaviour (it reflects Access-Control-Request-Headers; it sends no Expose-Headers).
 */
export function expressCorsOptions(input: FixInput): ExpressCorsOptions {
  const needs = resolveCorsNeeds(input);
  return {
    // A string origin is sent as-is, never "*" (cors sets Vary: Origin itself).
    origin: needs.origin,
    // Listed even when safelisted: cors' default list would allow more than this request needs.
    methods: needs.methods,
    ...(needs.allowHeaders.length > 0 ? { allowedHeaders: needs.allowHeaders } : {}),
    ...(needs.exposeHeaders.length > 0 ? { exposedHeaders: needs.exposeHeaders } : {}),
    ...(needs.credentials ? { credentials: true as const } : {}),
    maxAge: needs.maxAge,
  };
}
