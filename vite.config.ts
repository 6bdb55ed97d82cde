import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

/** Which browser this build is for: `CORS_LENS_TARGET=firefox vite build` writes dist/firefox. */
export type Target = 'chrome' | 'firefox';
const target: Target = process.env.CORS_LENS_TARGET === 'firefox' ? 'firefox' : 'chrome';

/** One manifest source, adapted per browser (platform-facts: Firefox MV3 has no service workers). */
export function manifestFor(browser: Target): ManifestV3Export {
  const { background, browser_specific_settings, optional_permissions, ...common } =
    structuredClone(baseManifest);
  if (browser === 'chrome') {
    // Chrome warns about unknown keys, so the gecko block ships to Firefox only.
    return { ...common, optional_permissions, background } as ManifestV3Export;
  }
  // Firefox has no chrome.debugger: answering preflights (the only optional permission) is Chromium's alone.
  return {
    ...common,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings,
  } as unknown as ManifestV3Export;
}

export default defineConfig({
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    minify: false, // store reviewers read the code; readable output is a feature, and the bundles stay small
    sourcemap: false,
    rollupOptions: {
      // The panel is referenced only from the devtools page at run time, so crxjs cannot find it by itself.
      input: { panel: 'src/panel/index.html', welcome: 'src/welcome/index.html' },
    },
  },
  plugins: [crx({ manifest: manifestFor(target), browser: target })],
});
