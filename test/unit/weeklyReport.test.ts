// The pure weekly builder and its words: counting rules on hand-made facts, date ranges, matter places.
import { describe, expect, it } from 'vitest';
import { buildWeeklyReport } from '../../src/report/buildWeeklyReport.js';
import type { WeekFacts, WeekOutcomeRow, WeekVisitRow } from '../../src/domain/weekFacts.js';
import { dateRange, matterPlace } from '../../src/format/weeklyReportDoc.js';

function visit(visitId: number, householdId: number, extra: Partial<WeekVisitRow> = {}): WeekVisitRow {
  return {
    visitId,
    visitUid: `u${visitId}`,
    householdId,
    borrower: `户${householdId}`,
    visitDate: '2026-11-16',
    officer: '张明',
    escalate: null,
    townshipId: 1,
    township: '涡水镇',
    area: null,
    villageId: 1,
    village: '甲村委',
    group: null,
    formerVillage: null,
    ...extra,
  };
}

function outcome(outcomeId: number, visitId: number, kind: WeekOutcomeRow['kind'], extra: Partial<WeekOutcomeRow> = {}): WeekOutcomeRow {
  return { outcomeId, visitId, kind, loanId: null, reason: null, where: null, principalFen: null, interestFen: null, ...extra };
}

function facts(visits: WeekVisitRow[], outcomes: WeekOutcomeRow[], households = [1, 2, 3, 4]): WeekFacts {
  return {
    visits,
    outcomes,
    villages: [{ villageId: 1, village: '甲村委', townshipId: 1, township: '涡水镇', area: null }],
    households: households.map((h) => ({ householdId: h, villageId: 1 })),
    intentLoans: [
      { loanId: 10, householdId: 1, principalFen: 1000, interestFen: 0 },
      { loanId: 11, householdId: 1, principalFen: 2000, interestFen: 0 },
    ],
    townships: [{ townshipId: 1, township: '涡水镇', population: null, livelihood: null, committeeCount: null }],
  };
}

const build = (f: WeekFacts) =>
  buildWeeklyReport({ week: { start: '2026-11-16', end: '2026-11-22', iso: '2026-W47' }, scope: { township: null, officer: null }, facts: f, nextWeek: { start: '2026-11-23', end: '2026-11-29', promisesDue: [], township: null } });

describe('buildWeeklyReport', () => {
  it('counts a household once per category and prefers signed over not signed', () => {
    const r = build(
      facts(
        [visit(1, 1), visit(2, 1, { visitDate: '2026-11-18' }), visit(3, 2)],
        [outcome(1, 1, 'not-signed', { reason: 'refused' }), outcome(2, 2, 'notice-signed'), outcome(3, 2, 'notice-signed'), outcome(4, 3, 'not-signed', { reason: 'away', where: '广州' })],
      ),
    );
    const s = r.sections[0]!;
    expect(s.noticeSigned.households).toBe(1);
    expect(s.noticeSigned.trace).toEqual({ householdIds: [1], visitIds: [2] });
    expect(s.notSigned.households).toBe(1);
    expect(s.notSigned.reasons.away).toBe(1);
    expect(s.notSigned.away).toEqual([{ name: '户2', where: '广州' }]);
    expect(s.notReached.households).toBe(2);
    expect(s.households).toBe(s.noticeSigned.households + s.notSigned.households + s.notReached.households);
  });

  it('sums every payment and covers all loans for an intent naming none', () => {
    const r = build(
      facts(
        [visit(1, 1), visit(2, 2)],
        [
          outcome(1, 1, 'cash', { loanId: 10, principalFen: 300, interestFen: 20 }),
          outcome(2, 1, 'cash', { loanId: 11, principalFen: 200, interestFen: 0 }),
          outcome(3, 1, 'intent', { loanId: null }),
        ],
      ),
    );
    const s = r.sections[0]!;
    expect([s.cash.households, s.cash.payments, s.cash.principalFen, s.cash.interestFen]).toEqual([1, 2, 500, 20]);
    expect(s.intent.principalFen).toBe(3000);
  });

  it('an intent naming a loan counts that loan only', () => {
    const r = build(facts([visit(1, 1)], [outcome(1, 1, 'intent', { loanId: 11 })]));
    expect(r.sections[0]!.intent.principalFen).toBe(2000);
  });

  it('separates the township’s own committees from each area, township first', () => {
    const f = facts([visit(1, 1), visit(2, 5, { villageId: 2, village: '乙村委', area: '金坑片区' })], []);
    f.villages.push({ villageId: 2, village: '乙村委', townshipId: 1, township: '涡水镇', area: '金坑片区' });
    f.households.push({ householdId: 5, villageId: 2 });
    const r = build(f);
    expect(r.sections.map((s) => s.area)).toEqual([null, '金坑片区']);
    expect(r.sections[1]!.households).toBe(1);
    expect(r.totals.households).toBe(5);
  });
});

describe('weekly report words', () => {
  it('writes date ranges the way people do', () => {
    expect(dateRange('zh', '2026-11-16', '2026-11-20')).toBe('11月16日至11月20日');
    expect(dateRange('zh', '2026-11-20', '2026-11-20')).toBe('11月20日');
    expect(dateRange('en', '2026-11-16', '2026-11-20')).toBe('16–20 November 2026');
    expect(dateRange('en', '2026-11-30', '2026-12-04')).toBe('30 November – 4 December 2026');
    expect(dateRange('en', '2026-12-28', '2027-01-03')).toBe('28 December 2026 – 3 January 2027');
  });

  it('names a merged committee’s group with where it came from', () => {
    const m = { village: '涡水村委', group: '良东二组', formerVillage: '黄家村村委', text: 'x', borrower: 'y', date: '2026-11-18', visitId: 1 };
    expect(matterPlace('zh', m)).toBe('涡水村委 良东二组（原黄家村村委）');
    expect(matterPlace('en', m)).toBe('涡水村委 良东二组 (formerly 黄家村村委)');
  });
});
