import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { agingBucket, agingThresholds, bucketByDueDate, buildAging, buildAgingFromSums, AGING_BUCKETS, type AgingSums } from '../../src/report/aging.js';

describe('aging buckets by due-date thresholds (what report aging asks the database)', () => {
  // Leap days on both sides: a due date of 29 February, a today of 29 February and of 1 March.
  for (const today of ['2026-11-22', '2028-02-29', '2028-03-01', '2027-02-28', '2025-03-01', '2024-12-31']) {
    it(`agree with agingBucket for every due date within 5 years of ${today}`, () => {
      const t = agingThresholds(today);
      let d = addDays(today, -5 * 366 - 3);
      const seen = new Set<string>();
      for (let i = 0; i < 5 * 366 + 40; i++, d = addDays(d, 1)) {
        const want = agingBucket(d, today);
        expect(bucketByDueDate(d, t), `${d}`).toBe(want);
        seen.add(want);
      }
      expect(bucketByDueDate(null, t)).toBe('no-due-date');
      expect([...seen].sort()).toEqual(AGING_BUCKETS.filter((b) => b !== 'no-due-date').sort());
    });
  }

  it('the report from sums equals the report from rows', () => {
    const today = '2026-11-22';
    const rows = [
      { householdId: 1, dueDate: '2026-12-01', principalFen: 100, interestFen: 5, paidPrincipalFen: 0, paidInterestFen: 0 },
      { householdId: 1, dueDate: '2020-01-01', principalFen: 300, interestFen: -20, paidPrincipalFen: 50, paidInterestFen: 1 },
      { householdId: 2, dueDate: '2020-02-01', principalFen: 0, interestFen: 0, paidPrincipalFen: 70, paidInterestFen: 0 },
      { householdId: 3, dueDate: '2026-10-01', principalFen: 0, interestFen: 0, paidPrincipalFen: 0, paidInterestFen: 0 },
      { householdId: 3, dueDate: null, principalFen: 9, interestFen: 0, paidPrincipalFen: 0, paidInterestFen: 0 },
    ];
    const used = rows.filter((r) => r.principalFen + r.interestFen + r.paidPrincipalFen + r.paidInterestFen > 0);
    const sum = (rs: typeof rows): AgingSums => {
      const owing = rs.filter((r) => r.principalFen + r.interestFen > 0);
      return {
        rows: rs.length,
        loans: owing.length,
        households: new Set(owing.map((r) => r.householdId)).size,
        principalFen: rs.reduce((s, r) => s + r.principalFen, 0),
        interestFen: rs.reduce((s, r) => s + r.interestFen, 0),
        paidPrincipalFen: rs.reduce((s, r) => s + r.paidPrincipalFen, 0),
        paidInterestFen: rs.reduce((s, r) => s + r.paidInterestFen, 0),
      };
    };
    const by = new Map(AGING_BUCKETS.map((b) => [b, sum(used.filter((r) => agingBucket(r.dueDate, today) === b))]));
    const fromSums = buildAgingFromSums(by, sum(used), today, '镇');
    expect(fromSums).toEqual(buildAging(rows, today, '镇'));
    expect(fromSums.lines.map((l) => l.bucket)).toContain('no-due-date');
    // An unused aged bucket is still shown, with nothing in it.
    expect(fromSums.lines.find((l) => l.bucket === 'under-90-days')).toMatchObject({ loans: 0, households: 0, principalFen: 0 });
  });
});
