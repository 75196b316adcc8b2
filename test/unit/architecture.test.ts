// Keeps the layering true: domain imports nothing of ours; import, report, db import only domain; format adds report types.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const SRC = path.join(ROOT, 'src');
const ALLOWED: Record<string, string[]> = {
  domain: ['domain'],
  import: ['domain', 'import'],
  report: ['domain', 'report'],
  db: ['domain', 'db'],
  format: ['domain', 'format', 'report', 'db'],
  prompts: ['domain', 'prompts'],
  cli: ['cli', 'db', 'domain', 'format', 'import', 'prompts', 'report'],
};
const ONLY_IN: Record<string, string> = { 'better-sqlite3': 'db', 'better-sqlite3-node22': 'db', '@inquirer/prompts': 'prompts', 'cli-table3': 'format' };

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('layering', () => {
  const all = files(SRC);
  it('finds the source', () => expect(all.length).toBeGreaterThan(20));
  for (const f of all) {
    const layer = path.relative(SRC, f).split(path.sep)[0]!;
    it(`${path.relative(ROOT, f)} imports only what its layer may`, () => {
      const src = fs.readFileSync(f, 'utf8');
      const specs = [...src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
      for (const s of specs) {
        if (s.startsWith('.')) {
          const target = path.relative(SRC, path.resolve(path.dirname(f), s)).split(path.sep)[0]!;
          expect(ALLOWED[layer], `${layer} may not import ${target} (${s})`).toContain(target);
        } else {
          const owner = ONLY_IN[s];
          if (owner) expect(layer, `${s} belongs in src/${owner}`).toBe(owner);
        }
      }
      // The driver is chosen per Node version in one place (src/db/driver.ts); everything else imports types only.
      if (!f.endsWith(`db${path.sep}driver.ts`)) expect(src, 'import better-sqlite3 through src/db/driver.ts').not.toMatch(/^import (?!type )[^;]*from 'better-sqlite3';/m);
      if (layer === 'format') {
        // Renderers may name db row types, never call the database.
        for (const m of src.matchAll(/^import (type )?[^;]*from '\.\.\/db\/[^']+';/gm)) expect(m[1], m[0]).toBe('type ');
      }
      if (layer !== 'cli') expect(src, 'only cli/main.ts may exit').not.toMatch(/process\.exit\(/);
      // The first line says what the file is for.
      expect(src.split('\n')[0]).toMatch(/^\/\/ \S/);
    });
  }
});

describe('no dead modules', () => {
  const all = files(SRC);
  const imported = new Set<string>();
  for (const f of all) {
    const src = fs.readFileSync(f, 'utf8');
    for (const m of src.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
      imported.add(path.resolve(path.dirname(f), (m[1] ?? m[2]!).replace(/\.js$/, '.ts')));
    }
  }
  // The entry points: main.ts (the bundle), quickHelp.ts (the help shortcut bin/fieldvisit.js loads first; scripts/build.mjs).
  const entries = [path.join('cli', 'main.ts'), path.join('cli', 'quickHelp.ts')];
  it('every source file is imported by another (main.ts and quickHelp.ts are the entry points)', () => {
    const orphans = all.filter((f) => !imported.has(f) && !entries.includes(path.relative(SRC, f))).map((f) => path.relative(ROOT, f));
    expect(orphans).toEqual([]);
  });
  it('no placeholder statements that only silence the compiler', () => {
    for (const f of all) expect(fs.readFileSync(f, 'utf8'), f).not.toMatch(/^\s*void (globals\(command\)|command);/m);
  });
});

describe('tests reach SQLite through the driver too', () => {
  const tests = files(path.join(ROOT, 'test')).filter((f) => !f.includes(`${path.sep}fixtures${path.sep}`));
  it('finds the tests', () => expect(tests.length).toBeGreaterThan(10));
  for (const f of tests) {
    it(`${path.relative(ROOT, f)} does not load better-sqlite3 directly (Node 24 needs 13.x)`, () => {
      expect(fs.readFileSync(f, 'utf8')).not.toMatch(/^import (?!type )[^;]*from 'better-sqlite3';/m);
    });
  }
});
