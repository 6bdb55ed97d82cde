// Override rules → declarativeNetRequest rules, correct by construction.
//
// The stored model is the truth and the background re-derives the DNR rules from it at start-up and on every
// change: pinned and timed rules live in storage.local, 'session' rules in storage.session (which the browser
// clears on restart, so they end with it). splitByScope then installs pinned rules as DYNAMIC rules (in force from
// the first request after a restart) and all others as SESSION rules, the only kind that accepts `tabIds`, which
// the port problem below needs. Ids are unique across both sets.
//
// One override rule gives one DNR rule (two when it answers preflights, below): modifyHeaders `set` of the CORS
// response headers (cors-response-headers.ts) on requests whose URL starts with the target (url-filter-for.ts) and
// whose initiator is the page's host. No requestMethods condition, so the preflight (OPTIONS) and the actual
// response are both covered; main_frame and sub_frame are excluded: an override serves subresource reads only.
//
// THE PORT PROBLEM. DNR values are fixed strings (no echo of the request's Origin), and initiatorDomains match a
// host and its subdomains, never scheme or port (declarativeNetRequest RuleCondition.initiatorDomains lists
// domains). So `http://localhost:3000` and `http://localhost:5173` look the same to a rule, and each must still
// receive its own origin in ACAO.
// - Rules whose page hosts differ but one is a subdomain of the other are kept apart by the parent's rule
//   listing the child host in excludedInitiatorDomains.
// - A rule is AMBIGUOUS when another active rule has the same page host, a different page origin and an
//   overlapping target. An ambiguous rule is narrowed with `tabIds: context.tabsByOrigin[pageOrigin]`; a tab has
//   one top-level origin, so the narrowed rules never meet. With no tab at that origin it is omitted (and
//   reported in `problems`): there is nothing to apply it to yet. The background recompiles when tabs change.
// - Unambiguous rules carry no tabIds, so requests from the page's workers (tabId -1) are covered too.
// Limits: an ambiguous rule does not cover its page's service worker (tabId -1; dedicated workers carry their
// tab's id and are covered, tested in both browsers), and a cross-origin iframe inside such a tab whose host is
// the page's host is matched too (by host). The narrowing follows tabs reactively (tabs.onUpdated → recompile):
// for a few tens of ms after a tab opens or navigates between the two dev servers (~20–40 ms measured in
// Chromium 156), its requests are not yet covered. Serving the second dev server on another host name
// (127.0.0.1, app2.localhost) avoids narrowing altogether. Any rule also rewrites responses for other pages on
// its host (other ports, subdomains without a rule of their own) reading the same target, for as long as it is
// active: they receive the rule's origin in ACAO.
//
// Ids are 1..N in the order of the input rules (minus omitted ones); `ruleIds[i]` is the override behind
// `rules[i]`. Priorities are 1..N too, all distinct so that nothing depends on a browser's tie-breaking: a longer
// path prefix ranks higher, then the later rule (the most recently saved: the store appends). Where one page's
// targets overlap, the higher rule's headers win (DNR applies the highest `set` of a header and ignores the rest);
// that is why every rule sets or removes Access-Control-Allow-Headers itself.
//
// ANSWERING PREFLIGHTS (Chromium, `context.answerPreflights`). A rule with `answerPreflights` gets a second DNR
// rule, after all the others (ids and priorities N+1…): on OPTIONS requests only, under the same condition, it
// removes `Location` from the response. A response without Location is no redirect (net::HttpResponseHeaders::
// IsRedirect), so a preflight the server redirects reaches the DevTools protocol's response stage as a plain 3xx,
// which CORS Lens then answers (src/background/rescue); a redirected preflight fails in the network service before
// that stage can replace its answer (net::ERR_INVALID_REDIRECT, measured in Chromium 156). Limit: a script's own
// OPTIONS request to the target is not redirected either while the rule is in force.
import { corsResponseHeaders } from './cors-response-headers';
import type { DnrRule } from './dnr-rule';
import { isSubdomainOf } from './is-subdomain-of';
import { targetsOverlap } from './targets-overlap';
import type { OverrideRule } from './types';
import { urlFilterFor } from './url-filter-for';

export interface CompileContext {
  /** Open tabs by the serialized origin of their top-level page. */
  tabsByOrigin: Record<string, number[]>;
  /** The browser can answer preflights (Chromium with the debugger permission): compile their Location rules. */
  answerPreflights?: boolean;
}

export interface CompiledRules {
  rules: DnrRule[];
  /** The override rule id behind each DNR rule, index for index. */
  ruleIds: string[];
  /** What could not be applied and why, for the user. */
  problems: string[];
  /** Some rule is narrowed to tabs (or waits for one): the rules must be compiled again when tabs navigate. */
  followsTabs: boolean;
}

interface Usable {
  /** Its place among the usable rules: rivals are named in this order. */
  index: number;
  rule: OverrideRule;
  host: string;
  urlFilter: string;
}

/** Pass only active rules (activeRules). Deterministic: the same rules and tabs give the same output. */
export function compileRules(rules: OverrideRule[], context: CompileContext): CompiledRules {
  const problems: string[] = [];
  const usable: Usable[] = [];
  for (const rule of rules) {
    const host = pageHostOf(rule.pageOrigin);
    const urlFilter = urlFilterFor(rule.target);
    if (host === undefined || urlFilter === undefined) {
      problems.push(
        `${labelOf(rule)} was skipped: its ${host === undefined ? 'page origin' : 'target'} is not valid. Edit the rule.`,
      );
      continue;
    }
    usable.push({ index: usable.length, rule, host, urlFilter });
  }

  const out: CompiledRules = { rules: [], ruleIds: [], problems, followsTabs: false };
  const kept: OverrideRule[] = [];
  // Grouped by host, then page origin: thousands of rules must not compare each with each (DNR allows 5,000).
  const byHost = new Map<string, Map<string, Usable[]>>();
  for (const item of usable) {
    const origins = byHost.get(item.host) ?? new Map<string, Usable[]>();
    const same = origins.get(item.rule.pageOrigin) ?? [];
    same.push(item);
    origins.set(item.rule.pageOrigin, same);
    byHost.set(item.host, origins);
  }
  const childHosts = subdomainsByHost([...byHost.keys()]);
  for (const item of usable) {
    const { rule, host, urlFilter } = item;
    const rivals: Usable[] = [];
    for (const [pageOrigin, others] of byHost.get(host) ?? []) {
      if (pageOrigin === rule.pageOrigin) continue;
      for (const other of others) if (targetsOverlap(other.rule.target, rule.target)) rivals.push(other);
    }
    rivals.sort((a, b) => a.index - b.index);
    const condition: DnrRule['condition'] = {
      urlFilter,
      initiatorDomains: [host],
      excludedResourceTypes: ['main_frame', 'sub_frame'],
    };
    const children = childHosts.get(host) ?? [];
    if (children.length > 0) condition.excludedInitiatorDomains = [...children].sort();
    if (rivals.length > 0) {
      out.followsTabs = true;
      const tabIds = [...new Set(context.tabsByOrigin[rule.pageOrigin] ?? [])]
        .filter((id) => Number.isInteger(id) && id >= 0)
        .sort((a, b) => a - b);
      if (tabIds.length === 0) {
        const names = [...new Set(rivals.map((r) => r.rule.pageOrigin))].join(', ');
        problems.push(
          `${labelOf(rule)} is not applied yet: ${names} also reads this target from ${host}, and the browser tells pages on one host apart only by tab. Open ${rule.pageOrigin} in a tab and it applies there.`,
        );
        continue;
      }
      condition.tabIds = tabIds;
    }
    out.rules.push({
      id: out.rules.length + 1,
      priority: 0, // ranked below, once the omitted rules are known
      action: { type: 'modifyHeaders', responseHeaders: corsResponseHeaders(rule) },
      condition,
    });
    kept.push(rule);
  }
  const ranked = kept.map((rule, index) => ({ length: rule.target.pathPrefix.length, index }));
  ranked.sort((a, b) => a.length - b.length || a.index - b.index);
  ranked.forEach(({ index }, rank) => {
    const compiled = out.rules[index];
    if (compiled !== undefined) compiled.priority = rank + 1;
  });
  out.ruleIds = kept.map((rule) => rule.id);
  if (context.answerPreflights) {
    kept.forEach((rule, index) => {
      const main = out.rules[index];
      if (!rule.answerPreflights || main === undefined) return;
      const id = out.rules.length + 1;
      out.rules.push({
        id,
        priority: id,
        action: { type: 'modifyHeaders', responseHeaders: [{ header: 'location', operation: 'remove' }] },
        condition: { ...structuredClone(main.condition), requestMethods: ['options'] },
      });
      out.ruleIds.push(rule.id);
    });
  }
  return out;
}

/** For each host, the other hosts strictly below it (isSubdomainOf), found by walking each host's parents. */
function subdomainsByHost(hosts: string[]): Map<string, string[]> {
  const known = new Set(hosts);
  const out = new Map<string, string[]>();
  for (const host of hosts) {
    for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
      const parent = host.slice(dot + 1);
      if (!known.has(parent) || !isSubdomainOf(host, parent)) continue;
      const below = out.get(parent) ?? [];
      below.push(host);
      out.set(parent, below);
    }
  }
  return out;
}

/** The host of a serialized http(s) origin, or undefined if it is not one (a second lock after validation). */
function pageHostOf(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin) return undefined;
    return url.hostname;
  } catch {
    return undefined;
  }
}

function labelOf(rule: OverrideRule): string {
  const prefix = rule.target.pathPrefix === '/' ? '' : rule.target.pathPrefix;
  return `The override ${rule.pageOrigin} → ${rule.target.origin}${prefix}`;
}
