// A fake of chrome.debugger for the rescue service's unit tests: records every command, answers them like
// Chromium (a command to a tab it is not attached to rejects), and lets a test fire protocol events.
import { FakeEvent } from './fake-browser';

export class FakeDebugger {
  readonly attached = new Set<number>();
  readonly commands: { tabId: number | undefined; method: string; params?: unknown }[] = [];
  readonly onEvent = new FakeEvent();
  readonly onDetach = new FakeEvent();
  /** Tabs whose attach fails, as when another debugger holds them exclusively. */
  readonly refuse = new Set<number>();

  async attach({ tabId }: { tabId?: number }): Promise<void> {
    if (tabId === undefined || this.refuse.has(tabId)) throw new Error(`Cannot access tab ${tabId}`);
    if (this.attached.has(tabId))
      throw new Error(`Another debugger is already attached to the tab with id: ${tabId}.`);
    this.attached.add(tabId);
  }
  async detach({ tabId }: { tabId?: number }): Promise<void> {
    if (tabId === undefined || !this.attached.delete(tabId)) throw new Error('Debugger is not attached');
  }
  async sendCommand({ tabId }: { tabId?: number }, method: string, params?: unknown): Promise<unknown> {
    if (tabId === undefined || !this.attached.has(tabId))
      throw new Error(`Debugger is not attached to the tab with id: ${tabId}.`);
    this.commands.push({ tabId, method, params });
    return {};
  }
  /** The browser ends a session by itself (tab closed, user pressed Cancel on the bar). */
  endSession(tabId: number, reason: string): void {
    this.attached.delete(tabId);
    this.onDetach.fire({ tabId }, reason);
  }
  paused(tabId: number, params: Record<string, unknown>): void {
    this.onEvent.fire({ tabId }, 'Fetch.requestPaused', params);
  }
  /** The answers sent for paused requests, in order: [method, params]. */
  answers(): [string, unknown][] {
    return this.commands
      .filter((c) => c.method === 'Fetch.fulfillRequest' || c.method === 'Fetch.continueRequest')
      .map((c) => [c.method, c.params]);
  }
}
