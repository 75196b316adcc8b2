// The facts behind the weekly report: the week's live visits and outcomes, and the visited committees' households with their balances at the start of the week.
import { readThroughMap } from './readMap.js';
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
      AND v.channel = 'visit'
  )`;

// The live payments dated from @start on, by loan, for the loans answered from the cache. Two ways to find them, the
// same payments either way, and the query takes the cheaper: through the visits of those days (the visits_date index;
// cheap when @start is recent, as for this week's report), or, when more visits are dated from @start on than there are
// loans in hand (a report of a week long past), through each loan's cash outcomes and their visits' dates. A constant
// condition in WHERE is tested once, before the loop: the way not taken reads nothing.
const SINCE = `
  way AS MATERIALIZED (
    SELECT (SELECT count(*) FROM (SELECT 1 FROM visits WHERE visit_date >= @start LIMIT (SELECT count(*) FROM ln) + 1001))
           <= (SELECT count(*) FROM ln) + 1000 AS by_date),
  since AS MATERIALIZED (
    SELECT loan_id, sum(p) AS p, sum(i) AS i FROM (
      SELECT o.loan_id, o.principal_fen AS p, o.interest_fen AS i
      FROM visits v CROSS JOIN visit_outcomes o ON o.visit_id = v.id
      WHERE (SELECT by_date FROM way) AND v.visit_date >= @start AND o.kind = 'cash' AND o.loan_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid)
      UNION ALL
      SELECT o.loan_id, o.principal_fen AS p, o.interest_fen AS i
      FROM ln CROSS JOIN visit_outcomes o ON o.loan_id = ln.loan_id AND o.kind = 'cash' CROSS JOIN visits v ON v.id = o.visit_id
      WHERE NOT (SELECT by_date FROM way) AND ln.cached AND v.visit_date >= @start
        AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid))
    GROUP BY loan_id)`;

// Each loan's balance at the start of day @start, for the households in CTE `src(household_id)`, on the ledger's basis
// (src/domain/posting.ts balanceAt): R = the loan's latest statement on or before @start, else its first; the balance
// is R less the live payments dated before @start that R does not show (not posted, or posted by a later statement),
// plus those dated from @start on that R shows (payments before the first statement confirmed as in it). Where each
// payment posted comes from the ledger cache (payment_postings), kept with the facts.
//
// Most loans have no statement after @start (for this week's report, none has): then R is the latest statement, "R
// shows it" is "posted", and the balance is the cached outstanding balance (loan_ledger: the latest statement less
// every payment not posted) plus every live payment dated from @start on — one lookup per loan and the few payments
// since @start, instead of every payment of every loan. Only a loan with a statement dated after @start (any statement,
// even a void one: the test errs towards the full way) or without a cache row is worked out the full way.
// CROSS JOIN fixes the join order: from the few households in hand to their loans, never from all loans.
const LOAN_START = `
  ln AS MATERIALIZED (
    SELECT src.household_id, l.id AS loan_id, g.principal_fen AS cached_p, g.interest_fen AS cached_i,
           g.loan_id IS NOT NULL AND ifnull((SELECT max(s.as_of) FROM ledger_statements s WHERE s.loan_id = l.id), '') <= @start AS cached
    FROM src CROSS JOIN borrowers b ON b.household_id = src.household_id CROSS JOIN loans l ON l.borrower_id = b.id
    LEFT JOIN loan_ledger g ON g.loan_id = l.id),
  ${SINCE},
  ref AS MATERIALIZED (
    SELECT ln.loan_id, coalesce(
      (SELECT s.id FROM effective_statements s WHERE s.loan_id = ln.loan_id AND s.as_of <= @start ORDER BY s.as_of DESC LIMIT 1),
      (SELECT s.id FROM effective_statements s WHERE s.loan_id = ln.loan_id ORDER BY s.as_of LIMIT 1)) AS sid
    FROM ln WHERE NOT ln.cached),
  rl AS MATERIALIZED (
    SELECT ln.household_id, ln.loan_id, coalesce(s.as_of, l.balance_as_of) AS as_of,
           coalesce(s.principal_fen, l.principal_fen) AS principal_fen, coalesce(s.interest_fen, l.interest_fen) AS interest_fen
    FROM ref CROSS JOIN ln ON ln.loan_id = ref.loan_id CROSS JOIN loans l ON l.id = ln.loan_id LEFT JOIN ledger_statements s ON s.id = ref.sid),
  pd AS (
    SELECT rl.loan_id,
           sum(CASE WHEN pv.visit_date < @start AND (pp.posted_on IS NULL OR pp.posted_on > rl.as_of) THEN o.principal_fen
                    WHEN pv.visit_date >= @start AND pp.posted_on <= rl.as_of THEN -o.principal_fen ELSE 0 END) AS dp,
           sum(CASE WHEN pv.visit_date < @start AND (pp.interest_posted_on IS NULL OR pp.interest_posted_on > rl.as_of) THEN o.interest_fen
                    WHEN pv.visit_date >= @start AND pp.interest_posted_on <= rl.as_of THEN -o.interest_fen ELSE 0 END) AS di
    FROM rl CROSS JOIN visit_outcomes o ON o.loan_id = rl.loan_id AND o.kind = 'cash' CROSS JOIN visits pv ON pv.id = o.visit_id
    LEFT JOIN payment_postings pp ON pp.outcome_id = o.id
    WHERE NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = pv.uid)
    GROUP BY rl.loan_id),
  lbs AS (
    SELECT ln.household_id, ln.loan_id, ln.cached_p + ifnull(sc.p, 0) AS p, ln.cached_i + ifnull(sc.i, 0) AS i
    FROM ln LEFT JOIN since sc ON sc.loan_id = ln.loan_id WHERE ln.cached
    UNION ALL
    SELECT rl.household_id, rl.loan_id, rl.principal_fen - ifnull(pd.dp, 0) AS p, rl.interest_fen - ifnull(pd.di, 0) AS i
    FROM rl LEFT JOIN pd ON pd.loan_id = rl.loan_id)`;

/** Everything the weekly report counts, in a handful of set-based queries (no per-household queries). */
export function weekFacts(db: Db, scope: WeekScope): WeekFacts {
  // The week's reads land on pages all over a large file (each visit's household, each loan's cache row).
  readThroughMap(db);
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
    .all({ start: scope.start, end: scope.end, townshipId: scope.townshipId ?? null, officer: scope.officer ?? null }) as WeekVisitRow[];
  // The other contacts of the week in the same scope (calls, messages, letters, the office), by channel.
  const otherContacts = db
    .prepare(
      `SELECT v.channel, count(*) AS contacts
       FROM visits v JOIN households h ON h.id = v.household_id JOIN effective_villages ev ON ev.village_id = h.village_id JOIN villages ve ON ve.id = ev.effective_id
       WHERE v.visit_date BETWEEN @start AND @end AND v.channel <> 'visit'
         AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid)
         AND (@townshipId IS NULL OR ve.township_id = @townshipId) AND (@officer IS NULL OR v.officer = @officer)
       GROUP BY v.channel ORDER BY v.channel`,
    )
    .all({ start: scope.start, end: scope.end, townshipId: scope.townshipId ?? null, officer: scope.officer ?? null }) as { channel: string; contacts: number }[];
  if (visits.length === 0) return { visits, outcomes: [], villages: [], households: [], intentLoans: [], townships: [], otherContacts };
  // The week's visits are in hand: later queries start from their ids rather than finding them again.
  const ids = (xs: number[]) => JSON.stringify([...new Set(xs)]);

  const outcomes = db
    .prepare(
      `SELECT o.id AS outcomeId, o.visit_id AS visitId, o.kind, o.loan_id AS loanId, o.reason, o.where_text AS "where",
              o.principal_fen AS principalFen, o.interest_fen AS interestFen,
              CASE WHEN o.kind = 'cash' THEN (CASE WHEN pp.state = 'posted' THEN 0 ELSE o.principal_fen END)
                                           + (CASE WHEN pp.interest_state = 'posted' THEN 0 ELSE o.interest_fen END) END AS unpostedFen
       FROM json_each(?) j CROSS JOIN visit_outcomes o ON o.visit_id = j.value LEFT JOIN payment_postings pp ON pp.outcome_id = o.id
       ORDER BY o.visit_id, o.id`,
    )
    .all(ids(visits.map((v) => v.visitId))) as WeekOutcomeRow[];

  const villageIds = ids(visits.map((v) => v.villageId));
  const villages = db
    .prepare(
      `SELECT vil.id AS villageId, vil.name AS village, t.id AS townshipId, t.name AS township, a.name AS area
       FROM villages vil JOIN townships t ON t.id = vil.township_id LEFT JOIN areas a ON a.id = vil.area_id
       WHERE vil.id IN (SELECT value FROM json_each(?))
       ORDER BY vil.id`,
    )
    .all(villageIds) as WeekVillageRow[];

  // Households of the visited committees (a merged committee's households count under the one it joined):
  // bounded by those committees' households, one grouped pass over their loans and payments. The ids come back as one
  // JSON list per committee: tens of thousands of rows made into objects by the driver cost more than the query.
  const lists = db
    .prepare(
      `WITH src AS MATERIALIZED (
         SELECT h.id AS household_id, vv.value AS village_id
         FROM json_each(@villages) vv CROSS JOIN effective_villages ev ON ev.effective_id = vv.value CROSS JOIN households h ON h.village_id = ev.village_id),
       ${LOAN_START},
       hb AS (SELECT household_id, sum(p) + sum(i) AS owed FROM lbs GROUP BY household_id)
       SELECT village_id AS villageId, json_group_array(household_id) AS ids FROM (
         SELECT src.village_id, src.household_id
         FROM src LEFT JOIN hb ON hb.household_id = src.household_id
         WHERE ifnull(hb.owed, 0) > 0 OR src.household_id IN (SELECT value FROM json_each(@visited))
         ORDER BY src.household_id)
       GROUP BY village_id`,
    )
    .all({ start: scope.start, villages: villageIds, visited: ids(visits.map((v) => v.householdId)) }) as { villageId: number; ids: string }[];
  const households: WeekHouseholdRow[] = [];
  for (const l of lists) for (const householdId of JSON.parse(l.ids) as number[]) households.push({ householdId, villageId: l.villageId });

  const visitHousehold = new Map(visits.map((v) => [v.visitId, v.householdId]));
  const intentHouseholds = outcomes.filter((o) => o.kind === 'intent').map((o) => visitHousehold.get(o.visitId)!);
  const intentLoans = intentHouseholds.length ? loanBalancesAt(db, intentHouseholds, scope.start) : [];

  const townships = db
    .prepare(
      `SELECT id AS townshipId, name AS township, population, livelihood, committee_count AS committeeCount
       FROM townships WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(ids(visits.map((v) => v.townshipId))) as TownshipProfileRow[];

  return { visits, outcomes, villages, households, intentLoans, townships, otherContacts };
}

/** Each loan of these households with its balance at the start of `start` (the report's basis; see LOAN_START). */
export function loanBalancesAt(db: Db, householdIds: number[], start: string): WeekLoanRow[] {
  return db
    .prepare(
      `WITH src AS (SELECT value AS household_id FROM json_each(@households)), ${LOAN_START}
       SELECT loan_id AS loanId, household_id AS householdId, p AS principalFen, i AS interestFen FROM lbs ORDER BY loan_id`,
    )
    .all({ start, households: JSON.stringify([...new Set(householdIds)]) }) as WeekLoanRow[];
}
