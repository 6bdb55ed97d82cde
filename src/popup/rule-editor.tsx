import { useState } from 'preact/hooks';
import { httpOriginOf, type Lifetime, type OverrideRule, type RuleDraft } from '../core/rules';
import type { FieldError } from '../shared/messages';
import { LifetimeSelect } from './lifetime-select';

interface Props {
  rule: OverrideRule | undefined;
  pageOrigin: string;
  onSave(draft: RuleDraft): Promise<FieldError[]>;
  /** Saves once host access to `origins` is granted; called synchronously in the click (it opens the prompt). */
  onSaveWithAccess(draft: RuleDraft, origins: string[]): Promise<FieldError[]>;
  onClose(): void;
}

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Every option of a rule, with the background's validation messages next to the field they concern. */
export function RuleEditor({ rule, pageOrigin, onSave, onSaveWithAccess, onClose }: Props) {
  const [fields, setFields] = useState({
    pageOrigin: rule?.pageOrigin ?? pageOrigin,
    target: rule
      ? `${rule.target.origin}${rule.target.pathPrefix === '/' ? '' : rule.target.pathPrefix}`
      : '',
    methods: (rule?.methods ?? ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']).join(', '),
    requestHeaders: (rule?.requestHeaders ?? ['content-type']).join(', '),
    credentials: rule?.credentials ?? false,
    exposeHeaders: (rule?.exposeHeaders ?? []).join(', '),
    maxAge: rule?.maxAge === undefined ? '' : String(rule.maxAge),
    lifetime: rule?.lifetime ?? ('1h' as Lifetime),
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const set = (name: keyof typeof fields) => (e: Event) => {
    const input = e.target as HTMLInputElement;
    setFields({ ...fields, [name]: input.type === 'checkbox' ? input.checked : input.value });
  };
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  const save = (event: Event) => {
    event.preventDefault();
    const draft: RuleDraft = {
      ...(rule ? { id: rule.id } : {}),
      pageOrigin: fields.pageOrigin.trim(),
      target: fields.target.trim(),
      methods: list(fields.methods),
      requestHeaders: list(fields.requestHeaders).map((h) => h.toLowerCase()),
      credentials: fields.credentials,
      exposeHeaders: list(fields.exposeHeaders),
      ...(fields.maxAge.trim() === '' ? {} : { maxAge: Number(fields.maxAge) }),
      lifetime: fields.lifetime,
      enabled: true,
      // Kept as it was: the rule list switches it (rescue-option.tsx), with its explanation and permission.
      ...(rule?.answerPreflights ? { answerPreflights: true as const } : {}),
    };
    const settle = (errs: FieldError[]) => (errs.length ? setErrors(errs) : onClose());
    const origins = [httpOriginOf(draft.pageOrigin), httpOriginOf(draft.target)];
    if (origins.includes(undefined)) {
      void onSave(draft).then(settle); // not two http(s) URLs: validation explains what is wrong, by the field
      return;
    }
    void onSaveWithAccess(draft, origins as string[]).then(settle);
  };

  const field = (name: string, label: string, input: preact.ComponentChild, hint?: string) => (
    <div class="field">
      <label for={`rule-${name}`}>{label}</label>
      {input}
      {hint && <small class="muted">{hint}</small>}
      {errorFor(name) && (
        <small id={`rule-${name}-error`} class="field-error" role="alert">
          {errorFor(name)}
        </small>
      )}
    </div>
  );
  const text = (name: keyof typeof fields, placeholder = '') => (
    <input
      id={`rule-${name}`}
      type="text"
      value={fields[name] as string}
      placeholder={placeholder}
      onInput={set(name)}
      aria-invalid={errorFor(name) ? 'true' : 'false'}
      aria-describedby={errorFor(name) ? `rule-${name}-error` : undefined}
    />
  );

  return (
    <form class="editor" onSubmit={save} aria-label={rule ? 'Edit override rule' : 'New override rule'}>
      <h2>{rule ? 'Edit override' : 'New override'}</h2>
      {field('pageOrigin', 'Page origin', text('pageOrigin', 'http://localhost:5173'))}
      {field('target', 'Target (origin or URL prefix)', text('target', 'http://127.0.0.1:8081/api/'))}
      {field('methods', 'Methods', text('methods', 'GET, POST'), 'Case matters: PATCH ≠ patch.')}
      {field(
        'requestHeaders',
        'Request headers to allow',
        text('requestHeaders', 'content-type, authorization'),
      )}
      {field('exposeHeaders', 'Response headers to expose', text('exposeHeaders', 'x-request-id'))}
      {field('maxAge', 'Preflight max-age (seconds)', text('maxAge', 'empty: browser default'))}
      <div class="field">
        <label class="check">
          <input type="checkbox" checked={fields.credentials} onChange={set('credentials')} />
          Allow credentials (cookies, HTTP auth)
        </label>
        <small class="muted">
          Sends Access-Control-Allow-Credentials: true with the exact origin — never *.
        </small>
      </div>
      <div class="field">
        <label for="rule-lifetime">Lifetime</label>
        <LifetimeSelect
          id="rule-lifetime"
          value={fields.lifetime}
          onChange={(v) => setFields({ ...fields, lifetime: v })}
        />
      </div>
      {errors
        .filter(
          (e) =>
            !['pageOrigin', 'target', 'methods', 'requestHeaders', 'exposeHeaders', 'maxAge'].includes(
              e.field,
            ),
        )
        .map((e) => (
          <p key={e.field} class="field-error" role="alert">
            {e.field}: {e.message}
          </p>
        ))}
      <div class="row end">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" class="primary">
          Save
        </button>
      </div>
    </form>
  );
}
