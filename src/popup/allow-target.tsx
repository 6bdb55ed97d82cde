import { useState } from 'preact/hooks';
import type { Lifetime } from '../core/rules';
import { validateTarget } from '../core/rules';
import { LifetimeSelect } from './lifetime-select';

interface Props {
  /** Called synchronously in the click (it opens the browser's permission prompt); resolves with a problem or nothing. */
  onAllow(target: string, lifetime: Lifetime, credentials: boolean): Promise<string | undefined>;
}

/** "Allow this page to read <target>": the one-click path, with the target typed or picked from the log. */
export function AllowTarget({ onAllow }: Props) {
  const [target, setTarget] = useState('');
  const [lifetime, setLifetime] = useState<Lifetime>('1h');
  const [credentials, setCredentials] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = (event: Event) => {
    event.preventDefault();
    const checked = validateTarget(target);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    // The permission prompt must open inside this click: nothing may be awaited before onAllow.
    setBusy(true);
    onAllow(target, lifetime, credentials)
      .then((problem) => {
        setError(problem);
        if (!problem) setTarget('');
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };

  return (
    <form class="allow" onSubmit={submit} aria-label="Allow a target">
      <label for="allow-target">Allow this page to read</label>
      <div class="row">
        <input
          id="allow-target"
          type="text"
          placeholder="http://127.0.0.1:8081 or https://api.example.com/v1/"
          value={target}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? 'allow-error' : undefined}
          onInput={(e) => setTarget((e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="row">
        <LifetimeSelect id="allow-lifetime" value={lifetime} onChange={setLifetime} />
        <label class="check">
          <input
            type="checkbox"
            checked={credentials}
            onChange={(e) => setCredentials((e.target as HTMLInputElement).checked)}
          />
          with credentials
        </label>
        <button type="submit" class="primary" disabled={busy || target.trim() === ''}>
          Allow
        </button>
      </div>
      {error && (
        <p id="allow-error" class="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
