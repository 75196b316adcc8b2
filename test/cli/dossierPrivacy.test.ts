// The dossier masks an attachment's file name like the parties (digit runs: a photo may be named after an ID number or
// a phone), in JSON, the printable page and the workbook, unless --unmask.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, sampleDb, succeeded, tmpDir } from '../helpers.js';
import { solidPng } from '../png.js';
import { readWorkbook } from '../xlsxDump.js';

const ID = '430105198001011234';
let db: string;
let dir: string;

beforeAll(async () => {
  dir = tmpDir('fv-dossier-names-');
  db = path.join(dir, 'd.db');
  fs.copyFileSync(sampleDb({ visits: true }), db);
  const photo = path.join(dir, `身份证${ID}.png`);
  fs.writeFileSync(photo, solidPng(8, 8, '#336699'));
  const args = ['visit', 'log', '--loan', 'WS-2022-0029', '--officer', '张明', '--outcome', 'notice-signed', '--date', '2026-11-22', '--attach', photo];
  succeeded(args, await runInProcess(args, { db }));
});

const names = (d: { evidence: { attachments: { name: string }[] }[] }) => d.evidence.flatMap((e) => e.attachments.map((a) => a.name));

describe('loan dossier attachment names', () => {
  it('JSON: masked, and whole with --unmask', async () => {
    const masked = JSON.parse(succeeded([], await runInProcess(['loan', 'dossier', 'WS-2022-0029', '--json'], { db })).stdout);
    expect(names(masked).length).toBeGreaterThan(0);
    for (const n of names(masked)) expect(n).not.toContain(ID);
    expect(names(masked).some((n) => n.startsWith('身份证') && n.endsWith('.png'))).toBe(true);
    const whole = JSON.parse(succeeded([], await runInProcess(['loan', 'dossier', 'WS-2022-0029', '--json', '--unmask'], { db })).stdout);
    expect(names(whole)).toContain(`身份证${ID}.png`);
  });

  it('the printable page and the workbook: masked', async () => {
    const html = path.join(dir, 'd.html');
    succeeded([], await runInProcess(['loan', 'dossier', 'WS-2022-0029', '--out', html], { db }));
    const page = fs.readFileSync(html, 'utf8');
    expect(page).toContain('身份证');
    expect(page).not.toContain(ID);
    const xlsx = path.join(dir, 'd.xlsx');
    succeeded([], await runInProcess(['loan', 'dossier', 'WS-2022-0029', '--out', xlsx], { db }));
    const book = JSON.stringify(await readWorkbook(fs.readFileSync(xlsx)));
    expect(book).toContain('身份证');
    expect(book).not.toContain(ID);
  });
});
