import type { Verification } from '../core/fixes';
import { CopyButton } from './copy-button';

interface Props {
  title: string;
  language: string;
  versions: string;
  verification: Verification;
  code: string;
  install?: string;
}

/** One ready-to-paste fix: what it is for, whether CORS Lens's tests ran it for real, the code and a copy button. */
export function SnippetView({ title, language, versions, verification, code, install }: Props) {
  return (
    <div class="snippet">
      <p class="snippet-meta">
        For {versions}.{' '}
        {verification.live ? (
          <span class="ok">
            Verified live: {verification.verifiedWith}, in Chromium, by CORS Lens's tests.
          </span>
        ) : (
          <span class="warn-text">Not verified live: {verification.reason}</span>
        )}
      </p>
      {install && (
        <p>
          <code>{install}</code> <CopyButton text={install} ariaLabel="Copy install command" />
        </p>
      )}
      <pre class={`language-${language}`}>
        <code>{code}</code>
      </pre>
      <CopyButton text={code} ariaLabel={`Copy ${title} snippet`} />
    </div>
  );
}
