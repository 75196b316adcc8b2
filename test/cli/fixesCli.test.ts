// Review fixes: read-only commands on a missing file, the configured language before the database opens, option checks, output files.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SqliteDatabase as Database } from '../../src/db/driver.js';
import { query, runInProcess, sampleDb, tmpDir } from '../helpers.js';

let db: string;
beforeAll(() => {
  db = path.join(tmpDir(), 'fixes.db');
  fs.copyFileSync(sampleDb({ visits: true }), db);
});

describe('read-only commands never create a database', () => {
  const cases = [
    ['report', 'aging'],
    ['info'],
    ['config', 'list'],
    ['place', 'list'],
    ['borrower', 'find', '房'],
    ['visit', 'list'],
    ['agenda'],
    ['report', 'limitation'],
    ['notice', 'list'],
    ['merge', '--conflicts'],
  ];
  for (const args of cases) {
    it(`${args.join(' ')} on a mistyped --db: exit 1, says what to do, no file`, async () => {
      const typo = path.join(tmpDir(), 'typo.db');
      const r = await runInProcess(['--db', typo, ...args]);
      expect(r.code, r.stdout).toBe(1);
      expect(r.stderr).toContain('does not exist');
      expect(r.stderr).toContain('import a roster first');
      expect(r.stderr).toContain('FIELDVISIT_DB');
      expect(fs.existsSync(typo)).toBe(false);
    });
  }
});

describe('config set lang applies before the database opens', () => {
  let zhDb: string;
  beforeAll(async () => {
    zhDb = path.join(tmpDir(), 'zh.db');
    fs.copyFileSync(db, zhDb);
    expect((await runInProcess(['config', 'set', 'lang', 'zh'], { db: zhDb })).code).toBe(0);
  });

  it('a usage error is in Chinese', async () => {
    const r = await runInProcess(['place', 'list', '--bogus'], { db: zhDb });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知选项 --bogus');
  });

  it('--help is in Chinese, with --db given as a flag too', async () => {
    const r = await runInProcess(['--db', zhDb, 'place', 'list', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('示例：');
  });

  it('--lang en still wins', async () => {
    const r = await runInProcess(['--lang', 'en', 'place', 'list', '--bogus'], { db: zhDb });
    expect(r.stderr).toContain("unknown option '--bogus'");
    expect(r.stderr).not.toMatch(/未知/);
  });

  it('a database without the setting keeps the locale language', async () => {
    const r = await runInProcess(['place', 'list', '--bogus'], { db });
    expect(r.stderr).toContain("unknown option '--bogus'");
  });
});

describe('locale language', () => {
  it('falls back to the system locale when LANG, LC_ALL and LC_MESSAGES are unset', async () => {
    const { localeLang } = await import('../../src/cli/lang.js');
    expect(localeLang({}, () => 'zh-CN')).toBe('zh');
    expect(localeLang({}, () => 'en-US')).toBe('en');
    expect(localeLang({ LANG: 'en_US.UTF-8' }, () => 'zh-CN')).toBe('en');
  });
});

describe('whole-number options are checked', () => {
  for (const args of [
    ['borrower', 'find', '房', '--limit', 'abc'],
    ['borrower', 'find', '房', '--limit', '0'],
    ['promise', 'list', '--due-within', 'x'],
    ['place', 'set', '涡水镇', '--population', '-5'],
    ['backup', '--keep', '0'],
  ]) {
    it(`${args.join(' ')} is a usage error`, async () => {
      const r = await runInProcess(args, { db });
      expect(r.code, r.stdout).toBe(2);
      expect(r.stderr).toMatch(/needs a whole number of at least/);
    });
  }
  it('borrower find --limit 1 shows one', async () => {
    const r = await runInProcess(['borrower', 'find', '房', '--limit', '1', '--json'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });
});

describe('report weekly --csv', () => {
  it('is the same as --format csv, with a BOM on stdout, once', async () => {
    const a = await runInProcess(['report', 'weekly', '--week', '2026-W47', '--csv'], { db });
    expect(a.code, a.stderr).toBe(0);
    const b = await runInProcess(['report', 'weekly', '--week', '2026-W47', '--format', 'csv'], { db });
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.startsWith('\ufeffweek_start,')).toBe(true);
    const file = path.join(tmpDir(), 'w.csv');
    expect((await runInProcess(['report', 'weekly', '--week', '2026-W47', '--csv', '--out', file], { db })).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(a.stdout);
  });
  it('--csv with --json is a usage error', async () => {
    const r = await runInProcess(['report', 'weekly', '--csv', '--json'], { db });
    expect(r.code).toBe(2);
  });
});

describe('borrower show with an ID number shared by several borrowers', () => {
  it('refuses and lists the ids, so --json is always one object', async () => {
    const dup = path.join(tmpDir(), 'dup.db');
    fs.copyFileSync(db, dup);
    const [a, b] = query<{ id: number; id_number: string }>(dup, `SELECT id, id_number FROM borrowers WHERE id_number IS NOT NULL ORDER BY id LIMIT 2`);
    const w = new Database(dup);
    w.prepare(`UPDATE borrowers SET id_number = ? WHERE id = ?`).run(a!.id_number, b!.id);
    w.close();
    const r = await runInProcess(['borrower', 'show', a!.id_number, '--json'], { db: dup });
    // Several matches are listed to choose from and exit 1, like a name several borrowers share (issue 12).
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('matches 2 borrowers: choose one by id or loan number');
    expect(r.stderr).toMatch(new RegExp(`#${a!.id} [\\s\\S]*#${b!.id} `));
    expect(r.stderr).not.toContain(a!.id_number);
    const one = await runInProcess(['borrower', 'show', String(a!.id), '--json'], { db: dup });
    expect(one.code, one.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(one.stdout))).toBe(false);
  });
});

describe('--out FILE on lists, reports and the agenda', () => {
  const cases = [
    ['agenda'],
    ['report', 'limitation'],
    ['report', 'aging'],
    ['report', 'officers', '--month', '2026-11'],
    ['place', 'list'],
    ['borrower', 'find', '房'],
    ['visit', 'list'],
    ['promise', 'list'],
    ['notice', 'list'],
  ];
  for (const args of cases) {
    it(`${args.join(' ')} --csv --out writes what --csv prints (one BOM), and .csv alone picks CSV`, async () => {
      const printed = await runInProcess([...args, '--csv'], { db });
      expect(printed.code, printed.stderr).toBe(0);
      const dir = tmpDir();
      const r = await runInProcess([...args, '--csv', '--out', path.join(dir, 'a.csv')], { db });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Wrote ');
      const written = fs.readFileSync(path.join(dir, 'a.csv'), 'utf8');
      expect(written).toBe(printed.stdout);
      expect(written.startsWith('\ufeff') && !written.startsWith('\ufeff\ufeff')).toBe(true);
      expect((await runInProcess([...args, '--out', path.join(dir, 'b.csv')], { db })).code).toBe(0);
      expect(fs.readFileSync(path.join(dir, 'b.csv'), 'utf8')).toBe(printed.stdout);
      expect(fs.readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv']);
    });
  }

  it('a file open in Excel (EPERM) is a data error saying to close it', async () => {
    const { writeOutFile } = await import('../../src/cli/output.js');
    const spy = vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    });
    try {
      const dir = tmpDir();
      const ctx = { cwd: dir } as never;
      expect(() => writeOutFile(ctx, 'x', 'a.csv', true)).toThrow(/close it and run again/);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('Chinese help and commander errors', () => {
  it('help screens have Chinese section titles and help option', async () => {
    for (const args of [['place', 'list', '--help'], ['place', '--help'], ['--help']]) {
      const r = await runInProcess(['--lang', 'zh', ...args]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('用法：');
      expect(r.stdout).toContain('选项：');
      expect(r.stdout).not.toMatch(/display help for command|Usage:|Options:|Commands:/);
    }
  });
  it('English help stays as it was', async () => {
    const r = await runInProcess(['--lang', 'en', 'place', '--help']);
    expect(r.stdout).toContain('Usage:');
    expect(r.stdout).toContain('display help for command');
  });
  it('an invalid choice is one Chinese sentence naming the option, value and choices', async () => {
    const r = await runInProcess(['--lang', 'zh', 'report', 'aging', '--format', 'xml'], { db });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('选项 --format 的值“xml”无效：可选 text、md、json、csv');
    expect(r.stderr).not.toMatch(/argument|Allowed|invalid/);
  });
});

describe('messages that say what to do', () => {
  it('borrower find with no match suggests part of a name or the last digits', async () => {
    const r = await runInProcess(['borrower', 'find', '不存在的人'], { db, lang: 'zh' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('姓名的一部分');
    expect(r.stdout).toContain('后几位');
    const en = await runInProcess(['borrower', 'find', 'nobody-here'], { db });
    expect(en.stdout).toContain('last digits of an ID number or phone');
  });
  it('config list with nothing set says so and lists the known keys', async () => {
    const fresh = path.join(tmpDir(), 'cfg.db');
    fs.copyFileSync(db, fresh);
    const r = await runInProcess(['config', 'list'], { db: fresh });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('No settings are set');
    for (const k of ['officer', 'lang', 'limitation-years', 'visit-quota', 'notice-series']) expect(r.stdout).toContain(k);
    const j = await runInProcess(['config', 'list', '--json'], { db: fresh });
    expect(JSON.parse(j.stdout)).toEqual({});
  });
});
