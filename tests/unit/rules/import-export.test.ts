import { describe, expect, it } from 'vitest';
import { exportRules, RULES_FORMAT } from '../../../src/core/rules/export-rules';
import { formatImportError } from '../../../src/core/rules/format-import-error';
import { importRules } from '../../../src/core/rules/import-rules';
import { HOUR, NOW, rule, state } from './fixtures';

const LATER = NOW + 5 * HOUR;
let counter = 0;
const newId = () => `gen-${++counter}`;

describe('exportRules', () => {
  it('writes a marked, versioned JSON file holding every rule', () => {
    const s = state([rule(), rule({ id: 'r2', lifetime: 'pinned', expiresAt: null })], false);
    expect(JSON.parse(exportRules(s))).toEqual({
      format: 'cors-lens/override-rules',
      version: 2,
      rules: s.rules,
    });
    expect(RULES_FORMAT).toBe('cors-lens/override-rules');
  });
});

describe('importRules', () => {
  it('round-trips an export into an empty state, restarting timed lifetimes at import', () => {
    const exported = state([
      rule(),
      rule({ id: 'r2', target: { origin: 'https://api.example.com', pathPrefix: '/v1/' } }),
    ]);
    const result = importRules(exportRules(exported), state([], false), LATER, newId);
    expect(result).toEqual({
      ok: true,
      state: state(
        exported.rules.map((r) => ({ ...r, expiresAt: LATER + HOUR })),
        false, // the global switch is the user's preference, not part of the file
      ),
      added: 2,
      replaced: 0,
    });
  });

  it('replaces only the rule for the same page origin and target (keeping its id), and appends the rest', () => {
    const existing = state([
      rule({ id: 'a' }),
      rule({ id: 'b', target: { origin: 'http://127.0.0.1:9000', pathPrefix: '/' } }),
      rule({ id: 'c', target: { origin: 'http://127.0.0.1:9001', pathPrefix: '/' } }),
    ]);
    const file = JSON.stringify({
      format: RULES_FORMAT,
      version: 2,
      rules: [
        { ...rule({ id: 'a', credentials: true }) }, // same id, same pair
        { ...rule({ id: 'z', target: { origin: 'http://127.0.0.1:9000', pathPrefix: '/' } }) }, // same pair as b
        { ...rule({ id: 'c', target: { origin: 'http://127.0.0.1:9002', pathPrefix: '/' } }) }, // c's id, new pair
        { ...rule({ id: 'new', target: { origin: 'http://127.0.0.1:9003', pathPrefix: '/' } }) },
      ],
    });
    const result = importRules(file, existing, NOW, newId);
    expect(result.ok && result.state.rules.map((r) => r.id)).toEqual([
      'a',
      'b',
      'c',
      expect.stringMatching(/^gen-/),
      'new',
    ]);
    expect(result.ok && result.state.rules[0]?.credentials).toBe(true);
    expect(result.ok && result.state.rules[2]?.target.origin).toBe('http://127.0.0.1:9001'); // c untouched
    expect(result.ok && result.state.rules[3]?.target.origin).toBe('http://127.0.0.1:9002');
    expect(result.ok && [result.added, result.replaced]).toEqual([2, 2]);
  });

  it('reads a v1 file through the same migrations', () => {
    const file = JSON.stringify({
      format: RULES_FORMAT,
      version: 1,
      rules: [{ pageOrigin: 'http://localhost:5173', target: 'http://127.0.0.1:8081/api/' }],
    });
    const result = importRules(file, state([]), NOW, () => 'from-v1');
    expect(result).toEqual({
      ok: true,
      state: state([
        rule({ id: 'from-v1', target: { origin: 'http://127.0.0.1:8081', pathPrefix: '/api/' } }),
      ]),
      added: 1,
      replaced: 0,
    });
  });

  it('a bad entry changes nothing and the error names the entry', () => {
    const existing = state([rule({ id: 'keep' })]);
    const before = structuredClone(existing);
    const file = JSON.stringify({
      format: RULES_FORMAT,
      version: 2,
      rules: [
        rule({ id: 'ok1', target: { origin: 'http://127.0.0.1:9000', pathPrefix: '/' } }),
        rule({ id: 'ok2', target: { origin: 'http://127.0.0.1:9001', pathPrefix: '/' } }),
        { ...rule({ id: 'bad' }), pageOrigin: 'http://*.example.com', methods: ['TRACE'] },
      ],
    });
    const result = importRules(file, existing, NOW, newId);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          index: 2,
          field: 'pageOrigin',
          message:
            'Use an exact origin such as http://localhost:5173 — wildcards are not allowed because an override must name one page.',
        },
        {
          index: 2,
          field: 'methods',
          message: 'TRACE is a forbidden method: fetch() refuses to send it, so no override can allow it.',
        },
      ],
    });
    expect(existing).toEqual(before);
    expect(result.ok ? [] : result.errors.map(formatImportError)).toEqual([
      'rule 3: pageOrigin: Use an exact origin such as http://localhost:5173 — wildcards are not allowed because an override must name one page.',
      'rule 3: methods: TRACE is a forbidden method: fetch() refuses to send it, so no override can allow it.',
    ]);
  });

  it('refuses duplicates inside the file, naming the later one', () => {
    const file = JSON.stringify({
      format: RULES_FORMAT,
      version: 2,
      rules: [
        rule({ id: 'x' }),
        rule({ id: 'x', target: { origin: 'http://127.0.0.1:1', pathPrefix: '/' } }),
        rule({ id: 'y' }),
      ],
    });
    const result = importRules(file, state([]), NOW, newId);
    expect(result.ok ? [] : result.errors.map(formatImportError)).toEqual([
      'rule 2: id: rule 1 already has this id; keep one of them.',
      'rule 3: target: rule 1 already overrides this page origin and target; keep one of them.',
    ]);
  });

  it.each<[string, string, string]>([
    ['not JSON', '{oops', 'This is not a JSON file ('],
    [
      'some other JSON',
      '{"rules": []}',
      'This is not a CORS Lens rules file: export one from CORS Lens and import that.',
    ],
    ['a bare array', '[]', 'This is not a CORS Lens rules file: export one from CORS Lens and import that.'],
    [
      'a future version',
      JSON.stringify({ format: RULES_FORMAT, version: 9, rules: [] }),
      'This rules file cannot be read: it was written by a newer CORS Lens (format version 9; this one reads up to 2).',
    ],
    [
      'no rule list',
      JSON.stringify({ format: RULES_FORMAT, version: 2 }),
      'This rules file has no list of rules.',
    ],
  ])('%s is a whole-file error (index -1)', (_, json, message) => {
    const result = importRules(json, state([rule()]), NOW, newId);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.index).toBe(-1);
    expect(result.errors[0]?.field).toBe('');
    expect(result.errors[0]?.message.startsWith(message)).toBe(true);
    expect(formatImportError(result.errors[0] ?? { index: 0, field: '', message: '' })).toBe(
      result.errors[0]?.message,
    );
  });
});
