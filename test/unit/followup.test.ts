// Pure builders behind the agenda, aging and officers reports: ordering, bucket edges, kept rates.
import { describe, expect, it } from 'vitest';
import { agingBucket, buildAging } from '../../src/report/aging.js';
import { buildAgenda, type AgendaHouseholdFacts, type AgendaPromise } from '../../src/report/agenda.js';
import { buildOfficerReport } from '../../src/report/officers.js';
import type { LoanClockFacts } from '../../src/report/limitation.js';

const TODAY = '2026-11-22';

function loan(id: number, householdId: number, dueDate: string, extra: Partial<LoanClockFacts> = {}): LoanClockFacts {
  return {
    loanId: id,
    loanNo: `L-${id}`,
    borrowerId: householdId,
    borrower: `B${householdId}`,
    householdId,
    householdHead: `H${householdId}`,
    township: 'T',
    area: null,
    village: `V${householdId % 2}`,
    group: 'G',
    officer: 'x',
    dueDate,
    principalFen: 100000,
    interestFen: 0,
    guarantor: null,
    guaranteeUntil: null,
    status: 'active',
    deceasedOn: null,
    heirName: null,
    heirKnownOn: null,
    events: [],
    officerFinding: null,
    ...extra,
  };
}
const hh = (householdId: number, lastVisit: string | null): AgendaHouseholdFacts => ({
  householdId,
  householdHead: `H${householdId}`,
  lastVisit,
  stance: null,
  borrowerStatus: 'active',
  statusWhere: null,
});
const opts = { today: TODAY, periodYears: 3, withinDays: 30 };

describe('agenda', () => {
  const loans = [
    loan(1, 1, '2023-12-28', { events: [{ date: '2026-11-01', kind: 'notice-signed' }] }), // running, visited
    loan(2, 2, '2023-12-20'), // expiring in 28 days
    loan(3, 3, '2023-12-10'), // expiring in 18 days
    loan(4, 4, '2025-06-01', { guarantor: 'g', guaranteeUntil: '2026-12-01' }), // guarantee ending in 9 days
    loan(5, 5, '2025-06-01'), // never visited
    loan(6, 6, '2025-06-01'), // last visit 120 days ago
    loan(7, 7, '2025-06-01'), // broken promise
    loan(8, 8, '2025-06-01'), // promise due in 3 days
    loan(9, 9, '2025-06-01', { principalFen: 0 }), // repaid: never on the agenda
  ];
  const households = [hh(1, '2026-11-01'), hh(2, '2026-11-10'), hh(3, null), hh(4, '2026-11-10'), hh(5, null), hh(6, '2026-07-25'), hh(7, '2026-10-01'), hh(8, '2026-11-15'), hh(9, null)];
  const promises: AgendaPromise[] = [
    { householdId: 7, loanNo: 'L-7', amountFen: 5000, dueDate: '2026-10-15', visitDate: '2026-10-01', paidByDueFen: 0, status: 'broken' },
    { householdId: 8, loanNo: 'L-8', amountFen: 5000, dueDate: '2026-11-25', visitDate: '2026-11-15', paidByDueFen: 0, status: 'open' },
  ];
  const a = buildAgenda(loans, households, promises, opts);

  it('orders limitation first (soonest), then promises broken and due, guarantees, never visited, stale', () => {
    expect(a.households.map((h) => h.householdId)).toEqual([3, 2, 7, 8, 4, 5, 6]);
    expect(a.households[0]!.reasons).toEqual([
      { kind: 'limitation-expiring', loanNo: 'L-3', expires: '2026-12-10', daysLeft: 18, deadline: 'limitation' },
      { kind: 'never-visited' },
    ]);
    expect(a.households.find((h) => h.householdId === 6)!.reasons).toEqual([{ kind: 'not-visited', lastVisit: '2026-07-25', days: 120 }]);
  });
  it('groups the route by committee in order of urgency', () => {
    expect(a.route.map((v) => v.village)).toEqual(['V1', 'V0']);
    expect(a.route[0]!.groups[0]!.households.map((h) => h.rank)).toEqual([1, 3, 6]);
  });
  it('--limit keeps the most urgent', () => {
    const l = buildAgenda(loans, households, promises, { ...opts, limit: 2 });
    expect(l.total).toBe(7);
    expect(l.households.map((h) => h.householdId)).toEqual([3, 2]);
  });
  it('a broken promise leaves the agenda once someone has been back', () => {
    const b = buildAgenda(loans, [...households.filter((h) => h.householdId !== 7), hh(7, '2026-11-20')], promises, opts);
    expect(b.households.find((h) => h.householdId === 7)).toBeUndefined();
  });
});

describe('aging buckets at their edges', () => {
  it.each([
    ['2026-11-22', 'not-due'],
    ['2026-11-21', 'under-90-days'],
    ['2026-08-25', 'under-90-days'], // 89 days
    ['2026-08-24', '90-365-days'], // 90 days
    ['2025-11-22', '90-365-days'], // exactly one year
    ['2025-11-21', '1-2-years'],
    ['2024-11-22', '1-2-years'], // exactly two years
    ['2024-11-21', '2-3-years'],
    ['2023-11-22', '2-3-years'], // exactly three years
    ['2023-11-21', 'over-3-years'],
  ])('due %s → %s', (due, bucket) => {
    expect(agingBucket(due, TODAY)).toBe(bucket);
  });
  it('sums owed and recovered per bucket, counting households once in the total', () => {
    const r = buildAging(
      [
        { householdId: 1, dueDate: '2023-01-01', principalFen: 30000, interestFen: 0, paidPrincipalFen: 10000, paidInterestFen: 0 },
        { householdId: 1, dueDate: '2026-10-01', principalFen: 10000, interestFen: 500, paidPrincipalFen: 0, paidInterestFen: 0 },
        { householdId: 2, dueDate: '2023-02-01', principalFen: 0, interestFen: 0, paidPrincipalFen: 5000, paidInterestFen: 0 },
      ],
      TODAY,
    );
    const over = r.lines.find((l) => l.bucket === 'over-3-years')!;
    expect(over).toMatchObject({ households: 1, loans: 1, principalFen: 30000, recoveredPrincipalFen: 15000, recoveredShare: 0.3333 });
    expect(r.total).toMatchObject({ households: 1, loans: 2, principalFen: 40000 });
    expect(r.lines.map((l) => l.bucket)).toEqual(['under-90-days', '90-365-days', '1-2-years', '2-3-years', 'over-3-years']);
  });
});

describe('officers report', () => {
  it('quota share and kept rate; partly kept counts as broken', () => {
    const r = buildOfficerReport(
      [{ officer: '张明', visits: 20, households: 15, noticesSigned: 10, intents: 4, principalFen: 60000, interestFen: 50000 }],
      [
        { officer: '张明', status: 'kept' },
        { officer: '张明', status: 'partly-kept' },
        { officer: '张明', status: 'broken' },
        { officer: '张明', status: 'open' },
        { officer: '李华', status: 'kept' },
      ],
      { month: '2026-11', from: '2026-11-01', to: '2026-11-30', today: TODAY, quota: 25 },
    );
    expect(r.lines.map((l) => l.officer)).toEqual(['李华', '张明']);
    const z = r.lines.find((l) => l.officer === '张明')!;
    expect(z).toMatchObject({ quotaShare: 0.8, promisesKept: 1, promisesBroken: 2, promisesOpen: 1, keptRate: 0.3333 });
    expect(r.lines.find((l) => l.officer === '李华')).toMatchObject({ visits: 0, keptRate: 1 });
  });
});
