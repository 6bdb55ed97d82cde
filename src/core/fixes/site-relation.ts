/**
 * Whether a request from `pageOrigin` to `targetUrl` is same-site (HTML §7.1.1.3, schemeful). Deciding it in
 * general needs the public suffix list, which CORS Lens does not ship, so "maybe" is returned where only that list
 * could tell (e.g. a.github.io and b.github.io are different sites, a.example.com and b.example.com are not).
 */
export function siteRelation(pageOrigin: string, targetUrl: string): 'same-site' | 'cross-site' | 'maybe' {
  if (pageOrigin === 'null' || !URL.canParse(pageOrigin) || !URL.canParse(targetUrl)) return 'cross-site';
  const page = new URL(pageOrigin);
  const target = new URL(targetUrl);
  if (page.protocol !== target.protocol) return 'cross-site';
  if (page.hostname === target.hostname) return 'same-site';
  // An IP address or a single-label host (localhost) is a site of its own.
  if (isSiteOfItsOwn(page.hostname) || isSiteOfItsOwn(target.hostname)) return 'cross-site';
  // A registrable domain has at least two labels: different last two labels mean different sites.
  return lastTwoLabels(page.hostname) === lastTwoLabels(target.hostname) ? 'maybe' : 'cross-site';
}

function isSiteOfItsOwn(host: string): boolean {
  return host.startsWith('[') || /^[0-9.]+$/.test(host) || !host.includes('.');
}

function lastTwoLabels(host: string): string {
  return host.split('.').slice(-2).join('.');
}
