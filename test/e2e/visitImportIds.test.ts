// One visit_id is one visit: a repeated id with other content is an error naming both lines, never a skipped "duplicate"; and a notice signed before it was issued needs --force.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, json, sampleDb, snapshot, tmpDir, query } from '../helpers.js';

let db: string;
const dir = tmpDir('fv-vid-');
const HEAD = 'visit_id,visit_date,loan_no,officer,outcome,principal_paid,interest_paid';
const write = (name: string, rows: string[]) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, [HEAD, ...rows].join('\n') + '\n');
  return f;
};

beforeAll(() => {
  db = sampleDb();
});

describe('import visits: a visit_id repeated with other content', () => {
  it('in one file: refused, naming both lines; the payment is not dropped, nothing is written', () => {
    const before = snapshot(db);
    const f = write('two.csv', ['V-1,2026-11-16,WS-2021-0005,张明,cash,300,0', 'V-1,2026-11-17,WS-2021-0005,张明,cash,300,0']);
    const r = cli(['import', 'visits', f], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/two\.csv:3 column "visit_id".*V-1.*line 2/);
    expect(r.stderr).not.toMatch(/duplicate/i);
    expect(snapshot(db)).toBe(before);
  });
  it('an identical repeat is a duplicate (recorded once)', () => {
    const f = write('same.csv', ['V-2,2026-11-16,WS-2021-0005,张明,cash,100,0', 'V-2,2026-11-16,WS-2021-0005,张明,cash,100,0']);
    const r = json(cli(['import', 'visits', f, '--json'], { db }));
    expect(r).toMatchObject({ visits_created: 1, duplicates_skipped: 1 });
  });
  it('against what was imported before: another amount under the same id is refused; the same row again is not', () => {
    const again = write('again.csv', ['V-2,2026-11-16,WS-2021-0005,张明,cash,100']);
    expect(json(cli(['import', 'visits', again, '--json'], { db }))).toMatchObject({ visits_created: 0, duplicates_skipped: 1 });
    const before = snapshot(db);
    const changed = write('changed.csv', ['V-2,2026-11-16,WS-2021-0005,张明,cash,150,0']);
    const r = cli(['import', 'visits', changed], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('visit_id V-2 was imported before with other content');
    expect(snapshot(db)).toBe(before);
    expect(query(db, `SELECT count(*) AS n FROM visits WHERE external_id = 'V-2'`)[0].n).toBe(1);
  });
});

describe('visit log: a notice signed back before its issue date', () => {
  it('is refused with a warning unless --force', () => {
    const n = json(cli(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--date', '2026-11-20', '--json'], { db }));
    const before = snapshot(db);
    const args = ['visit', 'log', '--loan', 'WS-2022-0001', '--outcome', 'notice-signed', '--notice-no', n.notice_no, '--date', '2026-11-18', '--officer', '张明'];
    const r = cli(args, { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--force');
    expect(snapshot(db)).toBe(before);
    expect(cli([...args, '--force'], { db }).code).toBe(0);
  });
});
