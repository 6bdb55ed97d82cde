// @ts-check
// Small process helpers shared by the npm scripts.
import { spawn } from 'node:child_process';

/**
 * Runs a command with inherited output; resolves with its exit code.
 * @param {string} command @param {string[]} args @param {{ env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<number>}
 */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...options.env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(127));
  });
}

/** Runs `node_modules/.bin/NAME`. @param {string} name @param {string[]} args @param {{ env?: NodeJS.ProcessEnv }} [options] */
export function runBin(name, args, options) {
  return run(new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname, args, options);
}

/** Exits with `code` when it is non-zero. @param {number} code @param {string} what */
export function check(code, what) {
  if (code !== 0) {
    console.error(`\n✗ ${what} failed (exit ${code})`);
    process.exit(code);
  }
}
