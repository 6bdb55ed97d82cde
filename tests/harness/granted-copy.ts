// A copy of a built extension whose optional host permissions are granted at install: the e2e tests that need
// host access cannot click through a browser's permission prompt (Chromium waits forever under automation).
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { outDir } from './paths';

/** Copies `distDir` to out/test-dist/<name> with `optional_host_permissions` moved to `host_permissions`. */
export async function grantedCopy(distDir: string, name: string): Promise<string> {
  const dir = `${outDir}/test-dist/${name}`;
  await rm(dir, { recursive: true, force: true });
  await cp(distDir, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(`${dir}/manifest.json`, 'utf8'));
  manifest.host_permissions = [
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
  ];
  delete manifest.optional_host_permissions;
  await writeFile(`${dir}/manifest.json`, JSON.stringify(manifest, null, 2));
  return dir;
}
