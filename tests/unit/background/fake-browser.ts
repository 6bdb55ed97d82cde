// A fake of the few browser APIs the background uses, for unit tests of its services (the standards allow faking
// browser APIs in unit tests; end-to-end tests use the real browsers). Behaves like Chromium where it matters:
// each updateSessionRules / updateDynamicRules call is atomic, storage writes are atomic per call, and the DNR
// session-rule limit is 5,000. `failures` lets a test make the next calls of an API reject.
import type { DnrRule } from '../../../src/core/rules';

type Listener = (...args: never[]) => unknown;

export class FakeEvent {
  readonly listeners: Listener[] = [];
  addListener(listener: Listener): void {
    this.listeners.push(listener);
  }
  removeListener(listener: Listener): void {
    const at = this.listeners.indexOf(listener);
    if (at !== -1) this.listeners.splice(at, 1);
  }
  hasListener(listener: Listener): boolean {
    return this.listeners.includes(listener);
  }
  fire(...args: unknown[]): unknown[] {
    return this.listeners.map((listener) => (listener as (...a: unknown[]) => unknown)(...args));
  }
}

/** Names of API calls a test can make fail: `failures.add('updateSessionRules')` rejects the next such call. */
export type FailingCall =
  | 'updateSessionRules'
  | 'updateDynamicRules'
  | 'storage.local.set'
  | 'storage.session.set'
  | 'storage.local.get';

class FakeStorageArea {
  data: Record<string, unknown> = {};
  /** The area's own event (storage.local.onChanged), beside the browser-wide storage.onChanged. */
  readonly onChanged = new FakeEvent();
  constructor(
    private readonly fake: FakeBrowser,
    private readonly area: 'local' | 'session',
  ) {}
  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    this.fake.maybeFail(`storage.${this.area}.get` as FailingCall);
    const wanted = keys === null ? Object.keys(this.data) : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const key of wanted) if (key in this.data) out[key] = structuredClone(this.data[key]);
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    this.fake.maybeFail(`storage.${this.area}.set` as FailingCall);
    const next = { ...this.data, ...structuredClone(items) };
    const quota = this.fake.quotaBytes[this.area];
    if (quota !== undefined && JSON.stringify(next).length > quota)
      throw new Error(`QUOTA_BYTES quota exceeded (${this.area})`);
    this.data = next;
    this.changed(Object.fromEntries(Object.keys(items).map((k) => [k, { newValue: items[k] }])));
  }
  async remove(keys: string | string[]): Promise<void> {
    const removed = (typeof keys === 'string' ? [keys] : keys).filter((key) => key in this.data);
    const changes = Object.fromEntries(removed.map((k) => [k, { oldValue: this.data[k] }]));
    for (const key of removed) delete this.data[key];
    if (removed.length > 0) this.changed(changes);
  }
  private changed(changes: Record<string, unknown>): void {
    this.fake.storage.onChanged.fire(changes, this.area);
    this.onChanged.fire(changes);
  }
}

export class FakeBrowser {
  readonly failures: FailingCall[] = [];
  readonly quotaBytes: { local?: number; session?: number } = {};
  sessionRules: DnrRule[] = [];
  dynamicRules: DnrRule[] = [];
  readonly alarmsByName = new Map<string, { name: string; scheduledTime: number }>();
  /** Every DNR update call, for tests that check what was attempted. */
  readonly dnrCalls: { scope: 'session' | 'dynamic'; removeRuleIds: number[]; addRules: DnrRule[] }[] = [];

  maybeFail(call: FailingCall): void {
    const at = this.failures.indexOf(call);
    if (at === -1) return;
    this.failures.splice(at, 1);
    throw new Error(`${call} failed (injected by the test)`);
  }

  private update(scope: 'session' | 'dynamic', options: { removeRuleIds?: number[]; addRules?: DnrRule[] }) {
    this.maybeFail(scope === 'session' ? 'updateSessionRules' : 'updateDynamicRules');
    const removeRuleIds = options.removeRuleIds ?? [];
    const addRules = structuredClone(options.addRules ?? []);
    this.dnrCalls.push({ scope, removeRuleIds, addRules });
    const current = scope === 'session' ? this.sessionRules : this.dynamicRules;
    const removed = new Set(removeRuleIds);
    const next = [...current.filter((r) => !removed.has(r.id)), ...addRules];
    if (new Set(next.map((r) => r.id)).size !== next.length) throw new Error(`Rule with id is not unique`);
    if (scope === 'session' && next.length > 5000)
      throw new Error('The number of session rules exceeds the limit');
    if (scope === 'dynamic' && next.length > 5000)
      throw new Error('The number of dynamic rules exceeds the limit');
    if (scope === 'session') this.sessionRules = next;
    else this.dynamicRules = next;
  }

  readonly storage = {
    local: new FakeStorageArea(this, 'local'),
    session: new FakeStorageArea(this, 'session'),
    onChanged: new FakeEvent(),
  };

  /** Every declarativeNetRequest call made, reads too, by name: in Firefox even a read has a lasting cost. */
  readonly dnrApiCalls: string[] = [];
  readonly declarativeNetRequest = {
    getSessionRules: async () => {
      this.dnrApiCalls.push('getSessionRules');
      return structuredClone(this.sessionRules);
    },
    getDynamicRules: async () => {
      this.dnrApiCalls.push('getDynamicRules');
      return structuredClone(this.dynamicRules);
    },
    updateSessionRules: async (options: { removeRuleIds?: number[]; addRules?: DnrRule[] }) => {
      this.dnrApiCalls.push('updateSessionRules');
      return this.update('session', options);
    },
    updateDynamicRules: async (options: { removeRuleIds?: number[]; addRules?: DnrRule[] }) => {
      this.dnrApiCalls.push('updateDynamicRules');
      return this.update('dynamic', options);
    },
  };

  readonly alarms = {
    create: (name: string, info: { when?: number; delayInMinutes?: number }) => {
      const scheduledTime = info.when ?? Date.now() + (info.delayInMinutes ?? 0) * 60_000;
      this.alarmsByName.set(name, { name, scheduledTime });
      return Promise.resolve();
    },
    clear: async (name: string) => this.alarmsByName.delete(name),
    get: async (name: string) => this.alarmsByName.get(name),
    getAll: async () => [...this.alarmsByName.values()],
    onAlarm: new FakeEvent(),
  };

  /** Fires every alarm due at the current (fake) time, as the browser does, and removes it. */
  fireDueAlarms(): unknown[] {
    const due = [...this.alarmsByName.values()].filter((a) => a.scheduledTime <= Date.now());
    const results: unknown[] = [];
    for (const alarm of due) {
      this.alarmsByName.delete(alarm.name);
      results.push(...this.alarms.onAlarm.fire(alarm));
    }
    return results;
  }

  /** The open tabs tabs.query reports. */
  openTabs: { id?: number; url?: string }[] = [];

  readonly tabs = {
    query: async () => structuredClone(this.openTabs),
    create: async () => ({}),
    onUpdated: new FakeEvent(),
    onRemoved: new FakeEvent(),
  };

  readonly action = {
    setTitle: async () => undefined,
    setIcon: async () => undefined,
    setBadgeText: async () => undefined,
    setBadgeBackgroundColor: async () => undefined,
  };

  /** Host patterns granted; `all` (the default) grants everything. `grant` adds some as the prompt would. */
  hostAccess: Set<string> | 'all' = 'all';
  /** chrome.debugger, when a test plays Chromium with the permission granted (fake-debugger.ts). */
  debugger: unknown = undefined;
  /** The manifest's background: Chromium's service worker by default; a test plays Firefox's event page. */
  background: { service_worker: string } | { scripts: readonly string[] } = {
    service_worker: 'background.js',
  };

  readonly permissions = {
    contains: async ({ origins = [] }: { origins?: string[] }) =>
      this.hostAccess === 'all' || origins.every((o) => (this.hostAccess as Set<string>).has(o)),
    onAdded: new FakeEvent(),
    onRemoved: new FakeEvent(),
  };
  /** The user accepted the browser's prompt: access added, then permissions.onAdded, as browsers do. */
  grant(origins: string[]): unknown[] {
    if (this.hostAccess !== 'all') for (const o of origins) this.hostAccess.add(o);
    return this.permissions.onAdded.fire({ origins });
  }

  /** Content scripts registered through the scripting API, by id. */
  readonly contentScripts = new Map<string, object>();
  readonly scripting = {
    getRegisteredContentScripts: async ({ ids }: { ids?: string[] } = {}) =>
      [...this.contentScripts.keys()].filter((id) => !ids || ids.includes(id)).map((id) => ({ id })),
    registerContentScripts: async (scripts: { id: string }[]) => {
      for (const script of scripts) this.contentScripts.set(script.id, script);
    },
    unregisterContentScripts: async ({ ids }: { ids?: string[] } = {}) => {
      for (const id of ids ?? [...this.contentScripts.keys()]) this.contentScripts.delete(id);
    },
    executeScript: async () => [],
  };

  readonly windowsCreated: { url?: string; type?: string }[] = [];
  readonly windows = {
    create: async (options: { url?: string; type?: string }) => {
      this.windowsCreated.push(options);
      return {};
    },
  };

  readonly runtime = {
    getManifest: () => ({
      name: 'CORS Lens',
      version: '0.0.0-test',
      // Chromium's build declares the debugger permission (answering preflights); a test sets `debugger` too.
      optional_permissions: this.debugger === undefined ? [] : ['debugger'],
    }),
    getURL: (path: string) => `chrome-extension://test/${path}`,
    getPlatformInfo: async () => ({ os: 'linux', arch: 'x86-64' }),
    onMessage: new FakeEvent(),
    onInstalled: new FakeEvent(),
    onStartup: new FakeEvent(),
    onConnect: new FakeEvent(),
  };

  readonly webRequest = Object.fromEntries(
    [
      'onBeforeRequest',
      'onSendHeaders',
      'onHeadersReceived',
      'onBeforeRedirect',
      'onCompleted',
      'onErrorOccurred',
    ].map((name) => [name, new FakeEvent()]),
  );

  /** Every DNR rule installed, both scopes. */
  installed(): DnrRule[] {
    return [...this.dynamicRules, ...this.sessionRules];
  }
}
