// --csv of the list commands (place, borrower find, visit, promise, notice): parsed back and checked against --json of the same command.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, sampleDb, tmpDir } from '../helpers.js';
import { csvCell, toCsv } from '../../src/format/csv.js';

let db: string;
beforeAll(async () => {
  db = path.join(tmpDir(), 'list-csv.db');
  fs.copyFileSync(sampleDb({ visits: true }), db);
  // One notice from the register (the sample's visits only sign external ones) and a note a spreadsheet would run.
  expect((await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan'], { db })).code).toBe(0);
  const log = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0002', '--officer', '张明', '--outcome', 'note', '--note', '=HYPERLINK("http://x")'], { db });
  expect(log.code, log.stderr).toBe(0);
});

async function both(args: string[]): Promise<{ json: Record<string, unknown>[]; header: string[]; rows: Record<string, string>[]; raw: string }> {
  const j = await runInProcess([...args, '--json'], { db });
  expect(j.code, j.stderr).toBe(0);
  const c = await runInProcess([...args, '--csv'], { db });
  expect(c.code, c.stderr).toBe(0);
  expect(c.stderr).toBe('');
  expect(c.stdout.startsWith('\ufeff')).toBe(true);
  expect(c.stdout).toContain('\r\n');
  expect(c.stdout).not.toMatch(/\u001b\[/); // no colour
  const records = parse(c.stdout, { bom: true, record_delimiter: ['\r\n', '\n'] }) as string[][];
  const header = records[0]!;
  const rows = records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
  return { json: JSON.parse(j.stdout), header, rows, raw: c.stdout };
}

const yuan = (fen: unknown) => (fen === null ? '' : ((fen as number) / 100).toFixed(2));
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

describe('--csv of the list commands', () => {
  it('place list: the JSON rows, amounts in yuan', async () => {
    const { json, header, rows } = await both(['place', 'list']);
    expect(header).toEqual(['township', 'area', 'village', 'group', 'merged_into', 'merged_on', 'households', 'loans', 'principal', 'interest']);
    expect(rows.length).toBe(json.length);
    expect(rows.length).toBeGreaterThan(3);
    json.forEach((p, i) => {
      expect(rows[i]!.township).toBe(p.township);
      expect(rows[i]!.village).toBe(p.village);
      expect(rows[i]!.group).toBe(str(p.group));
      expect(rows[i]!.merged_into).toBe(str(p.merged_into));
      expect(rows[i]!.households).toBe(String(p.households));
      expect(rows[i]!.principal).toBe(yuan(p.principal_fen));
      expect(rows[i]!.interest).toBe(yuan(p.interest_fen));
    });
    expect(rows.some((r) => r.merged_into === '涡水村委')).toBe(true);
  });

  it('borrower find: masked ID numbers and phones unless --unmask, as in JSON', async () => {
    const { json, header, rows } = await both(['borrower', 'find', '房']);
    expect(header).toEqual(['borrower_id', 'name', 'id_number', 'phone', 'township', 'area', 'village', 'group', 'household_id', 'household_head', 'status', 'loans', 'principal', 'interest']);
    expect(rows.length).toBe(json.length);
    expect(rows.length).toBeGreaterThan(1);
    json.forEach((b, i) => {
      expect(rows[i]!.borrower_id).toBe(String(b.borrower_id));
      expect(rows[i]!.name).toBe(b.name);
      expect(rows[i]!.id_number).toBe(str(b.id_number));
      expect(rows[i]!.phone).toBe(str(b.phone));
      expect(rows[i]!.principal).toBe(yuan(b.principal_fen));
    });
    const six = rows.find((r) => r.name === '房六贵')!;
    expect(six.id_number).toBe('4511**********5690');
    expect(six.phone).toBe('139****0001');
    const open = await both(['borrower', 'find', '房六贵', '--unmask']);
    expect(open.rows[0]!.id_number).toBe('451123197702145690');
    expect(open.rows[0]!.id_number).toBe(open.json[0]!.id_number);
  });

  it('visit list: one row per outcome, the visit repeated, amounts in yuan; a formula is defused', async () => {
    const { json, header, rows } = await both(['visit', 'list']);
    expect(header.slice(0, 12)).toEqual(['visit_id', 'uid', 'visit_date', 'officer', 'household_id', 'borrower_id', 'borrower', 'township', 'village', 'group', 'outcome', 'loan_no']);
    expect(header).toEqual(expect.arrayContaining(['principal', 'interest', 'promise_amount', 'promise_date', 'note', 'escalate', 'void_reason']));
    type V = { visit_id: number; visit_date: string; borrower: string; outcomes: { kind: string; loan_no: string | null; principal_fen: number | null; promise_amount_fen: number | null }[] };
    const visits = json as unknown as V[];
    const flat = visits.flatMap((v) => v.outcomes.map((o) => ({ v, o })));
    expect(rows.length).toBe(flat.length);
    flat.forEach(({ v, o }, i) => {
      expect(rows[i]!.visit_id).toBe(String(v.visit_id));
      expect(rows[i]!.visit_date).toBe(v.visit_date);
      expect(rows[i]!.borrower).toBe(v.borrower);
      expect(rows[i]!.outcome).toBe(o.kind);
      expect(rows[i]!.loan_no).toBe(str(o.loan_no));
      expect(rows[i]!.principal).toBe(yuan(o.principal_fen));
      expect(rows[i]!.promise_amount).toBe(yuan(o.promise_amount_fen));
    });
    expect(rows.some((r) => r.outcome === 'cash' && /^\d+\.\d\d$/.test(r.principal!))).toBe(true);
    expect(rows.find((r) => r.note?.includes('HYPERLINK'))!.note).toBe(`'=HYPERLINK("http://x")`);
  });

  it('promise list: the JSON rows, amounts in yuan', async () => {
    const { json, header, rows } = await both(['promise', 'list']);
    expect(header).toEqual(['visit_id', 'visit_date', 'officer', 'borrower_id', 'borrower', 'township', 'village', 'group', 'loan_no', 'amount', 'promise_date', 'paid_by_date', 'paid_since', 'status', 'broken_count']);
    expect(rows.length).toBe(json.length);
    expect(rows.length).toBeGreaterThan(0);
    json.forEach((p, i) => {
      expect(rows[i]!.borrower).toBe(p.borrower);
      expect(rows[i]!.amount).toBe(yuan(p.amount_fen));
      expect(rows[i]!.promise_date).toBe(p.promise_date);
      expect(rows[i]!.paid_by_date).toBe(yuan(p.paid_by_date_fen));
      expect(rows[i]!.status).toBe(p.status);
      expect(rows[i]!.broken_count).toBe(String(p.broken_count));
    });
  });

  it('notice list: the JSON rows, amounts in yuan, external as true/false', async () => {
    const { json, header, rows } = await both(['notice', 'list']);
    expect(header).toEqual(['notice_no', 'type', 'issued_on', 'external', 'loan_no', 'borrower_id', 'borrower', 'township', 'village', 'principal', 'interest', 'signed_on', 'signed_by', 'relation', 'signed_visit_id', 'status', 'pay_by', 'voided_at', 'void_reason']);
    expect(rows.length).toBe(json.length);
    json.forEach((n, i) => {
      expect(rows[i]!.notice_no).toBe(n.notice_no);
      expect(rows[i]!.external).toBe(String(n.external));
      expect(rows[i]!.principal).toBe(yuan(n.principal_fen));
      expect(rows[i]!.status).toBe(n.status);
    });
    expect(rows.find((r) => r.notice_no === '涡水镇-2026-0001')).toMatchObject({ loan_no: 'WS-2022-0001', status: 'outstanding', principal: '1500.00' });
  });

  it.each([['place', 'list'], ['borrower', 'find', '房'], ['visit', 'list'], ['promise', 'list'], ['notice', 'list']])('%s %s: --json with --csv is a usage error', async (...args) => {
    const r = await runInProcess([...args, '--json', '--csv'], { db });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--json or --csv, not both/);
  });
});

describe('csvCell', () => {
  it('defuses formulas, keeps numbers and plain negative amounts', () => {
    expect(['=1+1', '+1 555', '-x', '@SUM(A1)', '\tx'].map(csvCell)).toEqual(["'=1+1", "'+1 555", "'-x", "'@SUM(A1)", "'\tx"]);
    expect([-12.5, '-12.50', '+86', '-', 'ok', null, undefined, true, false].map(csvCell)).toEqual([-12.5, '-12.50', '+86', '-', 'ok', '', '', 'true', 'false']);
    expect(toCsv(['a', 'b'], [['line\nbreak', 1]])).toBe('\ufeffa,b\r\n"line\nbreak",1\r\n');
  });
});
