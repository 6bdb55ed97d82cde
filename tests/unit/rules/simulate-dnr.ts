// A small model of how Chromium and Firefox apply declarativeNetRequest modifyHeaders rules to one response,
// written from the DNR documentation, to test compiled rules against. It supports only what urlFilterFor emits
// (a `|`-anchored literal) and throws on anything else, so a compiler change cannot slip past it.
import type { DnrRule } from '../../../src/core/rules/dnr-rule';

export interface SimRequest {
  url: string;
  /** Host of the request's initiator (the frame or worker that called fetch). */
  initiatorHost: string;
  /** -1: not from a tab (e.g. a service worker). */
  tabId: number;
  type: 'xmlhttprequest' | 'main_frame' | 'sub_frame';
  /** Lower-case, as DNR's requestMethods lists it; GET when not given. */
  method?: string;
}

/** DNR domain matching: the domain itself or any subdomain of it. */
function domainMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export function ruleMatches(rule: DnrRule, request: SimRequest): boolean {
  const c = rule.condition;
  if (c.regexFilter !== undefined || c.requestDomains !== undefined) {
    throw new Error('simulator: condition not modelled');
  }
  if (c.urlFilter !== undefined) {
    const literal = c.urlFilter.slice(1);
    if (!c.urlFilter.startsWith('|') || c.urlFilter.startsWith('||') || /[*^|]/.test(literal)) {
      throw new Error(`simulator: urlFilter ${c.urlFilter} is not an anchored literal`);
    }
    // isUrlFilterCaseSensitive defaults to false.
    if (!request.url.toLowerCase().startsWith(literal.toLowerCase())) return false;
  }
  if (
    c.initiatorDomains !== undefined &&
    !c.initiatorDomains.some((d) => domainMatches(request.initiatorHost, d))
  ) {
    return false;
  }
  if (c.excludedInitiatorDomains?.some((d) => domainMatches(request.initiatorHost, d))) return false;
  if (c.tabIds !== undefined && !c.tabIds.includes(request.tabId)) return false;
  if (c.requestMethods !== undefined && !c.requestMethods.includes(request.method ?? 'get')) return false;
  if (c.resourceTypes !== undefined && !c.resourceTypes.includes(request.type)) return false;
  if (c.excludedResourceTypes?.includes(request.type)) return false;
  return true;
}

/** Matching rules, highest priority first (the compiler promises distinct priorities; checked here). */
export function matchingRules(rules: DnrRule[], request: SimRequest): DnrRule[] {
  const priorities = new Set(rules.map((r) => r.priority));
  if (priorities.size !== rules.length) throw new Error('simulator: priorities are not distinct');
  return rules.filter((r) => ruleMatches(r, request)).sort((a, b) => b.priority - a.priority);
}

/**
 * The response headers after DNR: for each header, the highest-priority rule that sets or removes it decides;
 * lower rules cannot touch it again. Names are lower-case; a header may have several values (a list).
 */
export function applyModifyHeaders(server: [string, string][], matching: DnrRule[]): [string, string][] {
  let headers = server.map(([n, v]): [string, string] => [n.toLowerCase(), v]);
  const decided = new Set<string>();
  for (const rule of matching) {
    for (const info of rule.action.responseHeaders) {
      if (decided.has(info.header)) continue;
      decided.add(info.header);
      headers = headers.filter(([n]) => n !== info.header);
      if (info.operation === 'set') headers.push([info.header, info.value ?? '']);
    }
  }
  return headers;
}
