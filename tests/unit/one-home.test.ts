// One home per concept: a rule written once cannot drift apart from its copies. These read the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorHeaders } from '../../src/core/exchange/author-headers';

function sources(dir = 'src'): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
}

const where = (pattern: RegExp) =>
  sources()
    .filter(({ text }) => pattern.test(text))
    .map(({ path }) => path);

describe('one home per concept', () => {
  it('the all-hosts pattern list is written once', () => {
    expect(where(/['"]http:\/\/\*\/\*['"],\s*['"]https:\/\/\*\/\*['"]/)).toHaveLength(1);
  });

  it('the host-access pattern helper is written once', () => {
    expect(where(/function hostPattern\(|const hostPattern =/)).toHaveLength(1);
  });

  it('the rules format version is a constant, not a literal', () => {
    expect(where(/version: 2\b/)).toEqual([]);
  });

  it('RuleDraft is declared by the rules core, not by a popup component', () => {
    expect(where(/export (interface|type) RuleDraft\b/)).toEqual(['src/core/rules/types.ts']);
  });

  it('comments cite the browser bug or the standard, never documents outside this repository', () => {
    expect(where(/platform-facts|design card|issue #\d/i)).toEqual([]);
  });

  it('author-headers uses the engine’s forbidden request-header names, set-cookie and private-network included', () => {
    expect(
      authorHeaders(
        [
          ['Set-Cookie', 'a=b'],
          ['Access-Control-Request-Private-Network', 'true'],
          ['X-Api-Version', '2'],
        ],
        { type: 'xmlhttprequest' },
      ),
    ).toEqual([['X-Api-Version', '2']]);
  });
});
