// The limitation facts as src/db/limitation.ts gathered them before the report streamed (every loan in memory, a few
// bulk queries): kept only as the reference the streamed pass is compared with (test/db/limitationStream.test.ts).
import type { Db } from '../../src/db/open.js';
import { liveFacts } from '../../src/db/facts.js';
import type { IsoDate } from '../../src/domain/dates.js';
import type { Actor, LegalResult, LegalStage, PublicMedium } from '../../src/domain/limitationStatus.js';
import { legalClockEvent, markClockEvent, visitClockEvents, type ClockOutcome, type LoanMarkKind } from '../../src/domain/clockEvents.js';
import type { OutcomeKind } from '../../src/domain/outcomes.js';
import { PROOF, type LoanFacts, type LoanFilter } from '../../src/db/limitation.js';
// The proof rule (a recording, or a live attachment) is the one src/db/limitation.ts applies: shared, not copied.


export function loanClockFactsBulk(db: Db, f: LoanFilter = {}, today?: IsoDate): LoanFacts[] {
  const params = {
    townshipId: f.townshipId ?? null,
    villageId: f.villageId ?? null,
    householdId: f.householdId ?? null,
    borrowerId: f.borrowerId ?? null,
    loanId: f.loanId ?? null,
    officer: f.officer ?? null,
    today: today ?? '9999-12-31',
  };
  const where = `(@townshipId IS NULL OR t.id = @townshipId) AND (@villageId IS NULL OR ev.effective_id = @villageId)
      AND (@householdId IS NULL OR h.id = @householdId) AND (@borrowerId IS NULL OR b.id = @borrowerId) AND (@loanId IS NULL OR l.id = @loanId)
      AND (@officer IS NULL OR l.officer = @officer)`;
  const from = `FROM loans l
       JOIN borrowers b ON b.id = l.borrower_id
       JOIN households h ON h.id = b.household_id
       JOIN effective_villages ev ON ev.village_id = h.village_id
       JOIN villages vil ON vil.id = ev.effective_id
       JOIN townships t ON t.id = vil.township_id
       LEFT JOIN areas a ON a.id = vil.area_id
       LEFT JOIN village_groups g ON g.id = h.group_id`;
  const loans = db
    .prepare(
      `SELECT l.id AS loanId, l.loan_no AS loanNo, b.id AS borrowerId, b.name AS borrower, h.id AS householdId, h.head_name AS householdHead,
              t.name AS township, a.name AS area, vil.name AS village, g.name AS "group", l.officer, l.loan_date AS loanDate, l.due_date AS dueDate,
              lb.principal_fen AS principalFen, lb.interest_fen AS interestFen, l.guarantor, l.guarantee_until AS guaranteeUntil, l.guarantee_type AS guaranteeType,
              s.status, CASE WHEN s.status = 'deceased' THEN s.deceased_on END AS deceasedOn, s.heir_name AS heirName, s.heir_known_on AS heirKnownOn
       ${from}
       JOIN loan_balances lb ON lb.loan_id = l.id
       JOIN borrower_status s ON s.borrower_id = b.id
       WHERE ${where}
       ORDER BY t.name, vil.name, g.name, h.head_name, l.due_date, l.loan_no`,
    )
    .all(params) as Omit<LoanFacts, 'events' | 'officerFinding' | 'guarantorActs'>[];
  if (loans.length === 0) return [];
  const byId = new Map<number, LoanFacts>();
  const byBorrower = new Map<number, LoanFacts[]>();
  for (const r of loans) {
    const x: LoanFacts = { ...r, events: [], guarantorActs: [], officerFinding: null };
    byId.set(x.loanId, x);
    const list = byBorrower.get(x.borrowerId) ?? [];
    list.push(x);
    byBorrower.set(x.borrowerId, list);
  }

  // Outcomes of live visits, each with the borrower the visit was logged for (the household's first borrower when a
  // visit named none) and, for a signed notice in the register, its type.
  const outcomes = db
    .prepare(
      `SELECT * FROM (
         SELECT o.kind, o.loan_id AS loanId, o.actor, o.reason, o.where_text AS "where", o.text, o.principal_fen AS principalFen, o.interest_fen AS interestFen,
                v.id AS visitId, v.visit_date AS date, NULL AS borrowerId, n.type AS noticeType, o.id AS oid,
                v.channel, v.delivery, v.delivered_on AS deliveredOn, ${PROOF} AS hasProof
         FROM visit_outcomes o JOIN live_visits v ON v.id = o.visit_id LEFT JOIN notices n ON n.notice_no = o.notice_no
         WHERE o.loan_id IN (SELECT l.id ${from} WHERE ${where}) AND v.visit_date <= @today
         UNION ALL
         SELECT o.kind, NULL, o.actor, o.reason, o.where_text, o.text, o.principal_fen, o.interest_fen, v.id, v.visit_date,
                coalesce(v.borrower_id, (SELECT min(b2.id) FROM borrowers b2 WHERE b2.household_id = v.household_id)), n.type, o.id,
                v.channel, v.delivery, v.delivered_on, ${PROOF}
         FROM visit_outcomes o JOIN live_visits v ON v.id = o.visit_id LEFT JOIN notices n ON n.notice_no = o.notice_no
         WHERE o.loan_id IS NULL AND v.household_id IN (SELECT h.id ${from} WHERE ${where}) AND v.visit_date <= @today)
       ORDER BY date, visitId, oid`,
    )
    .all(params) as (Omit<ClockOutcome, 'kind' | 'actor'> & { kind: OutcomeKind; actor: Actor | null; loanId: number | null; borrowerId: number | null })[];
  // Group by visit and loan: a signature and a promise in one visit are read together.
  const groups = new Map<string, { loan: LoanFacts; outcomes: ClockOutcome[] }>();
  for (const o of outcomes) {
    const targets = o.loanId !== null ? [byId.get(o.loanId)].filter((x): x is LoanFacts => !!x) : (byBorrower.get(o.borrowerId ?? -1) ?? []);
    for (const t of targets) {
      const key = `${o.visitId}:${t.loanId}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { loan: t, outcomes: [] }));
      g.outcomes.push(o);
    }
  }
  for (const { loan, outcomes: os } of groups.values()) {
    const r = visitClockEvents(os);
    loan.events.push(...r.events);
    loan.guarantorActs.push(...r.guarantorActs);
    if (r.finding && (!loan.officerFinding || loan.officerFinding.date <= r.finding)) loan.officerFinding = { date: r.finding, visitId: os[0]!.visitId };
  }

  const marks = db
    .prepare(
      `SELECT m.id, m.loan_id AS loanId, m.kind, m.mark_date AS date, m.medium, m.note FROM ${liveFacts('loan_marks')} m
       WHERE m.loan_id IN (SELECT l.id ${from} WHERE ${where}) AND m.mark_date <= @today ORDER BY m.mark_date, m.id`,
    )
    .all(params) as { id: number; loanId: number; kind: LoanMarkKind; date: IsoDate; medium: PublicMedium | null; note: string | null }[];
  for (const m of marks) byId.get(m.loanId)?.events.push(markClockEvent(m));

  const legal = db
    .prepare(
      `SELECT e.id, e.loan_id AS loanId, e.stage, e.event_date AS date, e.perform_by AS performBy, e.result, e.case_no AS caseNo FROM ${liveFacts('legal_events')} e
       WHERE e.loan_id IN (SELECT l.id ${from} WHERE ${where}) AND e.event_date <= @today ORDER BY e.event_date, e.id`,
    )
    .all(params) as { id: number; loanId: number; stage: LegalStage; date: IsoDate; performBy: IsoDate | null; result: LegalResult | null; caseNo: string | null }[];
  for (const e of legal) {
    const x = byId.get(e.loanId);
    if (!x) continue;
    const r = legalClockEvent(e);
    x.events.push(r.event);
    if (r.guarantorAct) x.guarantorActs.push(r.guarantorAct);
  }
  return [...byId.values()];
}
