import { readFileSync, writeFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
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

/**
 * The page hook's scripts are registered with the scripting API, which needs no web_accessible_resources; crxjs
 * declares its `?script` imports there anyway, which would let any web page load them (and detect CORS Lens).
 */
function withoutHookResources(): Plugin {
  return {
    name: 'cors-lens:without-hook-resources',
    enforce: 'post',
    writeBundle(options) {
      const file = `${options.dir}/manifest.json`;
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
        web_accessible_resources?: { resources: string[] }[];
      };
      const kept = (manifest.web_accessible_resources ?? []).filter(
        (entry) => !entry.resources.every((r) => r.startsWith('src/hook/')),
      );
      if (kept.length > 0) manifest.web_accessible_resources = kept;
      else delete manifest.web_accessible_resources;
      writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
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
      input: {
        panel: 'src/panel/index.html',
        welcome: 'src/welcome/index.html',
        grant: 'src/grant/index.html',
      },
    },
  },
  plugins: [crx({ manifest: manifestFor(target), browser: target }), withoutHookResources()],
});
