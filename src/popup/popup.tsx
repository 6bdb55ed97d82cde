import { useEffect, useState } from 'preact/hooks';
import type { Lifetime, ObservedTarget, OverrideRule, RuleDraft } from '../core/rules';
import { type AllowRequest, allowWithAccess } from '../shared/allow-with-access';
import type { FieldError } from '../shared/messages';
import { requestAccessThen } from '../shared/request-access';
import { useBackgroundStatus } from '../shared/ui/use-background-status';
import { AllowTarget } from './allow-target';
import { GlobalSwitch } from './global-switch';
import { ImportExport } from './import-export';
import { ObservedTargetList } from './observed-target-list';
import { RuleEditor } from './rule-editor';
import { RuleList } from './rule-list';
import { useCurrentTab } from './use-current-tab';
import { useRules } from './use-rules';

export function Popup() {
  const tab = useCurrentTab();
  const status = useBackgroundStatus();
  const { view, now, error, call } = useRules();
  const [editing, setEditing] = useState<OverrideRule | 'new' | undefined>(undefined);

  // A rule that just ran out: ask the background, which expires it at the same moment.
  const expiredActive =
    view !== undefined &&
    view.activeIds.length > 0 &&
    view.rules.some((r) => r.expiresAt !== null && r.expiresAt <= now && view.activeIds.includes(r.id));
  useEffect(() => {
    if (expiredActive) void call('rules/get', {});
  }, [expiredActive, call]);

  const origin = tab?.origin ?? null;
  // Both run synchronously inside the click that opens the permission prompt; the background makes the rule once
  // access is granted, even if the prompt closed this popup (Chrome does), and the list shows it on the next open.
  const allowAndShow = (request: AllowRequest) =>
    allowWithAccess(request).then(async (outcome) => {
      await call('rules/get', {});
      return 'problem' in outcome ? outcome.problem : undefined;
    });
  const allow = (target: string, lifetime: Lifetime, credentials: boolean) =>
    origin
      ? allowAndShow({ pageOrigin: origin, target, lifetime, credentials })
      : Promise.resolve('This tab is not a web page.');
  const allowObserved = (pageOrigin: string, target: ObservedTarget) =>
    allowAndShow({
      pageOrigin,
      target: target.origin,
      credentials: target.credentials,
      methods: target.methods,
      requestHeaders: target.requestHeaders,
    });
  const saveWithAccess = (draft: RuleDraft, origins: string[]): Promise<FieldError[]> =>
    requestAccessThen(origins, { type: 'rules/save', request: { draft } }).then(
      async (outcome) => {
        await call('rules/get', {});
        if (outcome.kind === 'denied') return [{ field: 'target', message: 'Host access was not granted.' }];
        if (outcome.kind === 'timeout')
          return [{ field: 'target', message: 'No answer to the access request: try again.' }];
        return (outcome.result as { errors?: FieldError[] } | null)?.errors ?? [];
      },
      (e: unknown) => [{ field: 'target', message: e instanceof Error ? e.message : String(e) }],
    );
  const save = async (draft: RuleDraft) => {
    const result = await call('rules/save', { draft });
    return result?.ok === false
      ? result.errors
      : result
        ? []
        : [{ field: 'rule', message: 'The background did not answer.' }];
  };

  return (
    <main class="popup" aria-label="CORS Lens">
      <header>
        <img src="/assets/icon-48.png" alt="" />
        <h1>CORS Lens</h1>
        {view && (
          <GlobalSwitch
            enabled={view.overridesEnabled}
            onChange={(enabled) => call('rules/set-enabled', { enabled })}
          />
        )}
      </header>

      <section class="site" aria-label="Current site">
        {tab === undefined ? (
          <span class="muted">Reading the current tab…</span>
        ) : origin === null ? (
          <span class="muted">This tab is not a web page: overrides apply to http and https sites only.</span>
        ) : (
          <>
            <div class="muted">This page</div>
            <code data-testid="tab-origin">{origin}</code>
          </>
        )}
      </section>

      {view && view.activeIds.length > 0 && (
        <p class="banner" role="status" data-testid="override-banner">
          {view.activeIds.length} override{view.activeIds.length === 1 ? '' : 's'} active — CORS is relaxed
          for the sites below.
        </p>
      )}
      {view?.problems.map((p) => (
        <p key={p} class="field-error" role="alert">
          {p}
        </p>
      ))}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}

      {origin && editing === undefined && <AllowTarget onAllow={allow} />}
      {origin && editing === undefined && view && tab?.tabId !== undefined && (
        <ObservedTargetList
          tabId={tab.tabId}
          pageOrigin={origin}
          view={view}
          onAllow={(target) => allowObserved(origin, target)}
          onRemove={(id) => void call('rules/remove', { id })}
        />
      )}

      {editing !== undefined ? (
        <RuleEditor
          rule={editing === 'new' ? undefined : editing}
          pageOrigin={origin ?? ''}
          onSave={save}
          onSaveWithAccess={saveWithAccess}
          onClose={() => setEditing(undefined)}
        />
      ) : (
        view && (
          <section aria-label="Overrides">
            <div class="row spread">
              <h2>Overrides</h2>
              <button type="button" onClick={() => setEditing('new')}>
                New rule…
              </button>
            </div>
            <RuleList
              rules={view.rules}
              activeIds={view.activeIds}
              now={now}
              onExtend={(id) => void call('rules/extend', { id })}
              onRemove={(id) => void call('rules/remove', { id })}
              onToggle={(id, enabled) => void call('rules/set-rule-enabled', { id, enabled })}
              onEdit={(rule) => setEditing(rule)}
              rescue={view.rescue}
              onAnswerPreflights={async (id, enabled) => {
                const result = await call('rules/set-answer-preflights', { id, enabled });
                return result?.ok === false ? result.errors.map((e) => e.message).join(' ') : undefined;
              }}
            />
          </section>
        )
      )}

      <ImportExport
        onExport={async () => {
          const result = await call('rules/export', {});
          return result?.ok ? result.value : undefined;
        }}
        onImport={async (json) => {
          const result = await call('rules/import', { json });
          if (!result)
            return { ok: false, errors: [{ field: 'file', message: 'The background did not answer.' }] };
          return result.ok ? { ok: true, ...result.value } : { ok: false, errors: result.errors };
        }}
      />

      <footer class="status" data-testid="background-status">
        {status.state === 'ok' ? (
          <span class="ok">Background running · v{status.status.version}</span>
        ) : status.state === 'error' ? (
          <span class="bad">Background not reachable: {status.message}</span>
        ) : (
          <span class="muted">Connecting…</span>
        )}
      </footer>
    </main>
  );
}
