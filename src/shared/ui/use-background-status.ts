import { useEffect, useState } from 'preact/hooks';
import type { BackgroundStatus } from '../messages';
import { send } from '../send';

export type StatusState =
  | { state: 'loading' }
  | { state: 'ok'; status: BackgroundStatus }
  | { state: 'error'; message: string };

/** Asks the background who it is; pages show it so a broken install is visible at once. */
export function useBackgroundStatus(): StatusState {
  const [status, setStatus] = useState<StatusState>({ state: 'loading' });
  useEffect(() => {
    send('ping').then(
      (s) => setStatus({ state: 'ok', status: s }),
      (e: unknown) => setStatus({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  return status;
}
