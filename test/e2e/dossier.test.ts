// The legal file of one loan (证据目录): its content as JSON, and the printable page rendered by headless Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, json, sampleDb, tmpDir } from '../helpers.js';
import { countColour, decodePng, solidPng } from '../png.js';
import { CHROMIUM, runChromium } from '../browser.js';

if (!CHROMIUM) console.warn('dossier browser check skipped: Chromium not found (install Debian’s chromium package, or set CHROMIUM=/path/to/chromium).');

function printToPdf(html: string, pdf: string): void {
  runChromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(html).href]);
}

let db: string;
const dir = tmpDir('fv-dossier-');
beforeAll(() => {
  db = sampleDb({ visits: true });
  const ok = (a: string[]) => expect(cli(a, { db }).code).toBe(0);
  ok(['config', 'set', 'institution', '某某县农村信用合作联社']);
  ok(['visit', 'log', '--loan', 'WS-2022-0029', '--officer', '张明', '--channel', 'message', '--outcome', 'demand', '--to', '13900001234', '--delivered-on', '2026-11-21', '--date', '2026-11-21']);
  ok(['loan', 'legal', 'WS-2022-0029', '--stage', 'referred', '--date', '2026-11-22']);
  ok(['cost', 'add', '--loan', 'WS-2022-0029', '--kind', 'travel', '--amount', '35.50', '--date', '2026-11-20', '--officer', '张明']);
  ok(['cost', 'add', '--loan', 'WS-2022-0029', '--kind', 'postage', '--amount', '12', '--date', '2026-11-21', '--officer', '张明']);
  // A photo of the signed receipt (a solid colour no other part of the page uses), attached to a field visit.
  fs.writeFileSync(path.join(dir, 'receipt.png'), solidPng(120, 90, RECEIPT));
  ok(['visit', 'log', '--loan', 'WS-2022-0029', '--officer', '张明', '--outcome', 'notice-signed', '--date', '2026-11-22', '--attach', path.join(dir, 'receipt.png')]);
  fs.writeFileSync(path.join(dir, 'call.amr'), Buffer.concat([Buffer.from('#!AMR\n', 'latin1'), Buffer.alloc(64, 0x3c)]));
  ok(['visit', 'log', '--loan', 'WS-2022-0029', '--officer', '张明', '--channel', 'phone', '--outcome', 'intent', '--promise-amount', '100', '--promise-date', '2026-12-05', '--date', '2026-11-22', '--attach', path.join(dir, 'call.amr')]);
});

const RECEIPT = '#c81e64';

function screenshot(html: string, png: string): void {
  runChromium(['--window-size=900,6000', `--screenshot=${png}`, pathToFileURL(html).href]);
}

describe('loan dossier', () => {
  it('JSON: parties masked unless --unmask, balance history, the chain, and numbered evidence with what each proves', () => {
    const d = json(cli(['loan', 'dossier', 'WS-2022-0029', '--json'], { db }));
    expect(d.loan.loan_no).toBe('WS-2022-0029');
    expect(d.borrower.id_number).toMatch(/\*{4,}/);
    expect(json(cli(['loan', 'dossier', 'WS-2022-0029', '--json', '--unmask'], { db })).borrower.id_number).not.toMatch(/\*/);
    expect(d.balance.statements[0]).toMatchObject({ as_of: '2026-11-13' });
    expect(d.clock.steps.length).toBeGreaterThan(2);
    expect(d.evidence.map((e: { no: number }) => e.no)).toEqual(d.evidence.map((_: unknown, i: number) => i + 1));
    const byKind = (k: string) => d.evidence.filter((e: { kind: string }) => e.kind === k);
    expect(byKind('contact').find((e: { channel: string }) => e.channel === 'message')).toMatchObject({ date: '2026-11-21', proves: 'demand-delivered' });
    expect(byKind('contact').find((e: { channel: string; proves: string }) => e.channel === 'visit' && e.proves === 'agreement-to-pay')).toBeTruthy();
    expect(byKind('legal')[0]).toMatchObject({ date: '2026-11-22' });
    expect(d.guarantor_clock).toMatchObject({ guarantor: '房石山', state: 'released' });
    expect(d.costs.total_fen).toBe(4750);
    expect(d.costs.items.map((c: { kind: string }) => c.kind)).toEqual(['travel', 'postage']);
  });

  // What the page says needs no browser: checked wherever the tests run.
  it('the printable page is self-contained, with the institution, the evidence list, the articles, the photo and the recording', () => {
    const html = path.join(dir, 'dossier.html');
    expect(cli(['loan', 'dossier', 'WS-2022-0029', '--out', html, '--lang', 'zh'], { db }).code).toBe(0);
    const page = fs.readFileSync(html, 'utf8');
    expect(page).not.toMatch(/<script|https?:\/\//);
    expect(page).toContain('某某县农村信用合作联社');
    expect(page).toContain('证据目录');
    expect(page).toContain('《民法典》第195条');
    const photo = path.join(dir, 'photo.html');
    expect(cli(['loan', 'dossier', 'WS-2022-0029', '--out', photo], { db }).code).toBe(0);
    const photoPage = fs.readFileSync(photo, 'utf8');
    expect(photoPage).toMatch(/<img src="data:image\/png;base64,/);
    const d = json(cli(['loan', 'dossier', 'WS-2022-0029', '--json'], { db }));
    const amr = d.evidence.flatMap((e: { attachments: { type: string; sha256: string }[] }) => e.attachments).find((a: { type: string }) => a.type === 'audio/amr');
    expect(amr).toBeTruthy();
    expect(photoPage).toContain(amr.sha256);
    // The call's promise has its recording attached: it counts as an agreement to pay.
    expect(d.evidence.find((e: { channel: string }) => e.channel === 'phone')).toMatchObject({ proves: 'agreement-to-pay' });
  });

  it.skipIf(!CHROMIUM)('the printable page renders in Chromium: A4 pages with the parties, the chain and the evidence', () => {
    const html = path.join(dir, 'dossier-print.html');
    expect(cli(['loan', 'dossier', 'WS-2022-0029', '--out', html, '--lang', 'zh'], { db }).code).toBe(0);
    const pdf = path.join(dir, 'dossier.pdf');
    printToPdf(html, pdf);
    const bytes = fs.readFileSync(pdf).toString('latin1');
    const pages = (bytes.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(4);
    expect(bytes).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12]/); // A4 in points (595 x 842)
  });

  it.skipIf(!CHROMIUM)('the browser paints the embedded photo of the receipt', () => {
    const html = path.join(dir, 'photo-print.html');
    expect(cli(['loan', 'dossier', 'WS-2022-0029', '--out', html], { db }).code).toBe(0);
    const png = path.join(dir, 'photo.png');
    screenshot(html, png);
    const img = decodePng(fs.readFileSync(png));
    // 120 x 90 at most, scaled: the receipt's colour covers thousands of pixels.
    expect(countColour(img, RECEIPT)).toBeGreaterThan(3000);
  });
});
