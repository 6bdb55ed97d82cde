// nginx -t, caddy validate and apache2 -t over one configuration that holds every snippet (each in its own
// server / site / virtual host), so one process checks them all; a reported line number names the snippet.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireParser, runTool, snippetAtLine, withTempDir } from './run-tool';

interface Assembled {
  text: string;
  /** First line (1-based) of each snippet's block. */
  starts: number[];
}

function assemble(head: string[], blocks: string[][], tail: string[]): Assembled {
  const lines = [...head];
  const starts: number[] = [];
  for (const block of blocks) {
    starts.push(lines.length + 1);
    lines.push(...block);
  }
  lines.push(...tail);
  return { text: `${lines.join('\n')}\n`, starts };
}

/** The error for the snippet the tool's first reported line falls in; null for the others. */
function blame(count: number, starts: number[], output: string, linePattern: RegExp): (string | null)[] {
  const errors: (string | null)[] = Array.from({ length: count }, () => null);
  const line = Number(linePattern.exec(output)?.[1]);
  const index = Number.isFinite(line) ? snippetAtLine(starts, line) : -1;
  errors[Math.max(index, 0)] = output.trim() || 'failed without output';
  return errors;
}

const nginx = '/usr/sbin/nginx';

export function checkNginx(codes: string[]): (string | null)[] {
  requireParser(nginx, 'apt-get install -y nginx');
  return withTempDir((dir) => {
    // What comes before the location block belongs to the http block; it is the same declaration every time.
    const httpLevel = new Set<string>();
    const blocks = codes.map((code, i) => {
      const at = code.search(/^location /m);
      if (at > 0) httpLevel.add(code.slice(0, at));
      return [
        'server {',
        '  listen 127.0.0.1:8;',
        `  server_name s${i}.test;`,
        code.slice(Math.max(at, 0)),
        '}',
      ];
    });
    const conf = assemble(
      [
        `pid ${dir}/nginx.pid;`,
        'error_log stderr;',
        'events {}',
        'http {',
        `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;`,
        `  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi; access_log off;`,
        ...[...httpLevel].flatMap((text) => text.split('\n')),
      ],
      blocks.map((block) => block.join('\n').split('\n')),
      ['}'],
    );
    const file = join(dir, 'nginx.conf');
    writeFileSync(file, conf.text);
    const run = runTool(nginx, ['-t', '-q', '-p', dir, '-c', file]);
    if (run.status === 0) return codes.map(() => null);
    return blame(codes.length, conf.starts, run.stderr, /nginx\.conf:(\d+)/);
  });
}

const caddy = '/usr/bin/caddy';

export function checkCaddy(codes: string[]): (string | null)[] {
  requireParser(caddy, 'apt-get install -y caddy');
  return withTempDir((dir) => {
    const conf = assemble(
      ['{', '\tadmin off', '\tauto_https off', '}'],
      codes.map((code, i) => [`http://s${i}.test {`, ...code.split('\n'), '}']),
      [],
    );
    const file = join(dir, 'Caddyfile');
    writeFileSync(file, conf.text);
    // Caddy keeps state under HOME / XDG folders: the temporary one, not the user's.
    const env = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
    const run = runTool(caddy, ['validate', '--adapter', 'caddyfile', '--config', file], { env });
    if (run.status === 0) return codes.map(() => null);
    return blame(codes.length, conf.starts, run.stderr, /Caddyfile:(\d+)/);
  });
}

const apache = '/usr/sbin/apache2';
const modules = '/usr/lib/apache2/modules';

export function checkApache(codes: string[]): (string | null)[] {
  requireParser(apache, 'apt-get install -y apache2');
  return withTempDir((dir) => {
    const load = (name: string) => `LoadModule ${name}_module ${modules}/mod_${name}.so`;
    const conf = assemble(
      [
        `ServerRoot ${dir}`,
        'ServerName localhost',
        'Listen 127.0.0.1:8',
        `PidFile ${dir}/httpd.pid`,
        `DefaultRuntimeDir ${dir}`,
        `ErrorLog ${dir}/error.log`,
        ...['mpm_event', 'authz_core', 'headers', 'rewrite'].map(load),
      ],
      codes.map((code, i) => [
        '<VirtualHost 127.0.0.1:8>',
        `ServerName s${i}.test`,
        ...code.split('\n'),
        '</VirtualHost>',
      ]),
      [],
    );
    const file = join(dir, 'httpd.conf');
    writeFileSync(file, conf.text);
    const run = runTool(apache, ['-t', '-f', file]);
    if (run.status === 0) return codes.map(() => null);
    return blame(codes.length, conf.starts, `${run.stderr}${run.stdout}`, /line (\d+) of /);
  });
}
