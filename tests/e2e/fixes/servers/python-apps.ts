import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, pasteAt, removeDir, requireTool, runCommand, startServer, tempDir } from '../processes';
import { appsDir, debianPython, MARKER, readApp } from './apps-dir';
import type { LiveFramework } from './live-framework';
import { majorMinor } from './live-framework';

interface PythonApp {
  framework: 'flask' | 'fastapi' | 'django';
  /** The module whose __version__ is the framework's. */
  module: string;
  packages: string;
  /** The template the snippet is pasted into, then the files copied beside it, then the one to run. */
  template: string;
  copies: string[];
  main: string;
}

const APPS: PythonApp[] = [
  {
    framework: 'flask',
    module: 'flask',
    packages: 'python3-flask python3-flask-cors',
    template: 'flask_app.py',
    copies: [],
    main: 'flask_app.py',
  },
  {
    framework: 'fastapi',
    module: 'fastapi',
    packages: 'python3-fastapi python3-uvicorn',
    template: 'fastapi_app.py',
    copies: [],
    main: 'fastapi_app.py',
  },
  {
    framework: 'django',
    module: 'django',
    packages: 'python3-django python3-django-cors-headers',
    template: 'django_settings.py',
    copies: ['django_urls.py', 'django_serve.py'],
    main: 'django_serve.py',
  },
];

function pythonApp(app: PythonApp): LiveFramework {
  return {
    framework: app.framework,
    requestId: `${app.framework}-42`,
    requireInstalled: () => requireTool(debianPython, `apt-get install -y ${app.packages}`),
    version: async () =>
      majorMinor(
        await runCommand(debianPython, ['-c', `import ${app.module}; print(${app.module}.__version__)`]),
      ),
    async start(code) {
      const dir = await tempDir(app.framework);
      await writeFile(join(dir, app.template), pasteAt(await readApp(app.template), MARKER, code));
      for (const file of app.copies) await copyFile(join(appsDir, file), join(dir, file));
      const port = await freePort();
      return startServer({
        label: `the ${app.framework} app (apt-get install -y ${app.packages} if an import failed)`,
        command: debianPython,
        args: [join(dir, app.main), String(port)],
        cwd: dir,
        port,
        cleanup: () => removeDir(dir),
      });
    },
  };
}

export const [flask, fastapi, django] = APPS.map(pythonApp) as [LiveFramework, LiveFramework, LiveFramework];
