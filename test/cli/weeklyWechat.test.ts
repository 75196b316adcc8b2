// `report weekly --format wechat` / `--plain`: plain text for WeChat, golden in both languages, short lines, no box drawing or colour.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, sampleDb, tmpDir } from '../helpers.js';
import { goldenIn } from '../golden.js';
import { displayWidth } from '../../src/format/displayWidth.js';

const BASE = ['report', 'weekly', '--week', '2026-W47', '--next', '香坪镇'];
let db: string;

beforeAll(() => {
  db = sampleDb({ visits: true });
});

const golden = goldenIn('weekly', 'test/cli/weeklyWechat.test.ts');

describe('report weekly for WeChat', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`golden (${lang}), every line at most 60 columns, no table borders, no colour`, async () => {
      const r = await runInProcess([...BASE, '--format', 'wechat', '--lang', lang], { db, lang });
      expect(r.code, r.stderr).toBe(0);
      golden(`wechat.${lang}.txt`, r.stdout);
      for (const line of r.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
      expect(r.stdout).not.toMatch(/[\u2500-\u257f]|\u001b\[|\|/);
    });
  }

  it('carries the prose and the key figures per township and area', async () => {
    const r = await runInProcess([...BASE, '--plain', '--lang', 'zh'], { db, lang: 'zh' });
    const s = r.stdout;
    const joined = s.replace(/\n(?![·【\d]|$)/g, '');
    for (const want of ['【涡水镇】', '【金坑片区】', '· 借款农户：19户', '· 已签回：13户；未签回：4户', '· 现金收回：本金600.00元，利息500.00元', '· 还款意向：4户', '· 已丧失诉讼时效：2户', '· 需协调事项：1项', '【下周】', '下周走访乡镇：香坪镇', '借款农户19户，已签回催收通知书13户']) {
      expect(joined).toContain(want);
    }
  });

  it('--plain is --format wechat, and --plain with --json is a usage error', async () => {
    const a = await runInProcess([...BASE, '--plain'], { db });
    const b = await runInProcess([...BASE, '--format', 'wechat'], { db });
    expect(a.stdout).toBe(b.stdout);
    expect((await runInProcess([...BASE, '--plain', '--json'], { db })).code).toBe(2);
    const file = path.join(tmpDir(), 'wechat.txt');
    expect((await runInProcess([...BASE, '--plain', '--out', file], { db })).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(a.stdout);
  });
});
