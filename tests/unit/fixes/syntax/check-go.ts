import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireParser, runTool, withTempDir } from './run-tool';

const gofmt = '/usr/bin/gofmt';

/**
 * gofmt -e on every snippet (each is a whole file), in one process: a syntax error, or a file gofmt would
 * reformat (the snippet is printed as gofmt prints it), is reported per snippet.
 */
export function checkGo(codes: string[]): (string | null)[] {
  requireParser(gofmt, 'apt-get install -y golang-go');
  return withTempDir((dir) => {
    const files = codes.map((code, i) => {
      const file = join(dir, `s${i}.go`);
      writeFileSync(file, `${code}\n`);
      return file;
    });
    const run = runTool(gofmt, ['-e', '-l', ...files]);
    return files.map((file) => {
      const errors = run.stderr.split('\n').filter((line) => line.startsWith(`${file}:`));
      if (errors.length > 0) return errors.join('\n');
      if (run.stdout.split('\n').includes(file)) {
        const formatted = runTool(gofmt, [file]).stdout;
        return `not gofmt-formatted; gofmt prints:\n${formatted}\nsnippet:\n${readFileSync(file, 'utf8')}`;
      }
      return null;
    });
  });
}
