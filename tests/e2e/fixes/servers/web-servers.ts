// The three web servers put in front of an app that sends no CORS headers: the snippet is pasted into the
// server's configuration, with its placeholder line ("your existing proxy_pass / … stays here") replaced by the
// forwarding to that app: the one line of glue the snippet asks for.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, removeDir, requireTool, runCommand, startServer, tempDir } from '../processes';
import type { LiveFramework } from './live-framework';
import { majorMinor } from './live-framework';

const PLACEHOLDER = /^[ \t]*# \.\.\. your existing .* stays here$/m;

function withForwarding(code: string, forward: string): string {
  if (!PLACEHOLDER.test(code)) throw new Error('the snippet has no "your existing … stays here" line');
  return code.replace(PLACEHOLDER, forward);
}

const nginxPath = '/usr/sbin/nginx';

export const nginx: LiveFramework = {
  framework: 'nginx',
  requestId: 'bare-42',
  requireInstalled: () => requireTool(nginxPath, 'apt-get install -y nginx'),
  version: async () => majorMinor(await runCommand(nginxPath, ['-v']), 'nginx/'),
  async start(code, upstream) {
    // Anything before the location block ("In the http block: …") belongs to the http block.
    const at = code.search(/^location /m);
    const httpLevel = code.slice(0, at);
    const location = withForwarding(code.slice(at), `    proxy_pass ${upstream};`);
    const dir = await tempDir('nginx');
    const port = await freePort();
    const conf = join(dir, 'nginx.conf');
    await writeFile(
      conf,
      `daemon off;\nmaster_process off;\npid ${dir}/nginx.pid;\nerror_log stderr warn;\nevents {}\nhttp {\n` +
        `  access_log off;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n` +
        `  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n` +
        `${httpLevel}\n  server {\n    listen 127.0.0.1:${port};\n${location}\n  }\n}\n`,
    );
    return startServer({
      label: 'nginx',
      command: nginxPath,
      args: ['-p', dir, '-c', conf],
      port,
      cleanup: () => removeDir(dir),
    });
  },
};

const caddyPath = '/usr/bin/caddy';

export const caddy: LiveFramework = {
  framework: 'caddy',
  requestId: 'bare-42',
  requireInstalled: () => requireTool(caddyPath, 'apt-get install -y caddy'),
  version: async () => majorMinor(await runCommand(caddyPath, ['version'])),
  async start(code, upstream) {
    const dir = await tempDir('caddy');
    const port = await freePort();
    const site = withForwarding(code, `reverse_proxy ${new URL(upstream).host}`);
    const file = join(dir, 'Caddyfile');
    await writeFile(file, `{\n\tadmin off\n\tauto_https off\n}\n\nhttp://127.0.0.1:${port} {\n${site}\n}\n`);
    return startServer({
      label: 'Caddy',
      command: caddyPath,
      args: ['run', '--adapter', 'caddyfile', '--config', file],
      // Caddy keeps its state under HOME / XDG folders: the temporary one, not the user's.
      env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
      port,
      cleanup: () => removeDir(dir),
    });
  },
};

const apachePath = '/usr/sbin/apache2';
const modules = '/usr/lib/apache2/modules';

export const apache: LiveFramework = {
  framework: 'apache',
  requestId: 'bare-42',
  requireInstalled: () => requireTool(apachePath, 'apt-get install -y apache2'),
  version: async () => majorMinor(await runCommand(apachePath, ['-v']), 'Apache/'),
  async start(code, upstream) {
    const dir = await tempDir('apache');
    const port = await freePort();
    const load = (name: string) => `LoadModule ${name}_module ${modules}/mod_${name}.so`;
    const conf = join(dir, 'httpd.conf');
    // The snippet asks for mod_headers and mod_rewrite ("a2enmod headers rewrite"); the proxy modules are the
    // user's existing forwarding to the app.
    await writeFile(
      conf,
      [
        `ServerRoot ${dir}`,
        'ServerName 127.0.0.1',
        `Listen 127.0.0.1:${port}`,
        `PidFile ${dir}/httpd.pid`,
        `DefaultRuntimeDir ${dir}`,
        // stderr may be a pipe Apache cannot open as a log; start-up errors still go to stderr.
        `ErrorLog ${dir}/error.log`,
        'LogLevel warn',
        load('mpm_event'),
        load('authz_core'),
        load('headers'),
        load('rewrite'),
        load('proxy'),
        load('proxy_http'),
        code,
        `ProxyPass "/" "${upstream}/"`,
        '',
      ].join('\n'),
    );
    return startServer({
      label: 'Apache httpd',
      command: apachePath,
      // -X: one process in the foreground, stopped with the test.
      args: ['-X', '-f', conf],
      port,
      cleanup: () => removeDir(dir),
    });
  },
};
