// The aging report's sums, added up by the database: what is still owed and what has been paid on record, by bucket.
import type { Db } from './open.js';
import type { IsoDate } from '../domain/dates.js';
import type { AgingSums } from '../domain/agingSums.js';


/**
 * The aging report's sums per bucket and in total, added up by the database in one pass over the loans (the payments
 * summed per loan first, in one sequential pass over the outcomes): what buildAging computes from a row per loan,
 * without holding a row per loan. Buckets come from the due-date thresholds (src/report/aging.ts agingThresholds).
 */
export function agingSums(
  db: Db,
  today: IsoDate,
  t: { notDue: IsoDate; under90: IsoDate; years: readonly [IsoDate, IsoDate, IsoDate] },
  f: { townshipId?: number } = {},
): { by: Map<string, AgingSums>; total: AgingSums } {
  db.exec(`DROP TABLE IF EXISTS temp.aging_paid; DROP TABLE IF EXISTS temp.aging_rows;
    CREATE TEMP TABLE aging_paid (loan_id INTEGER PRIMARY KEY, pp INTEGER NOT NULL, pi INTEGER NOT NULL);
    CREATE TEMP TABLE aging_rows (bucket TEXT NOT NULL, hh INTEGER NOT NULL, owing INTEGER NOT NULL, p INTEGER NOT NULL, i INTEGER NOT NULL, pp INTEGER NOT NULL, pi INTEGER NOT NULL)`);
  try {
    // The payments view's rows (cash outcomes of live visits), read in table order rather than loan by loan.
    db.prepare(
      `INSERT INTO temp.aging_paid (loan_id, pp, pi)
       SELECT o.loan_id, sum(o.principal_fen), sum(o.interest_fen)
       FROM visit_outcomes o NOT INDEXED CROSS JOIN visits v ON v.id = o.visit_id
       WHERE o.kind = 'cash' AND o.loan_id IS NOT NULL AND v.visit_date <= @today AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid)
       GROUP BY o.loan_id`,
    ).run({ today });
    db.prepare(
      `INSERT INTO temp.aging_rows (bucket, hh, owing, p, i, pp, pi)
       SELECT CASE WHEN l.due_date IS NULL THEN 'no-due-date' WHEN l.due_date >= @notDue THEN 'not-due' WHEN l.due_date > @under90 THEN 'under-90-days'
                   WHEN l.due_date >= @y1 THEN '90-365-days' WHEN l.due_date >= @y2 THEN '1-2-years' WHEN l.due_date >= @y3 THEN '2-3-years' ELSE 'over-3-years' END,
              b.household_id, lb.principal_fen + lb.interest_fen > 0, lb.principal_fen, lb.interest_fen, ifnull(p.pp, 0), ifnull(p.pi, 0)
       FROM loans l
       JOIN borrowers b ON b.id = l.borrower_id
       JOIN households h ON h.id = b.household_id
       JOIN villages vil ON vil.id = h.village_id
       JOIN loan_balances lb ON lb.loan_id = l.id
       LEFT JOIN temp.aging_paid p ON p.loan_id = l.id
       WHERE (@townshipId IS NULL OR vil.township_id = @townshipId)
         AND lb.principal_fen + lb.interest_fen + ifnull(p.pp, 0) + ifnull(p.pi, 0) > 0`,
    ).run({ notDue: t.notDue, under90: t.under90, y1: t.years[0], y2: t.years[1], y3: t.years[2], townshipId: f.townshipId ?? null });
    const cols = `count(*) AS rows, sum(owing) AS loans, count(DISTINCT CASE WHEN owing THEN hh END) AS households, sum(p) AS principalFen, sum(i) AS interestFen,
                  sum(pp) AS paidPrincipalFen, sum(pi) AS paidInterestFen`;
    const fix = (r: AgingSums): AgingSums => ({
      rows: r.rows,
      loans: r.loans ?? 0,
      households: r.households,
      principalFen: r.principalFen ?? 0,
      interestFen: r.interestFen ?? 0,
      paidPrincipalFen: r.paidPrincipalFen ?? 0,
      paidInterestFen: r.paidInterestFen ?? 0,
    });
    const by = new Map<string, AgingSums>();
    for (const r of db.prepare(`SELECT bucket, ${cols} FROM temp.aging_rows GROUP BY bucket`).all() as (AgingSums & { bucket: string })[]) by.set(r.bucket, fix(r));
    const total = fix(db.prepare(`SELECT ${cols} FROM temp.aging_rows`).get() as AgingSums);
    return { by, total };
  } finally {
    db.exec(`DROP TABLE IF EXISTS temp.aging_paid; DROP TABLE IF EXISTS temp.aging_rows`);
  }
}
