/** DNR domain matching (initiatorDomains): `host` is `domain` or below it. Here only the strict "below" part. */
export function isSubdomainOf(host: string, domain: string): boolean {
  return host.length > domain.length && host.endsWith(`.${domain}`);
}
