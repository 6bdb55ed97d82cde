import { isHttpToken } from '../cors/is-http-token';
import { isSerializedOrigin } from './is-serialized-origin';
import type { FixCredentials, FixInput } from './types';

const CREDENTIALS: readonly FixCredentials[] = ['include', 'omit', 'unknown'];

/** Thrown instead of producing a snippet from a value that could break out of its string literal. */
export class InvalidFixInputError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid fix input: ${problems.join('; ')}`);
    this.name = 'InvalidFixInputError';
  }
}

/** Every reason the input cannot be turned into headers or code; empty when it can. */
export function validateFixInput(input: FixInput): string[] {
  const problems: string[] = [];
  if (!isSerializedOrigin(input.pageOrigin)) {
    problems.push(`pageOrigin ${JSON.stringify(input.pageOrigin)} is not a serialized origin`);
  }
  if (!URL.canParse(input.targetUrl))
    problems.push(`targetUrl ${JSON.stringify(input.targetUrl)} is not a URL`);
  if (input.methods.length === 0) problems.push('methods is empty');
  if (!CREDENTIALS.includes(input.credentials)) {
    problems.push(`credentials ${JSON.stringify(input.credentials)} is not one of ${CREDENTIALS.join(', ')}`);
  }
  const tokenLists: [string, string[]][] = [
    ['methods', input.methods],
    ['requestHeaders', input.requestHeaders],
    ['exposeHeaders', input.exposeHeaders],
  ];
  for (const [field, values] of tokenLists) {
    for (const value of values) {
      if (!isHttpToken(value)) problems.push(`${field} entry ${JSON.stringify(value)} is not an HTTP token`);
    }
  }
  const status = input.failedStatus;
  if (status !== undefined && !(Number.isInteger(status) && status >= 400 && status <= 599)) {
    problems.push(`failedStatus ${status} is not an error status (400–599)`);
  }
  if (input.maxAge !== undefined && !(Number.isSafeInteger(input.maxAge) && input.maxAge >= 0)) {
    problems.push(`maxAge ${input.maxAge} is not a non-negative integer`);
  }
  return problems;
}

export function assertValidFixInput(input: FixInput): void {
  const problems = validateFixInput(input);
  if (problems.length > 0) throw new InvalidFixInputError(problems);
}
