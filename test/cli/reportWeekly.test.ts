// `report weekly` in-process: golden output for every format and language, flags, --out, errors, help.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, sampleDb, tmpDir } from '../helpers.js';
import { goldenIn } from '../golden.js';

const BASE = ['report', 'weekly', '--week', '2026-W47', '--next', '香坪镇'];
let db: string;

beforeAll(() => {
  db = sampleDb({ visits: true });
});

const compareGolden = goldenIn('weekly', 'test/cli/reportWeekly.test.ts');
/** Global record ids (UUIDv7, or the v8 ids imported visits derive from their visit_id) are masked; everything else must match byte for byte. */
const golden = (name: string, raw: string) => compareGolden(name, raw.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[78][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g, '<uuid>'));

describe('report weekly golden output', () => {
  const cases: [string, string[], 'zh' | 'en'][] = [
    ['text.zh.txt', ['--format', 'text'], 'zh'],
    ['text.en.txt', ['--format', 'text'], 'en'],
    ['report.zh.md', ['--format', 'md'], 'zh'],
    ['report.en.md', ['--format', 'md'], 'en'],
    ['report.json', ['--format', 'json'], 'en'],
    ['report.csv', ['--format', 'csv'], 'en'],
    ['report.zh.html', ['--format', 'html'], 'zh'],
    ['report.en.html', ['--format', 'html'], 'en'],
  ];
  for (const [name, flags, lang] of cases) {
    it(name, async () => {
      const r = await runInProcess([...BASE, ...flags, '--lang', lang], { db, lang });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      golden(name, r.stdout);
    });
  }

  it('JSON and CSV do not depend on the language', async () => {
    for (const f of ['json', 'csv']) {
      const zh = await runInProcess([...BASE, '--format', f, '--lang', 'zh'], { db, lang: 'zh' });
      const en = await runInProcess([...BASE, '--format', f, '--lang', 'en'], { db, lang: 'en' });
      expect(zh.stdout).toBe(en.stdout);
    }
  });
});

describe('report weekly content', () => {
  it('says what the source summary says, in Chinese', async () => {
    const r = await runInProcess([...BASE, '--lang', 'zh'], { db, lang: 'zh' });
    const s = r.stdout;
    for (const want of [
      '涡水镇',
      '马头冲村委、黄家冲村委、涡水村委',
      '共有6个村委会，人口7800人，林业为主，农业为辅',
      '借款农户19户，已签回催收通知书13户',
      '本金600.00元，利息500.00元',
      '达成还款意向4户，分别是房六贵、房生二企、房买些社二企、沈双郎，借款本金4,600.00元',
      '未签回通知书4户：外出务工1户（广州）',
      '已丧失诉讼时效2户（沈二、盘瑶角二）',
      '现金收回3户3笔（房伟利、房军海、房志勇），金额共1,550.00元，其中本金1,250.00元，利息300.00元',
      '达成还款意向1户，是内田村委内新村的房石头，借款本金2,300.00元',
      '涡水村委 良东二组（原黄家村村委）',
      '大龙村委 大龙组',
      '11月25日（周三） 房生二企 400.00元',
      '下周走访乡镇：香坪镇',
      '借款农户 19 = 已签回 13 + 未签回 4 + 本周未送达 2 ✓',
    ]) {
      expect(s).toContain(want);
    }
    expect(s).not.toMatch(/\u001b\[/);
  });

  it('--lang en prints every label in English; names stay as written', async () => {
    const r = await runInProcess([...BASE, '--lang', 'en'], { db, lang: 'en' });
    expect(r.stdout).toContain('涡水镇: households 19 = signed 13 + not signed 4 + not reached this week 2 ✓');
    // Chinese left in the output is names and recorded text only, never a label.
    const prose = r.stdout.split('\n').filter((l) => !l.includes('黄家冲良东二组') && !l.includes('专用账户')).join('\n');
    for (const label of ['催收', '走访', '合计', '小计', '已签回', '下周', '户', '元']) expect(prose).not.toContain(label);
  });

  it('JSON carries the contract names and the figures', async () => {
    const r = await runInProcess([...BASE, '--json'], { db });
    const j = JSON.parse(r.stdout);
    expect(j.week).toEqual({ start: '2026-11-16', end: '2026-11-22', iso: '2026-W47' });
    const [t, a] = j.sections;
    expect(t).toMatchObject({
      township: '涡水镇',
      area: null,
      villages_visited: ['马头冲村委', '黄家冲村委', '涡水村委'],
      households: 19,
      notice_signed: { households: 13 },
      not_signed: { households: 4, reasons: { away: 1, refused: 2, 'not-found': 1, deceased: 0, other: 0 } },
      cash: { households: 2, payments: 2, principal_fen: 60000, interest_fen: 50000 },
      intent: { households: 4, borrowers: ['房六贵', '房生二企', '房买些社二企', '沈双郎'], principal_fen: 460000 },
      statute_expired: { households: 2, borrowers: ['沈二', '盘瑶角二'] },
      not_reached: { households: 2 },
      matters: [{ village: '涡水村委', group: '良东二组', former_village: '黄家村村委' }],
    });
    expect(a).toMatchObject({ area: '金坑片区', cash: { payments: 3, principal_fen: 125000, interest_fen: 30000 }, intent: { borrowers: ['房石头'], principal_fen: 230000 } });
    expect(a.matters[0]).toMatchObject({ village: '大龙村委', group: '大龙组' });
    expect(j.totals).toMatchObject({ households: 26, notice_signed: { households: 14 } });
    expect(j.next_week.township).toBe('香坪镇');
    expect(j.next_week.promises_due.map((p: any) => [p.borrower, p.amount_fen, p.due_date])).toEqual([
      ['房生二企', 40000, '2026-11-25'],
      ['房石头', 80000, '2026-11-26'],
      ['房六贵', 50000, '2026-11-27'],
      ['沈双郎', 90000, '2026-11-28'],
    ]);
    expect(t.notice_signed.trace).toBeUndefined();
  });

  it('--trace lists the households and visits behind every counter', async () => {
    const r = await runInProcess([...BASE, '--json', '--trace'], { db });
    const t = JSON.parse(r.stdout).sections[0];
    expect(t.notice_signed.trace.household_ids).toHaveLength(13);
    expect(t.notice_signed.trace.visit_ids).toHaveLength(13);
    expect(t.households_trace.household_ids).toHaveLength(19);
    expect(t.not_reached.trace.household_ids).toHaveLength(2);
    expect(t.cash.trace.visit_ids).toHaveLength(2);
    expect(t.villages[0].intent.trace.household_ids).toHaveLength(3);
  });

  it('without --next the next township is blank', async () => {
    const r = await runInProcess(['report', 'weekly', '--week', '2026-W47', '--json'], { db });
    expect(JSON.parse(r.stdout).next_week.township).toBeNull();
    const t = await runInProcess(['report', 'weekly', '--week', '2026-W47', '--lang', 'zh'], { db, lang: 'zh' });
    expect(t.stdout).toContain('下周走访乡镇：（待定）');
  });

  it('defaults to the current ISO week (today is Sunday 2026-11-22)', async () => {
    const r = await runInProcess(['report', 'weekly', '--json'], { db });
    expect(JSON.parse(r.stdout).week.iso).toBe('2026-W47');
  });

  it('--from/--to take any range; the week iso is null unless it is exactly one ISO week', async () => {
    const r = await runInProcess(['report', 'weekly', '--from', '2026-11-16', '--to', '2026-11-18', '--json'], { db });
    const j = JSON.parse(r.stdout);
    expect(j.week).toEqual({ start: '2026-11-16', end: '2026-11-18', iso: null });
    expect(j.sections.map((s: any) => s.area)).toEqual([null]);
    expect(j.next_week).toMatchObject({ start: '2026-11-19', end: '2026-11-25' });
  });

  it('--township and --officer narrow the report', async () => {
    const r = await runInProcess([...BASE, '--json', '--officer', '李华'], { db });
    expect(JSON.parse(r.stdout).sections.map((s: any) => s.area)).toEqual(['金坑片区']);
    const x = await runInProcess([...BASE, '--json', '--township', '香坪镇'], { db });
    expect(x.code).toBe(0);
    expect(JSON.parse(x.stdout).sections).toEqual([]);
    expect(x.stderr).toMatch(/No visits/);
  });

  it('the language comes from config when --lang is absent', async () => {
    const f = path.join(tmpDir(), 'lang.db');
    fs.copyFileSync(db, f);
    expect((await runInProcess(['config', 'set', 'lang', 'zh'], { db: f })).code).toBe(0);
    const r = await runInProcess(['report', 'weekly', '--week', '2026-W47'], { db: f, lang: 'en' });
    expect(r.stdout).toContain('一、走访情况');
  });

  it('--out infers the format from the extension and writes UTF-8 (CSV with a BOM)', async () => {
    const dir = tmpDir();
    for (const [file, check] of [
      ['w.json', (s: string) => expect(JSON.parse(s).week.iso).toBe('2026-W47')],
      ['w.csv', (s: string) => expect(s.startsWith('\uFEFFweek_start,')).toBe(true)],
      ['w.md', (s: string) => expect(s.startsWith('# ')).toBe(true)],
      ['w.html', (s: string) => expect(s.startsWith('<!DOCTYPE html>')).toBe(true)],
      ['w.txt', (s: string) => expect(s).toContain('Weekly collection report')],
    ] as const) {
      const out = path.join(dir, file);
      const r = await runInProcess([...BASE, '--out', out], { db });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(out);
      check(fs.readFileSync(out, 'utf8'));
    }
    const same = await runInProcess([...BASE, '--out', path.join(dir, 'x.json'), '--format', 'md'], { db });
    expect(fs.readFileSync(path.join(dir, 'x.json'), 'utf8').startsWith('# ')).toBe(true);
    expect(same.code).toBe(0);
  });

  it('refuses bad flags with exit 2 and says what to do', async () => {
    for (const args of [
      ['--week', '2026-W60'],
      ['--week', '2026-W47', '--from', '2026-11-16', '--to', '2026-11-20'],
      ['--from', '2026-11-16'],
      ['--from', '2026-11-20', '--to', '2026-11-16'],
      ['--format', 'pdf'],
      ['--out', 'report.docx'],
    ]) {
      const r = await runInProcess(['report', 'weekly', ...args], { db });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--(week|from|to|format)/);
    }
    const unknown = await runInProcess(['report', 'weekly', '--township', '不存在镇'], { db });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('涡水镇');
  });

  it('colours text only when asked (a terminal); never in JSON', async () => {
    const { run } = await import('../../src/cli/main.js');
    let out = '';
    const base = (await runInProcess(['--version'], { db })).ctx;
    const ctx = { ...base, stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, color: true, lang: 'en' as const };
    expect(await run([...BASE], ctx)).toBe(0);
    expect(out).toMatch(/\u001b\[/);
    out = '';
    expect(await run([...BASE, '--json'], { ...ctx })).toBe(0);
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('every report command has a description and an example', async () => {
    for (const args of [['report', '--help'], ['report', 'weekly', '--help']]) {
      for (const lang of ['zh', 'en'] as const) {
        const r = await runInProcess([...args, '--lang', lang], { db, lang });
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(lang === 'zh' ? /示例：\n  \$ fieldvisit report/ : /Examples:\n  \$ fieldvisit report/);
      }
    }
  });
});
