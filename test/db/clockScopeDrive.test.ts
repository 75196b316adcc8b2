// The clock's facts and the agenda's cursors driven by the loans in scope (through the indexes: a township, an officer's
// loans, a household of a large database) give exactly what the passes over the tables give, for every filter.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { eachHouseholdClockFacts, recordLegalEvent, recordLoanMark, type LoanFacts, type LoanFilter } from '../../src/db/limitation.js';
import { householdAgendaCursor, householdPromiseCursor } from '../../src/db/agenda.js';
import { loanByNo, voidVisit } from '../../src/db/visits.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { sampleDb } from '../helpers.js';
import { openCopy, recordOutcomes } from '../ledgerSteps.js';

const TODAY = '2026-11-30' as IsoDate;
let db: Db;

beforeAll(() => {
  db = openCopy(sampleDb({ visits: true }), 'fv-scopedrive-');
  // Facts of every kind the clock reads: outcomes naming no loan, a void visit, marks, legal stages, a promise paid.
  recordOutcomes(db, 'WS-2022-0024', '2026-11-24', [{ kind: 'not-signed', loanId: null, reason: 'away', where: '广州' }], TODAY);
  recordOutcomes(db, 'WS-2021-0006', '2026-11-25', [{ kind: 'note', loanId: null, text: '家人说月底回来' }], TODAY);
  const v = recordOutcomes(db, 'WS-2023-0020', '2026-11-26', [{ kind: 'cash', principalFen: 1000, interestFen: 0 }], TODAY);
  voidVisit(db, v.visitId, 'entered twice', '张明', '2026-11-27T00:00:00Z');
  recordOutcomes(db, 'WS-2022-0001', '2026-11-27', [{ kind: 'intent', promiseAmountFen: 50000, promiseDate: '2026-12-10' }], TODAY);
  recordOutcomes(db, 'WS-2022-0001', '2026-11-28', [{ kind: 'cash', principalFen: 20000, interestFen: 0 }], TODAY);
  const at = '2026-11-28T00:00:00Z';
  for (const no of ['WS-2022-0024', 'WS-2021-0006']) {
    const loan = loanByNo(db, no)!;
    recordLoanMark(db, { loanId: loan.loanId, kind: 'public-notice', date: '2026-10-01', medium: 'provincial', note: null, recordedBy: '张明', recordedAt: at });
    recordLegalEvent(db, { loanId: loan.loanId, stage: 'filed', date: '2026-10-15', performBy: null, court: '某县法院', caseNo: null, lawyer: null, result: null, note: null, recordedBy: '张明', recordedAt: at });
  }
});

function facts(f: LoanFilter, drive: 'few' | 'many'): LoanFacts[][] {
  const out: LoanFacts[][] = [];
  eachHouseholdClockFacts(db, f, TODAY, (house) => out.push(house), drive);
  return out;
}

function filters(): [string, LoanFilter][] {
  const id = (sql: string) => db.prepare(sql).pluck().get() as number;
  const loan = loanByNo(db, 'WS-2022-0024')!;
  return [
    ['all', {}],
    ['township', { townshipId: id(`SELECT id FROM townships WHERE name = '涡水镇'`) }],
    ['small township', { townshipId: id(`SELECT id FROM townships WHERE name = '香坪镇'`) }],
    ['merged committee', { villageId: id(`SELECT id FROM villages WHERE name = '涡水村委'`) }],
    ['officer', { officer: '李华' }],
    ['household', { householdId: loan.householdId }],
    ['borrower', { borrowerId: loan.borrowerId }],
    ['loan', { loanId: loan.loanId }],
  ];
}

describe('queries driven by the loans in scope', () => {
  it('give the same clock facts as the passes, for every filter', () => {
    let events = 0;
    for (const [name, f] of filters()) {
      const many = facts(f, 'many');
      expect(many.length, name).toBeGreaterThan(0);
      expect(facts(f, 'few'), name).toEqual(many);
      events += many.flat().reduce((n, x) => n + x.events.length, 0);
    }
    // The comparison covers outcomes naming no loan, marks and legal stages, not only loans without facts.
    const all = facts({}, 'many').flat();
    const kinds = new Set(all.flatMap((x) => x.events.map((e) => e.kind)));
    for (const k of ['not-signed', 'note', 'public-notice', 'legal', 'payment', 'intent']) expect(kinds, k).toContain(k);
    expect(events).toBeGreaterThan(20);
  });

  it("give the same households' agenda facts and promises as the passes", () => {
    let promises = 0;
    for (const [name, f] of filters()) {
      const houses = facts(f, 'few').map((h) => h.map((x) => x.householdId)[0]!);
      const place = { townshipId: f.townshipId, villageId: f.villageId, officer: f.officer };
      const scoped = [...householdAgendaCursor(db, TODAY, place, true)];
      const passed = [...householdAgendaCursor(db, TODAY, place, false)].filter((x) => houses.includes(x.householdId));
      expect(scoped, name).toEqual(passed);
      expect(scoped.map((x) => x.householdId), name).toEqual(houses);
      const a = householdPromiseCursor(db, TODAY, { townshipId: f.townshipId }, true);
      const b = householdPromiseCursor(db, TODAY, { townshipId: f.townshipId }, false);
      try {
        for (const hh of houses) {
          const want = b.take(hh);
          expect(a.take(hh), `${name} ${hh}`).toEqual(want);
          promises += want.length;
        }
      } finally {
        a.close();
        b.close();
      }
    }
    expect(promises).toBeGreaterThan(5);
  });
});
