// CSV header rows: machine names by default whatever the language, Chinese with --headers zh, on every command that writes CSV.
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, sampleDb } from '../helpers.js';

let db: string;
beforeAll(() => {
  db = sampleDb({ visits: true });
});

const header = (csv: string) => csv.replace(/^\ufeff/, '').split('\r\n')[0]!;

describe('--headers', () => {
  const cases = [
    ['report', 'weekly', '--week', '2026-W47'],
    ['report', 'limitation'],
    ['report', 'aging'],
    ['report', 'officers', '--month', '2026-11'],
    ['agenda'],
    ['place', 'list'],
    ['borrower', 'find', '房'],
    ['visit', 'list'],
    ['promise', 'list'],
    ['notice', 'list'],
    ['reconcile'],
    ['report', 'costs'],
    ['report', 'legal'],
    ['cost', 'list'],
  ];
  for (const args of cases) {
    it(`${args.slice(0, 2).join(' ')}: English names by default in both languages, Chinese with --headers zh, same rows`, async () => {
      const en = await runInProcess([...args, '--csv'], { db, lang: 'en' });
      const zhLang = await runInProcess([...args, '--csv', '--lang', 'zh'], { db, lang: 'zh' });
      expect(en.code, en.stderr).toBe(0);
      // The agenda's reasons column is written in the person's language; every header stays the same.
      expect(header(zhLang.stdout)).toBe(header(en.stdout));
      if (args[0] !== 'agenda') expect(zhLang.stdout).toBe(en.stdout);
      expect(header(en.stdout)).toMatch(/^[a-z_,]+$/);
      const zh = await runInProcess([...args, '--csv', '--headers', 'zh'], { db });
      expect(zh.code, zh.stderr).toBe(0);
      const cols = header(zh.stdout).split(',');
      expect(cols.length).toBe(header(en.stdout).split(',').length);
      for (const c of cols) expect(c, `untranslated column in ${args.join(' ')}`).toMatch(/[\u4e00-\u9fff]/);
      expect(new Set(cols).size, `two columns with one Chinese name in ${args.join(' ')}: ${cols.join(',')}`).toBe(cols.length);
      expect(zh.stdout.split('\r\n').slice(1)).toEqual(en.stdout.split('\r\n').slice(1));
    });
  }

  it('the weekly CSV in Chinese reads as the office expects', async () => {
    const r = await runInProcess(['report', 'weekly', '--week', '2026-W47', '--csv', '--headers', 'zh'], { db });
    expect(header(r.stdout)).toBe(
      '起始日期,结束日期,周次,乡镇,片区,村委,户数,已走访户数,已签回,未签回,未送达,现金收回户数,现金收回笔数,收回本金,收回利息,还款意向户数,意向贷款本金,已丧失诉讼时效,尚未入账',
    );
  });

  it('--headers with a format other than CSV is refused, not ignored', async () => {
    for (const args of [['place', 'list', '--json', '--headers', 'zh'], ['report', 'weekly', '--week', '2026-W47', '--format', 'md', '--headers', 'zh']]) {
      const r = await runInProcess(args, { db });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--headers .*CSV/);
      expect(r.stdout).toBe('');
    }
    const out = await runInProcess(['place', 'list', '--headers', 'zh', '--out', 'x.xlsx'], { db, lang: 'zh' });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--headers 只用于 CSV 输出');
  });

  it('--headers takes only en or zh', async () => {
    const r = await runInProcess(['place', 'list', '--csv', '--headers', 'fr'], { db });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--headers');
  });
});
