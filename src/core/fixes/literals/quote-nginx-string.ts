import { hasControlCharacter } from './has-control-character';

/** Variable that holds a literal "$": nginx has no escape for "$" inside strings (see nginxDollarVariable). */
export const NGINX_DOLLAR_VARIABLE = 'cors_lens_dollar';

/** The http-level declaration nginx needs when a quoted value used NGINX_DOLLAR_VARIABLE. */
export const nginxDollarDeclaration = `geo $${NGINX_DOLLAR_VARIABLE} { default "$"; }`;

/**
 * A double-quoted nginx string. "$" would start a variable, so it becomes ${cors_lens_dollar}
 * (HTTP tokens may contain "$"); control characters are rejected because nginx cannot express them.
 */
export function quoteNginxString(value: string): string {
  if (hasControlCharacter(value)) {
    throw new RangeError(`Cannot write ${JSON.stringify(value)} in an nginx string`);
  }
  const escaped = value.replace(/["\\]/g, '\\$&').replaceAll('$', `\${${NGINX_DOLLAR_VARIABLE}}`);
  return `"${escaped}"`;
}
