// The letterhead, run in-process on real database files: config keys, the weekly report's heading and 制表人/审核人/日期 line in text, md, html and JSON.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, runInProcess, sampleDb, snapshot, tmpDir } from '../helpers.js';

const WEEK = ['report', 'weekly', '--week', '2026-W47'];
let db: string;

beforeAll(() => {
  db = sampleDb({ visits: true });
});

function copyOf(file: string): string {
  const to = path.join(tmpDir(), 'copy.db');
  fs.copyFileSync(file, to);
  return to;
}

describe('letterhead settings', () => {
  it('are config keys with bilingual help, listed and refused when empty or multi-line', async () => {
    const d = copyOf(db);
    expect((await runInProcess(['config', 'set', 'institution', '某某县农村信用合作联社'], { db: d })).code).toBe(0);
    expect((await runInProcess(['config', 'get', 'institution'], { db: d })).stdout.trim()).toBe('某某县农村信用合作联社');
    const before = snapshot(d);
    const empty = await runInProcess(['config', 'set', 'branch', '  '], { db: d });
    expect(empty.code).toBe(2);
    expect((await runInProcess(['config', 'set', 'reviewer', 'a\nb'], { db: d })).code).toBe(2);
    expect(snapshot(d)).toBe(before);
    const help = (await runInProcess(['config', 'set', '--help', '--lang', 'zh'], { db: d })).stdout;
    expect(help).toContain('institution（机构名称，印在抬头');
    expect(help).toContain('preparer（制表人，印在周报末尾');
    const unknown = await runInProcess(['config', 'set', 'nope', 'x'], { db: d });
    for (const k of ['institution', 'branch', 'phone', 'address', 'preparer', 'reviewer']) expect(unknown.stderr).toContain(k);
  });
});

describe('weekly report with a letterhead', () => {
  let d: string;
  beforeAll(async () => {
    d = copyOf(db);
    for (const [k, v] of [
      ['institution', '某某县农村信用合作联社'],
      ['branch', '涡水信用社'],
      ['preparer', '张明'],
      ['reviewer', '李主任'],
    ]) {
      const r = await runInProcess(['config', 'set', k!, v!], { db: d });
      if (r.code !== 0) throw new Error(r.stderr);
    }
  });

  it('text: the institution above the title, the sign line at the end (Chinese)', async () => {
    const r = await runInProcess([...WEEK, '--lang', 'zh'], { db: d });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('某某县农村信用合作联社涡水信用社');
    expect(lines[2]).toMatch(/^催收周报 2026-W47/);
    expect(lines.at(-1)).toBe('制表人：张明　审核人：李主任　日期：2026年11月22日');
  });

  it('text in English: Preparer / Reviewer / Date with the date written out', async () => {
    const r = await runInProcess([...WEEK, '--lang', 'en'], { db: d });
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Preparer: 张明    Reviewer: 李主任    Date: 22 November 2026');
    expect(r.stdout.split('\n')[0]).toBe('某某县农村信用合作联社 涡水信用社');
  });

  it('Markdown and HTML carry the heading and the sign line', async () => {
    const md = (await runInProcess([...WEEK, '--format', 'md', '--lang', 'zh'], { db: d })).stdout;
    expect(md.startsWith('**某某县农村信用合作联社涡水信用社**\n\n# 催收周报')).toBe(true);
    expect(md.trimEnd().endsWith('制表人：张明　审核人：李主任　日期：2026年11月22日')).toBe(true);
    const out = path.join(tmpDir(), '周报.html');
    expect((await runInProcess([...WEEK, '--out', out, '--lang', 'zh'], { db: d })).code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toMatch(/<body>\n<p class="letterhead">某某县农村信用合作联社涡水信用社<\/p>\n<h1>/);
    expect(html).toMatch(/<p class="sign">制表人：张明　审核人：李主任　日期：2026年11月22日<\/p>\n<\/body>/);
  });

  it('JSON gains a letterhead object with every key', async () => {
    const j = json(await runInProcess([...WEEK, '--json'], { db: d }));
    expect(j.letterhead).toEqual({
      institution: '某某县农村信用合作联社',
      branch: '涡水信用社',
      phone: null,
      address: null,
      preparer: '张明',
      reviewer: '李主任',
      prepared_on: '2026-11-22',
    });
    // The rest of the report is what it is without a letterhead.
    const plain = json(await runInProcess([...WEEK, '--json'], { db }));
    expect(plain.letterhead).toMatchObject({ institution: null, branch: null, preparer: null, reviewer: null });
    expect({ ...j, letterhead: null }).toEqual({ ...plain, letterhead: null });
  });

  it('an unset preparer or reviewer leaves a blank to sign by hand; no institution, no heading', async () => {
    const e = copyOf(d);
    expect((await runInProcess(['config', 'unset', 'reviewer'], { db: e })).code).toBe(0);
    expect((await runInProcess(['config', 'unset', 'institution'], { db: e })).code).toBe(0);
    expect((await runInProcess(['config', 'unset', 'branch'], { db: e })).code).toBe(0);
    const r = await runInProcess([...WEEK, '--lang', 'zh'], { db: e });
    expect(r.stdout.split('\n')[0]).toMatch(/^催收周报/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('制表人：张明　审核人：__________　日期：2026年11月22日');
  });

  it('CSV stays machine data: no letterhead in it', async () => {
    const csv = (await runInProcess([...WEEK, '--csv'], { db: d })).stdout;
    expect(csv).not.toMatch(/某某县|制表人|Preparer/);
  });
});
