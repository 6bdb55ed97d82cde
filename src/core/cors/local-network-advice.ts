import { addressSpaceOfHost } from './address-space-of-host';
import { isPotentiallyTrustworthyOrigin } from './is-potentially-trustworthy-origin';

export interface LocalNetworkAdvice {
  /** The site permission the browser asks for: `loopback-network` or `local-network` (Chromium and Firefox). */
  permission: string;
  title: string;
  details: string[];
  waysOut: string[];
}

/**
 * Local Network Access in plain words: a page on a less private network than the address it calls needs the user's
 * permission (Chrome 142+, Firefox behind network.lna.*). Measured in Chromium 156: a loopback target needs
 * `loopback-network` and a private one `local-network` (granting the other one does not help); a page that is not
 * a secure context is refused without a prompt (InsecureLocalNetwork). Firefox ESR 153 uses the same permission
 * names and still prompts an insecure page.
 */
export function localNetworkAdvice(input: {
  pageOrigin: string;
  url: string;
  networkError?: string;
}): LocalNetworkAdvice {
  const host = hostOf(input.url);
  const space = addressSpaceOfHost(host);
  const permission =
    space === 'loopback'
      ? '`loopback-network`'
      : space === 'local'
        ? '`local-network`'
        : `\`local-network\` (\`loopback-network\` if ${host} resolves to a loopback address)`;
  const where = space === 'loopback' ? 'this device (loopback)' : 'the local network';
  const secure = isPotentiallyTrustworthyOrigin(input.pageOrigin);
  const details = [
    `\`${input.pageOrigin}\` is on a less private network than \`${originOf(input.url)}\`, so the browser asks the user before the page may reach it (Local Network Access; Chrome 142 and later, Firefox behind its network.lna prefs). The site permission is ${permission}.`,
    secure
      ? 'Only a secure page (https, or http://localhost) can ask for it; this page can, so the prompt was declined, dismissed or not answered.'
      : 'Only a secure page (https, or http://localhost) can ask for it, and this page is not one: Chromium refuses without asking (InsecureLocalNetwork); Firefox 153 still asks.',
    'Access-Control-Allow-Private-Network no longer helps: the browser refuses before any preflight reaches the server, so no response header can allow it.',
  ];
  const words = browserWords(input.networkError);
  if (words !== undefined) details.push(words);
  const target = space === 'loopback' ? 'loopback' : 'local';
  return {
    permission,
    title: `Local-network permission: this page may not reach ${where} without the user’s permission`,
    details,
    waysOut: [
      `Serve the page over HTTPS (or from localhost) and accept the browser’s prompt, or allow ${permission} in the site’s settings.`,
      `Call it with \`fetch(url, { targetAddressSpace: '${target}' })\` (Chromium): an https page may then reach a plain-http local address; the permission is still asked for.`,
      'Make the call same-origin through your dev server’s proxy: the page calls its own origin and the dev server forwards to the local API (see Fix).',
    ],
  };
}

function browserWords(error: string | undefined): string | undefined {
  if (error === undefined) return undefined;
  if (error.startsWith('NS_'))
    return `Firefox refused it with ${error}; its console says “Cross-Origin Request Blocked: … (Reason: CORS request did not succeed). Status code: (null).”`;
  if (error === 'net::ERR_FAILED')
    return 'Chromium reported only net::ERR_FAILED for the preflight and the request: it names Local Network Access in DevTools (LocalNetworkAccessPermissionDenied), not to extensions.';
  return `Chromium reported ${error}.`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
