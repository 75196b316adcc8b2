// A roster that changes nothing takes a short path (one pass of lookups, no resolution): re-imports of the same rows,
// and of the same rows with one difference of each kind, must give what the row-by-row reference writer gives, row by
// row in every table, with the same summary.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { mergeVillage } from '../../src/db/places.js';
import type { RosterInput, StatementOptions } from '../../src/db/roster.js';
import { dumpTables, importRowByRow, importSetWise } from '../reference/rosterImports.js';
import { tmpDir } from '../helpers.js';

const dir = tmpDir('fv-unchanged-');

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  return { int: (n: number) => Math.floor(next() * n), chance: (p: number) => next() < p, pick: <T,>(a: readonly T[]): T => a[Math.floor(next() * a.length)]! };
}

const VILLAGES = ['马头冲村委', '黄家村村委', '涡水村委'];

function roster(seed: number, n: number): RosterInput[] {
  const r = rng(seed);
  const out: RosterInput[] = [];
  for (let k = 0; k < n; k++) {
    const p = r.int(n / 2);
    out.push({
      township: p % 5 ? '涡水镇' : '香坪镇',
      // Committees 0 and 1 lie in two areas, named on some of their rows.
      area: p % 3 < 2 && r.chance(0.4) ? ['北片', '南片'][p % 3]! : null,
      village: VILLAGES[p % 3]!,
      group: p % 4 ? `${p % 4}组` : null,
      household: `户主${Math.floor(p / 2)}`,
      borrower: `借款人${p}`,
      idNumber: p % 3 ? `45112319770101${String(p).padStart(4, '0')}` : null,
      phone: r.chance(0.5) ? `139${String(p).padStart(8, '0')}` : null,
      loanNo: `WS-${k}`,
      principalFen: 100000 + r.int(5) * 1000,
      interestFen: r.int(3) * 100,
      loanDate: r.chance(0.7) ? '2020-03-01' : null,
      dueDate: r.chance(0.7) ? '2023-03-01' : null,
      officer: r.chance(0.5) ? '张明' : null,
      guarantor: r.chance(0.3) ? '保证人甲' : null,
      guaranteeUntil: null,
      guaranteeType: r.chance(0.2) ? 'joint' : null,
      stance: r.chance(0.2) ? 'evasive' : null,
      guarantorAddress: null,
      asOf: r.chance(0.2) ? '2026-03-01' : null,
    });
  }
  return out;
}




/** One difference each: every rule the short path must notice sends the roster down the full path. */
const CHANGES: [string, (rows: RosterInput[]) => void][] = [
  ['nothing', () => {}],
  ['nothing, rows in another order', (rows) => rows.reverse()],
  ['a new phone', (rows) => (rows[3]!.phone = '13800000000')],
  ['a new loan', (rows) => rows.push({ ...rows[0]!, loanNo: 'WS-new' })],
  ['another principal', (rows) => (rows[5]!.principalFen += 100)],
  ['an older balance', (rows) => ((rows[5]!.principalFen += 100), (rows[5]!.asOf = '2025-01-01'))],
  ['another as-of date (a new statement)', (rows) => (rows[6]!.asOf = '2026-04-01')],
  ['an ID number where there was none', (rows) => (rows.find((x) => x.idNumber === null)!.idNumber = '451123197701019999')],
  ['another ID number', (rows) => (rows.find((x) => x.idNumber !== null)!.idNumber = '451123197701018888')],
  ['a new area', (rows) => (rows[7]!.area = '东片')],
  ['a committee named in the other (known) area', (rows) => (rows.find((x) => x.village === VILLAGES[0] && x.township === '涡水镇')!.area = '南片')],
  ['another household head', (rows) => (rows[8]!.household = '户主新')],
  ['another group', (rows) => (rows[9]!.group = '9组')],
  ['another borrower name', (rows) => (rows[10]!.borrower = '新名字')],
  ['a stance', (rows) => (rows[11]!.stance = 'victim')],
  ['a due date', (rows) => (rows[12]!.dueDate = '2029-01-01')],
  ['a guarantor address', (rows) => (rows[13]!.guarantorAddress = '涡水镇新街18号')],
  ['an empty cell (never erases)', (rows) => ((rows[14]!.officer = null), (rows[14]!.phone = null))],
  ['a new township', (rows) => (rows[15]!.township = '新镇')],
];

describe('a roster that changes nothing', () => {
  for (const [what, change] of CHANGES) {
    for (const merge of [false, true]) {
      it(`${what}${merge ? ', after a committee merge' : ''}: the same as the row-by-row writer`, () => {
        const fa = path.join(dir, `a.db`);
        const fb = path.join(dir, `b.db`);
        for (const f of [fa, fb]) for (const s of ['', '-wal', '-shm']) fs.rmSync(f + s, { force: true });
        openDatabase(fa, { nowIso: '2026-11-20T08:00:00.000Z' }).db.close();
        fs.copyFileSync(fa, fb);
        const A = openDatabase(fa, { nowIso: '2026-11-20T08:00:00.000Z' }).db;
        const B = openDatabase(fb, { nowIso: '2026-11-20T08:00:00.000Z' }).db;
        try {
          const rows = roster(what.length * 31 + (merge ? 7 : 0), 120);
          const ledger: StatementOptions = { assumed: true, recordedAt: '2026-11-20T08:00:00.000Z', by: 'import' };
          expect(importSetWise(B, rows, '2026-06-01', ledger)).toEqual(importRowByRow(A, rows, '2026-06-01', ledger));
          if (merge) {
            for (const db of [A, B]) {
              const tid = db.prepare(`SELECT id FROM townships WHERE name = '涡水镇'`).pluck().get() as number;
              mergeVillage(db, { old: VILLAGES[1]!, into: VILLAGES[2]!, townshipId: tid, date: '2026-06-01', recordedAt: '2026-06-01T00:00:00Z', uid: 'merge-1' });
            }
          }
          const again = rows.map((x) => ({ ...x }));
          change(again);
          const ledger2: StatementOptions = { assumed: true, recordedAt: '2026-11-21T08:00:00.000Z', by: 'import' };
          const a = importRowByRow(A, again, '2026-06-01', ledger2);
          const b = importSetWise(B, again, '2026-06-01', ledger2);
          expect(b).toEqual(a);
          expect(dumpTables(B)).toEqual(dumpTables(A));
          if (what.startsWith('nothing') && !merge) expect(b.summary.loans).toEqual({ created: 0, updated: 0, unchanged: rows.length });
        } finally {
          A.close();
          B.close();
        }
      });
    }
  }
});
