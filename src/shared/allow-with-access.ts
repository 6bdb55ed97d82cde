import type { OverrideRule } from '../core/rules';
import type { Request } from './messages';
import { type AccessOptions, requestAccessThen } from './request-access';

export type AllowRequest = Omit<Request<'rules/allow'>, 'type'>;
export type AllowOutcome = { rule: OverrideRule } | { problem: string };

/**
 * One-click allow with the host access it needs (the page and the target), asked in the same click. Call it
 * synchronously from the click handler. The rule is made by the background once access is granted, even when the
 * browser's prompt closed the page that asked.
 */
export function allowWithAccess(request: AllowRequest, options?: AccessOptions): Promise<AllowOutcome> {
  const target = originOf(request.target);
  return requestAccessThen([request.pageOrigin, target], { type: 'rules/allow', request }, options).then(
    (outcome) => {
      if (outcome.kind === 'denied')
        return {
          problem: `Access to ${request.pageOrigin} and ${target} was not granted: an override must rewrite their responses.`,
        };
      if (outcome.kind === 'timeout')
        return { problem: 'No answer to the access request. Try again, and accept the browser’s prompt.' };
      // The background answers rules/allow with the rule, or with what is wrong field by field.
      const result = (outcome.result ?? {}) as { value?: OverrideRule; errors?: { message: string }[] };
      if (result.errors?.length) return { problem: result.errors.map((e) => e.message).join(' ') };
      return result.value ? { rule: result.value } : { problem: 'The background did not answer.' };
    },
  );
}

/** The origin of a target (an origin or a URL with a path prefix): host access is per host. */
function originOf(target: string): string {
  try {
    return new URL(target).origin;
  } catch {
    return target;
  }
}
