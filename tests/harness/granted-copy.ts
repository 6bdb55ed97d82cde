// A copy of a built extension whose optional host permissions are granted at install: the e2e tests that need
// host access cannot click through a browser's permission prompt (Chromium waits forever under automation).
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { outDir } from './paths';

export interface GrantedCopy {
  /** The folder to load as the extension. */
  dir: string;
  /** Deletes the folder: call it once the browser that loaded it is closed. */
  remove(): Promise<void>;
}

/**
 * Copies `distDir` to a folder of its own under out/test-dist, named `<name>-…`, with `optional_host_permissions`
 * moved to `host_permissions`. Each launch gets its own folder, so two runs (or a crashed earlier one) never
 * share or delete each other's copy. `stableFor` (e.g. a reused Chromium profile directory) gives every launch
 * with the same key the same folder: Chromium derives an unpacked extension's id from its path, and a profile's
 * rules and storage belong to that id.
 */
export async function grantedCopy(
  distDir: string,
  name: string,
  stableFor?: string,
  /** Optional API permissions to grant at install too (e.g. "debugger": Chromium cannot accept its prompt either). */
  permissions: string[] = [],
): Promise<GrantedCopy> {
  const parent = join(outDir, 'test-dist');
  await mkdir(parent, { recursive: true });
  let dir: string;
  if (stableFor === undefined) {
    dir = await mkdtemp(join(parent, `${name}-`));
  } else {
    dir = join(parent, `${name}-${createHash('sha256').update(stableFor).digest('hex').slice(0, 16)}`);
    await rm(dir, { recursive: true, force: true }); // left by a launch with this key that did not close
  }
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await cp(distDir, dir, { recursive: true });
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    manifest.host_permissions = [
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_host_permissions ?? []),
    ];
    delete manifest.optional_host_permissions;
    if (permissions.length > 0) {
      manifest.permissions = [...(manifest.permissions ?? []), ...permissions];
      manifest.optional_permissions = (manifest.optional_permissions ?? []).filter(
        (p: string) => !permissions.includes(p),
      );
    }
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, remove };
}
