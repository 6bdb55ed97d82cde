import { useEffect, useState } from 'preact/hooks';
import { copyText } from './copy-text';

interface Props {
  text: string;
  label?: string;
  /** Names what is copied, for screen readers ("Copy Express snippet"). */
  ariaLabel?: string;
}

/** Copies `text` and says so for two seconds, visibly and to screen readers. */
export function CopyButton({ text, label = 'Copy', ariaLabel }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <span class="copy">
      <button
        type="button"
        aria-label={ariaLabel}
        onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
      >
        {label}
      </button>
      <span role="status" class={state === 'failed' ? 'bad' : 'ok'}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text and copy it' : ''}
      </span>
    </span>
  );
}
