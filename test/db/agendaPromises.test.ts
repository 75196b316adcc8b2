// The agenda reads promises a household at a time (src/db/agenda.ts householdPromiseCursor) with its own query, a
// copy of listPromises' rules (src/db/promises.ts): the same promises, paid-by-due sums and status, for any day.
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { householdPromiseCursor } from '../../src/db/agenda.js';
import { listPromises } from '../../src/db/promises.js';
import { cli, sampleDb } from '../helpers.js';

describe('agenda promises = promise list', () => {
  let file: string;
  beforeAll(() => {
    file = sampleDb({ visits: true });
    // Payments inside and after some promises' windows, so kept, partly kept, broken and open all occur.
    // The edges of the rules: a payment on the promise's very date counts; one made in the same visit as the promise,
    // before the promise was made, or after its date does not count towards it.
    for (const args of [
      ['visit', 'log', '--borrower', '房六贵', '--outcome', 'cash', '--principal', '50', '--interest', '0', '--date', '2026-11-10', '--officer', '王'],
      ['visit', 'log', '--borrower', '房六贵', '--outcome', 'cash', '--principal', '300', '--interest', '0', '--date', '2026-11-20', '--officer', '王'],
      ['visit', 'log', '--borrower', '沈双郎', '--outcome', 'cash', '--principal', '800', '--interest', '0', '--date', '2026-11-21', '--officer', '王'],
      ['visit', 'log', '--borrower', '房石头', '--outcome', 'cash', '--principal', '200', '--interest', '0', '--date', '2026-11-26', '--officer', '王'],
      ['visit', 'log', '--borrower', '房生二企', '--outcome', 'cash', '--principal', '100', '--interest', '0', '--date', '2026-11-28', '--officer', '王'],
      ['visit', 'log', '--borrower', '房买些社二企', '--outcome', 'cash,intent', '--principal', '100', '--interest', '0', '--promise-amount', '300', '--promise-date', '2026-12-20', '--date', '2026-11-30', '--officer', '王'],
    ]) {
      const r = cli(args, { db: file, env: { FIELDVISIT_TODAY: '2026-12-01' } });
      expect(r.code, r.stderr).toBe(0);
    }
  });

  for (const today of ['2026-11-18', '2026-11-22', '2026-12-31', '2027-06-30']) {
    it(`as of ${today}`, () => {
      const { db } = openDatabase(file, { nowIso: '2026-11-22T00:00:00.000Z', readonly: true });
      try {
        const expected = listPromises(db, today).map((p) => ({
          householdId: p.householdId,
          loanNo: p.loanNo,
          amountFen: p.amountFen,
          dueDate: p.dueDate,
          visitDate: p.visitDate,
          paidByDueFen: p.paidByDueFen,
          status: p.status,
        }));
        expect(expected.length).toBeGreaterThan(3);
        // Every household, not only those with promises: the cursor must give none where listPromises finds none.
        const households = db.prepare(`SELECT id FROM households ORDER BY id`).pluck().all() as number[];
        const cursor = householdPromiseCursor(db, today);
        const got = households.flatMap((hh) => cursor.take(hh));
        cursor.close();
        const key = (p: (typeof expected)[number]) => `${p.householdId}|${p.dueDate}|${p.visitDate}|${p.loanNo}|${p.amountFen}`;
        expect([...got].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...expected].sort((a, b) => key(a).localeCompare(key(b))));
        if (today === '2026-12-31') expect(new Set(expected.map((p) => p.status)).size).toBeGreaterThan(1);
      } finally {
        db.close();
      }
    });
  }
});
