import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireParser, runTool, withTempDir } from './run-tool';

const javac = '/usr/bin/javac';
const stubs = fileURLToPath(new URL('./spring-stubs/', import.meta.url));

function javaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.java'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * javac over every Spring snippet in one run, against stand-ins of the Spring classes it uses (Spring itself is
 * not on this machine). Each snippet gets its own package: the line the snippet asks the user to change.
 */
export function checkJava(codes: string[]): (string | null)[] {
  requireParser(javac, 'apt-get install -y default-jdk-headless');
  return withTempDir((dir) => {
    const files = codes.map((code, i) => {
      mkdirSync(join(dir, `p${i}`));
      const file = join(dir, `p${i}`, 'CorsConfig.java');
      writeFileSync(file, code.replace(/^package [\w.]+;.*$/m, `package p${i};`));
      return file;
    });
    const run = runTool(javac, ['-proc:none', '-d', join(dir, 'out'), ...javaFiles(stubs), ...files]);
    if (run.status === 0) return codes.map(() => null);
    return files.map((file) => {
      const errors = run.stderr.split('\n').filter((line) => line.startsWith(`${file}:`));
      return errors.length > 0 ? run.stderr : null;
    });
  });
}
