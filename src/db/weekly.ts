// The facts behind the weekly report: the week's live visits and outcomes, and the visited committees' households with their balances at the start of the week.
import type { Db } from './open.js';
import type { TownshipProfileRow, WeekFacts, WeekHouseholdRow, WeekLoanRow, WeekOutcomeRow, WeekScope, WeekVillageRow, WeekVisitRow } from '../domain/weekFacts.js';

export type { TownshipProfileRow, WeekFacts, WeekHouseholdRow, WeekLoanRow, WeekOutcomeRow, WeekScope, WeekVillageRow, WeekVisitRow };

// The week's live visits in scope. Merged committees resolve to the committee they joined (effective_villages).
// Bounded by the visits_date index: only the week's visits are read.
const WEEK_VISITS = `
  wv AS MATERIALIZED (
    SELECT v.id AS visit_id, v.uid AS visit_uid, v.household_id, v.borrower_id, v.visit_date, v.officer, v.escalate,
           ev.effective_id AS village_id, h.group_id, h.head_name, coalesce(g.former_village_id, h.former_village_id) AS former_village_id
    FROM visits v
    JOIN households h ON h.id = v.household_id
    JOIN effective_villages ev ON ev.village_id = h.village_id
    JOIN villages ve ON ve.id = ev.effective_id
    LEFT JOIN village_groups g ON g.id = h.group_id
    WHERE v.visit_date BETWEEN @start AND @end
      AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid)
      AND (@townshipId IS NULL OR ve.township_id = @townshipId)
      AND (@officer IS NULL OR v.officer = @officer)
  )`;

// A loan's balance at the start of day @start: the roster figure (as of balance_as_of), less live payments made
// from balance_as_of up to the day before @start, plus live payments made from @start up to the day before
// balance_as_of (a roster dated after the week already has them taken off).
const LOAN_START = (principal: 'principal_fen' | 'interest_fen') => `
  l.${principal} - ifnull((
    SELECT sum(CASE WHEN pv.visit_date >= l.balance_as_of AND pv.visit_date < @start THEN o.${principal}
                    WHEN pv.visit_date >= @start AND pv.visit_date < l.balance_as_of THEN -o.${principal}
                    ELSE 0 END)
    FROM visit_outcomes o JOIN visits pv ON pv.id = o.visit_id
    WHERE o.loan_id = l.id AND o.kind = 'cash'
      AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = pv.uid)), 0)`;

function params(s: WeekScope) {
  return { start: s.start, end: s.end, townshipId: s.townshipId ?? null, officer: s.officer ?? null };
}

/** Everything the weekly report counts, in a handful of set-based queries (no per-household queries). */
export function weekFacts(db: Db, scope: WeekScope): WeekFacts {
  const p = params(scope);
  const visits = db
    .prepare(
      `WITH ${WEEK_VISITS}
       SELECT wv.visit_id AS visitId, wv.visit_uid AS visitUid, wv.household_id AS householdId,
              coalesce(b.name, wv.head_name) AS borrower, wv.visit_date AS visitDate, wv.officer, wv.escalate,
              t.id AS townshipId, t.name AS township, a.name AS area, vil.id AS villageId, vil.name AS village,
              g.name AS "group", fv.name AS formerVillage
       FROM wv
       JOIN villages vil ON vil.id = wv.village_id
       JOIN townships t ON t.id = vil.township_id
       LEFT JOIN areas a ON a.id = vil.area_id
       LEFT JOIN village_groups g ON g.id = wv.group_id
       LEFT JOIN villages fv ON fv.id = wv.former_village_id
       LEFT JOIN borrowers b ON b.id = wv.borrower_id
       ORDER BY wv.visit_date, wv.visit_id`,
    )
    .all(p) as WeekVisitRow[];
  if (visits.length === 0) return { visits, outcomes: [], villages: [], households: [], intentLoans: [], townships: [] };

  const outcomes = db
    .prepare(
      `WITH ${WEEK_VISITS}
       SELECT o.id AS outcomeId, o.visit_id AS visitId, o.kind, o.loan_id AS loanId, o.reason, o.where_text AS "where",
              o.principal_fen AS principalFen, o.interest_fen AS interestFen
       FROM wv JOIN visit_outcomes o ON o.visit_id = wv.visit_id
       ORDER BY o.visit_id, o.id`,
    )
    .all(p) as WeekOutcomeRow[];

  const villages = db
    .prepare(
      `WITH ${WEEK_VISITS}
       SELECT vil.id AS villageId, vil.name AS village, t.id AS townshipId, t.name AS township, a.name AS area
       FROM villages vil JOIN townships t ON t.id = vil.township_id LEFT JOIN areas a ON a.id = vil.area_id
       WHERE vil.id IN (SELECT village_id FROM wv)
       ORDER BY vil.id`,
    )
    .all(p) as WeekVillageRow[];

  // Households of the visited committees: bounded by those committees' households, one grouped pass over their loans.
  const households = db
    .prepare(
      `WITH ${WEEK_VISITS},
       vv AS MATERIALIZED (SELECT DISTINCT village_id FROM wv),
       hh AS MATERIALIZED (
         SELECT h.id, h.head_name, vv.village_id
         FROM vv JOIN effective_villages ev ON ev.effective_id = vv.village_id
         JOIN households h ON h.village_id = ev.village_id),
       lb AS (
         SELECT b.household_id, ${LOAN_START('principal_fen')} AS p, ${LOAN_START('interest_fen')} AS i
         FROM hh JOIN borrowers b ON b.household_id = hh.id JOIN loans l ON l.borrower_id = b.id),
       hb AS (SELECT household_id, sum(p) AS p, sum(i) AS i FROM lb GROUP BY household_id)
       SELECT hh.id AS householdId, hh.head_name AS headName, hh.village_id AS villageId,
              ifnull(hb.p, 0) AS principalFen, ifnull(hb.i, 0) AS interestFen
       FROM hh LEFT JOIN hb ON hb.household_id = hh.id
       WHERE ifnull(hb.p, 0) + ifnull(hb.i, 0) > 0 OR hh.id IN (SELECT household_id FROM wv)
       ORDER BY hh.id`,
    )
    .all(p) as WeekHouseholdRow[];

  const intentLoans = db
    .prepare(
      `WITH ${WEEK_VISITS},
       ih AS MATERIALIZED (SELECT DISTINCT wv.household_id FROM wv JOIN visit_outcomes o ON o.visit_id = wv.visit_id WHERE o.kind = 'intent')
       SELECT l.id AS loanId, b.household_id AS householdId,
              ${LOAN_START('principal_fen')} AS principalFen, ${LOAN_START('interest_fen')} AS interestFen
       FROM ih JOIN borrowers b ON b.household_id = ih.household_id JOIN loans l ON l.borrower_id = b.id
       ORDER BY l.id`,
    )
    .all(p) as WeekLoanRow[];

  const townships = db
    .prepare(
      `SELECT id AS townshipId, name AS township, population, livelihood, committee_count AS committeeCount
       FROM townships WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify([...new Set(visits.map((v) => v.townshipId))])) as TownshipProfileRow[];

  return { visits, outcomes, villages, households, intentLoans, townships };
}
