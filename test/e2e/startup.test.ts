// The built binary starts cheaply: --version and help screens drawn at build time load no library, and each help
// screen it prints is exactly the one commander draws.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildProgram, allCommands } from '../../src/cli/program.js';
import { VERSION } from '../../src/cli/version.js';
import type { Context } from '../../src/cli/context.js';
import type { Command } from 'commander';
import { BIN, ROOT, cli, runInProcess, sampleDb, tmpDir, quietContext } from '../helpers.js';
import { SqliteDatabase } from '../../src/db/driver.js';

const BUNDLE = path.join(ROOT, 'dist', 'bundle');

function fakeCtx(lang: 'zh' | 'en'): Context {
  return quietContext(lang);
}

function words(c: Command): string[] {
  const w: string[] = [];
  for (let x: Command | null = c; x?.parent; x = x.parent) w.unshift(x.name());
  return w;
}

describe.each(['en', 'zh'] as const)('help screens drawn at build time (%s)', (lang) => {
  const screens = JSON.parse(fs.readFileSync(path.join(BUNDLE, `help-${lang}.json`), 'utf8')) as Record<string, string>;
  const program = buildProgram(fakeCtx(lang));
  const commands = [program, ...allCommands(program)];

  it('are there for every command, and only for those', () => {
    expect(Object.keys(screens).sort()).toEqual(commands.map((c) => words(c).join(' ')).sort());
  });

  it.each(commands.map((c) => [words(c).join(' ') || '(program)', words(c)] as const))('%s: the same as commander draws at 80 columns', async (_n, w) => {
    const live = await runInProcess([...w, '--help'], { lang });
    expect(live.code).toBe(0);
    expect(screens[w.join(' ')]).toBe(live.stdout);
  });
});

describe('the binary', () => {
  it('prints the version for --version and -V', () => {
    for (const flag of ['--version', '-V']) {
      const r = cli([flag]);
      expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    }
  });

  it('prints the help screens commander draws, in the configured or asked-for language', async () => {
    const db = path.join(tmpDir(), 'zh.db');
    expect(cli(['config', 'set', 'lang', 'zh'], { db }).code).toBe(0);
    const cases: { args: string[]; db?: string; lang: 'en' | 'zh' }[] = [
      { args: ['--help'], lang: 'en' },
      { args: ['-h'], lang: 'en' },
      { args: ['report', 'weekly', '--help'], lang: 'en' },
      { args: ['loan', 'legal', 'void', '-h'], lang: 'en' },
      { args: ['--lang', 'zh', 'report', '--help'], lang: 'zh' },
      { args: ['visit', 'log', '--help', '--lang=zh'], lang: 'zh' },
      { args: ['--help'], db, lang: 'zh' },
      { args: ['--lang', 'en', 'import', 'roster', '--help'], db, lang: 'en' },
    ];
    for (const c of cases) {
      const bin = cli(c.args, { db: c.db });
      const live = await runInProcess(c.args, { db: c.db, lang: 'en' });
      expect(bin.code, c.args.join(' ')).toBe(0);
      expect(bin.stdout, c.args.join(' ')).toBe(live.stdout);
      expect(bin.stdout).toContain(c.lang === 'zh' ? '用法：' : 'Usage:');
    }
  });

  it('draws help for another width, an unknown command or a misplaced flag as before', async () => {
    for (const [args, env] of [
      [['--help'], { COLUMNS: '60' }],
      [['report', 'weekly', '--help'], { COLUMNS: '132' }],
      [['help', 'report'], {}],
      [['report', '--ascii', '--help'], {}],
      [['reprot', '--help'], {}],
    ] as [string[], Record<string, string>][]) {
      const bin = cli(args, { env });
      const live = await runInProcess(args, { width: env.COLUMNS ? Number(env.COLUMNS) : undefined });
      expect({ code: bin.code, out: bin.stdout, err: bin.stderr }, args.join(' ')).toEqual({ code: live.code, out: live.stdout, err: live.stderr });
    }
  });
});

/** The files a run of the binary loads (ES modules through a load hook, CommonJS through a require hook). */
function loaded(args: string[], db?: string): string[] {
  const dir = tmpDir('fv-loads-');
  const list = path.join(dir, 'loaded.txt');
  const hooks = path.join(dir, 'hooks.mjs');
  fs.writeFileSync(hooks, `import fs from 'node:fs';\nexport async function load(url, context, next) { fs.appendFileSync(${JSON.stringify(list)}, url + '\\n'); return next(url, context); }\n`);
  const reg = path.join(dir, 'register.mjs');
  fs.writeFileSync(reg, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const cjs = path.join(dir, 'cjs.cjs');
  fs.writeFileSync(cjs, `const fs = require('node:fs'); const M = require('node:module'); const orig = M._load;\nM._load = function (req, parent, isMain) { try { fs.appendFileSync(${JSON.stringify(list)}, require('node:url').pathToFileURL(M._resolveFilename(req, parent, isMain)).href + '\\n'); } catch {} return orig.apply(this, arguments); };\n`);
  const env = { PATH: process.env.PATH ?? '', HOME: dir, TZ: 'Asia/Shanghai', NO_COLOR: '1', LANG: 'en_US.UTF-8', FIELDVISIT_DB: db ?? path.join(dir, 'none.db') };
  const r = spawnSync(process.execPath, ['--require', cjs, '--import', pathToFileURL(reg).href, BIN, ...args], { env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return [...new Set(fs.readFileSync(list, 'utf8').split('\n'))]
    .filter((u) => u.startsWith('file:') && !u.includes(path.basename(dir)))
    .map((u) => path.relative(ROOT, fileURLToPath(u)));
}

describe('what a run loads', () => {
  it('--version: nothing but the entry point (bin/fieldvisit.js answers it) and package.json, whose version is version.ts’s', () => {
    // (node:url is the require hook's own.)
    for (const flag of ['--version', '-V']) {
      expect(loaded([flag]).filter((f) => !f.startsWith('node:')).sort()).toEqual([path.join('bin', 'fieldvisit.js'), 'package.json']);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe(VERSION);
    // The entry point is CommonJS, so --version starts no ES module loader.
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'bin', 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
  });

  it('the entry chunk takes Node’s modules with require, not an ES import (which would read every lazy export: node:fs loads the streams)', () => {
    const main = fs.readFileSync(path.join(BUNDLE, 'main.js'), 'utf8');
    expect(main).toMatch(/__require\("node:fs"\)/);
    expect(main.split('\n').filter((l) => /^import .* from ["']node:/.test(l) && !l.includes('createRequire'))).toEqual([]);
  });

  it('a help screen at 80 columns: the entry point and the CommonJS help shortcut, no ES module', () => {
    for (const args of [['--help'], ['report', 'weekly', '-h'], ['--lang', 'zh', 'visit', '--help']]) {
      expect(loaded(args).filter((f) => !f.startsWith('node:')).sort(), args.join(' ')).toEqual([path.join('bin', 'fieldvisit.js'), path.join('dist', 'bundle', 'quick-help.cjs')]);
    }
  });

  it('--help on a database: the configured language from the file header, no library; an unmarked file falls back to the driver', () => {
    const db = sampleDb();
    expect(cli(['config', 'set', 'lang', 'zh'], { db }).code).toBe(0);
    const files = loaded(['report', '--help'], db);
    expect(files.filter((f) => f.includes('node_modules'))).toEqual([]);
    const zh = cli(['report', '--help'], { db });
    expect(zh.stdout).toContain('用法：');
    // A file whose header has no mark (written by an older fieldvisit): the setting is read through the driver.
    const old = new SqliteDatabase(db);
    old.pragma('user_version = 0');
    old.close();
    expect(loaded(['report', '--help'], db).some((f) => /node_modules[\\/]better-sqlite3[\\/]/.test(f))).toBe(true);
    expect(cli(['report', '--help'], { db }).stdout).toBe(zh.stdout);
  });

  it('--help: no library without a database; with one, only the SQLite driver (for the configured language)', () => {
    expect(loaded(['--help']).filter((f) => f.includes('node_modules'))).toEqual([]);
    const withDb = loaded(['report', '--help'], sampleDb());
    expect(withDb.filter((f) => f.includes('node_modules')).every((f) => /node_modules[\\/](better-sqlite3|bindings|file-uri-to-path)[\\/]/.test(f))).toBe(true);
    const bytes = withDb.filter((f) => f.endsWith('.js') && !f.includes('node_modules')).reduce((n, f) => n + fs.statSync(path.join(ROOT, f)).size, 0);
    expect(bytes).toBeLessThan(64 * 1024);
  });

  it('report weekly --json: no table, prompt, spreadsheet or CSV-reading library', () => {
    const files = loaded(['report', 'weekly', '--week', '2026-W47', '--json'], sampleDb({ visits: true }));
    expect(files.filter((f) => /node_modules[\\/](cli-table3|string-width|@inquirer|read-excel-file|write-excel-file|csv-parse|iconv-lite)/.test(f))).toEqual([]);
  });
});
