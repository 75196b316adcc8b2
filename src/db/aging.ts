// The aging report's sums, added up by the database: what is still owed and what has been paid on record, by bucket.
import type { Db } from './open.js';
import type { IsoDate } from '../domain/dates.js';
import type { AgingSums } from '../domain/agingSums.js';


/**
 * The aging report's sums per bucket and in total, added up by the database in one pass over the loans: what
 * buildAging computes from a row per loan, without holding a row per loan. What a loan has paid on record is the
 * ledger cache's sum of its live field payments (loan_ledger, refreshed with its facts), less any dated after
 * `today` (a range of the visit-date index: usually none). Buckets come from the due-date thresholds
 * (src/report/aging.ts agingThresholds).
 */
export function agingSums(
  db: Db,
  today: IsoDate,
  t: { notDue: IsoDate; under90: IsoDate; years: readonly [IsoDate, IsoDate, IsoDate] },
  f: { townshipId?: number } = {},
): { by: Map<string, AgingSums>; total: AgingSums } {
  db.exec(`DROP TABLE IF EXISTS temp.aging_later; DROP TABLE IF EXISTS temp.aging_rows;
    CREATE TEMP TABLE aging_later (loan_id INTEGER PRIMARY KEY, pp INTEGER NOT NULL, pi INTEGER NOT NULL);
    CREATE TEMP TABLE aging_rows (bucket TEXT NOT NULL, hh INTEGER NOT NULL, owing INTEGER NOT NULL, p INTEGER NOT NULL, i INTEGER NOT NULL, pp INTEGER NOT NULL, pi INTEGER NOT NULL)`);
  try {
    // Live payments dated after today: in the cache's sums, not on record yet as of today.
    db.prepare(
      `INSERT INTO temp.aging_later (loan_id, pp, pi)
       SELECT o.loan_id, sum(o.principal_fen), sum(o.interest_fen)
       FROM visits v CROSS JOIN visit_outcomes o ON o.visit_id = v.id
       WHERE v.visit_date > @today AND o.kind = 'cash' AND o.loan_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid)
       GROUP BY o.loan_id`,
    ).run({ today });
    // A loan missing from the cache (none after migration 0009; kept exact all the same) sums its payments itself.
    db.prepare(
      `INSERT INTO temp.aging_rows (bucket, hh, owing, p, i, pp, pi)
       SELECT CASE WHEN due_date IS NULL THEN 'no-due-date' WHEN due_date >= @notDue THEN 'not-due' WHEN due_date > @under90 THEN 'under-90-days'
                   WHEN due_date >= @y1 THEN '90-365-days' WHEN due_date >= @y2 THEN '1-2-years' WHEN due_date >= @y3 THEN '2-3-years' ELSE 'over-3-years' END,
              hh, p + i > 0, p, i, pp, pi
       FROM (SELECT l.due_date, b.household_id AS hh, coalesce(g.principal_fen, l.principal_fen) AS p, coalesce(g.interest_fen, l.interest_fen) AS i,
                    ifnull(g.paid_principal_fen, (SELECT ifnull(sum(y.principal_fen), 0) FROM payments y WHERE y.loan_id = l.id)) - ifnull(x.pp, 0) AS pp,
                    ifnull(g.paid_interest_fen, (SELECT ifnull(sum(y.interest_fen), 0) FROM payments y WHERE y.loan_id = l.id)) - ifnull(x.pi, 0) AS pi
             FROM loans l
             JOIN borrowers b ON b.id = l.borrower_id
             JOIN households h ON h.id = b.household_id
             JOIN villages vil ON vil.id = h.village_id
             LEFT JOIN loan_ledger g ON g.loan_id = l.id
             LEFT JOIN temp.aging_later x ON x.loan_id = l.id
             WHERE (@townshipId IS NULL OR vil.township_id = @townshipId))
       WHERE p + i + pp + pi > 0`,
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
    db.exec(`DROP TABLE IF EXISTS temp.aging_later; DROP TABLE IF EXISTS temp.aging_rows`);
  }
}
