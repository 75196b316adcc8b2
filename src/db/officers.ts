// Per-officer activity in a period, from live visits only: visits, households, notices, cash, intents.
import type { OfficerActivity } from '../domain/officerActivity.js';
import type { Db } from './open.js';
import type { IsoDate } from '../domain/dates.js';

export type OfficerActivityRow = OfficerActivity;

/** Officers with visits in [from, to], plus officers the roster names (township filter applies to both), with zeros. */
export function officerActivity(db: Db, from: IsoDate, to: IsoDate, f: { townshipId?: number } = {}): OfficerActivityRow[] {
  const rows = db
    .prepare(
      `WITH v AS (
         SELECT lv.* FROM live_visits lv JOIN households h ON h.id = lv.household_id JOIN villages vil ON vil.id = h.village_id
         WHERE lv.visit_date BETWEEN @from AND @to AND (@townshipId IS NULL OR vil.township_id = @townshipId)),
       names AS (
         SELECT officer FROM v
         UNION SELECT l.officer FROM loans l JOIN borrowers b ON b.id = l.borrower_id JOIN households h ON h.id = b.household_id
           JOIN villages vil ON vil.id = h.village_id
           WHERE l.officer IS NOT NULL AND l.officer <> '' AND (@townshipId IS NULL OR vil.township_id = @townshipId))
       SELECT n.officer,
              (SELECT count(*) FROM v WHERE v.officer = n.officer AND v.channel = 'visit') AS visits,
              (SELECT count(DISTINCT v.household_id) FROM v WHERE v.officer = n.officer AND v.channel = 'visit') AS households,
              (SELECT count(*) FROM visit_outcomes o JOIN v ON v.id = o.visit_id WHERE v.officer = n.officer AND o.kind = 'notice-signed') AS noticesSigned,
              (SELECT count(*) FROM visit_outcomes o JOIN v ON v.id = o.visit_id WHERE v.officer = n.officer AND o.kind = 'intent') AS intents,
              (SELECT ifnull(sum(o.principal_fen), 0) FROM visit_outcomes o JOIN v ON v.id = o.visit_id WHERE v.officer = n.officer AND o.kind = 'cash') AS principalFen,
              (SELECT ifnull(sum(o.interest_fen), 0) FROM visit_outcomes o JOIN v ON v.id = o.visit_id WHERE v.officer = n.officer AND o.kind = 'cash') AS interestFen
       FROM names n ORDER BY n.officer`,
    )
    .all({ from, to, townshipId: f.townshipId ?? null }) as OfficerActivityRow[];
  // Field visits are the quota's measure; the other contacts are counted beside them, by channel.
  const other = db
    .prepare(
      `SELECT lv.officer, lv.channel, count(*) AS n FROM live_visits lv JOIN households h ON h.id = lv.household_id JOIN villages vil ON vil.id = h.village_id
       WHERE lv.visit_date BETWEEN @from AND @to AND lv.channel <> 'visit' AND (@townshipId IS NULL OR vil.township_id = @townshipId)
       GROUP BY lv.officer, lv.channel`,
    )
    .all({ from, to, townshipId: f.townshipId ?? null }) as { officer: string; channel: string; n: number }[];
  for (const r of rows) {
    r.contacts = {};
    for (const o of other) if (o.officer === r.officer) r.contacts[o.channel] = o.n;
  }
  return rows;
}
