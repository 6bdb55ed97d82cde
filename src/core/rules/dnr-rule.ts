// Structural copies of chrome.declarativeNetRequest's Rule shape, limited to what the compiler emits, so the
// core needs no browser types. The background passes these to updateSessionRules unchanged.

export type DnrResourceType =
  | 'main_frame'
  | 'sub_frame'
  | 'stylesheet'
  | 'script'
  | 'image'
  | 'font'
  | 'object'
  | 'xmlhttprequest'
  | 'ping'
  | 'csp_report'
  | 'media'
  | 'websocket'
  | 'webtransport'
  | 'webbundle'
  | 'other';

export interface DnrHeaderInfo {
  /** Lower-case header name. */
  header: string;
  operation: 'set' | 'remove';
  value?: string;
}

export interface DnrCondition {
  urlFilter?: string;
  regexFilter?: string;
  initiatorDomains?: string[];
  excludedInitiatorDomains?: string[];
  requestDomains?: string[];
  tabIds?: number[];
  requestMethods?: string[];
  resourceTypes?: DnrResourceType[];
  excludedResourceTypes?: DnrResourceType[];
}

export interface DnrRule {
  id: number;
  priority: number;
  action: { type: 'modifyHeaders'; responseHeaders: DnrHeaderInfo[] };
  condition: DnrCondition;
}
