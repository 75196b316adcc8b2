// The facts the limitation clock needs, per loan, gathered in bulk: due date, interrupting events, death and heir, guarantee.
import type { Db } from './open.js';
import { databaseId } from './open.js';
import { uuidv7 } from '../domain/ids.js';
import type { IsoDate } from '../domain/dates.js';
import type { ClockEventKind, LoanClockFacts } from '../domain/limitation.js';

export type LoanFacts = LoanClockFacts;

export interface LoanFilter {
  townshipId?: number;
  /** The committee as reports see it: households of a committee merged into it count too. */
  villageId?: number;
  householdId?: number;
  borrowerId?: number;
  loanId?: number;
  /** Loans this officer manages (loans.officer). */
  officer?: string;
}

/** Every loan matching the filter, with its clock facts; three queries whatever the number of loans. */
export function loanClockFacts(db: Db, f: LoanFilter = {}, today?: IsoDate): LoanFacts[] {
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
              t.name AS township, a.name AS area, vil.name AS village, g.name AS "group", l.officer, l.due_date AS dueDate,
              lb.principal_fen AS principalFen, lb.interest_fen AS interestFen, l.guarantor, l.guarantee_until AS guaranteeUntil,
              s.status, CASE WHEN s.status = 'deceased' THEN s.deceased_on END AS deceasedOn, s.heir_name AS heirName, s.heir_known_on AS heirKnownOn
       ${from}
       JOIN loan_balances lb ON lb.loan_id = l.id
       JOIN borrower_status s ON s.borrower_id = b.id
       WHERE ${where}
       ORDER BY t.name, vil.name, g.name, h.head_name, l.due_date, l.loan_no`,
    )
    .all(params) as Omit<LoanFacts, 'events' | 'officerFinding'>[];
  const byId = new Map<number, LoanFacts>();
  const byHousehold = new Map<number, LoanFacts[]>();
  for (const r of loans) {
    const x: LoanFacts = { ...r, events: [], officerFinding: null };
    byId.set(x.loanId, x);
    const list = byHousehold.get(x.householdId) ?? [];
    list.push(x);
    byHousehold.set(x.householdId, list);
  }
  if (loans.length === 0) return [];

  // Outcomes of live visits. One that names a loan counts for that loan whatever household the visit is on (a roster
  // may since have moved the loan to another household); loan_id NULL covers every loan of the visit's household.
  const outcomes = db
    .prepare(
      `SELECT * FROM (
         SELECT o.kind, o.loan_id AS loanId, o.signed_by AS signedBy, o.reason, o.text, o.principal_fen AS p, o.interest_fen AS i,
                v.id AS visitId, v.visit_date AS date, v.household_id AS householdId, o.id AS oid
         FROM visit_outcomes o JOIN live_visits v ON v.id = o.visit_id
         WHERE o.loan_id IN (SELECT l.id ${from} WHERE ${where}) AND v.visit_date <= @today
         UNION ALL
         SELECT o.kind, NULL, o.signed_by, o.reason, o.text, o.principal_fen, o.interest_fen, v.id, v.visit_date, v.household_id, o.id
         FROM visit_outcomes o JOIN live_visits v ON v.id = o.visit_id
         WHERE o.loan_id IS NULL AND v.household_id IN (SELECT h.id ${from} WHERE ${where}) AND v.visit_date <= @today)
       ORDER BY date, visitId, oid`,
    )
    .all(params) as {
    kind: string;
    loanId: number | null;
    signedBy: string | null;
    reason: string | null;
    text: string | null;
    p: number | null;
    i: number | null;
    visitId: number;
    date: IsoDate;
    householdId: number;
  }[];
  for (const o of outcomes) {
    const targets = o.loanId !== null ? [byId.get(o.loanId)].filter((x): x is LoanFacts => !!x) : (byHousehold.get(o.householdId) ?? []);
    if (o.kind === 'statute-expired') {
      for (const t of targets) if (!t.officerFinding || t.officerFinding.date <= o.date) t.officerFinding = { date: o.date, visitId: o.visitId };
      continue;
    }
    let kind: ClockEventKind;
    let detail: string | null = null;
    if (o.kind === 'notice-signed') kind = o.signedBy === 'relative' ? 'relative-signed' : 'notice-signed';
    else if (o.kind === 'intent') kind = 'intent';
    else if (o.kind === 'cash') {
      if ((o.p ?? 0) + (o.i ?? 0) === 0) continue;
      kind = 'payment';
    } else if (o.kind === 'not-signed') {
      kind = 'not-signed';
      detail = o.reason;
    } else {
      kind = 'note';
      detail = o.text;
    }
    for (const t of targets) t.events.push({ date: o.date, kind, visitId: o.visitId, detail });
  }

  const loanEvents = db
    .prepare(
      `SELECT e.loan_id AS loanId, e.kind, e.event_date AS date, e.note
       FROM loan_events e WHERE e.loan_id IN (SELECT l.id ${from} WHERE ${where}) AND e.event_date <= @today
       ORDER BY e.event_date, e.id`,
    )
    .all(params) as { loanId: number; kind: 'lawsuit' | 'public-notice'; date: IsoDate; note: string | null }[];
  for (const e of loanEvents) byId.get(e.loanId)?.events.push({ date: e.date, kind: e.kind, visitId: null, detail: e.note });
  return [...byId.values()];
}

export interface LoanEventInput {
  loanId: number;
  kind: 'lawsuit' | 'public-notice';
  date: IsoDate;
  note: string | null;
  recordedAt: string;
}

/** Records a lawsuit or public-notice demand; the same kind on the same date for the same loan is recorded once. */
export function recordLoanEvent(db: Db, e: LoanEventInput): { created: boolean } {
  return db
    .transaction(() => {
      const prev = db.prepare(`SELECT 1 FROM loan_events WHERE loan_id = ? AND kind = ? AND event_date = ?`).get(e.loanId, e.kind, e.date);
      if (prev) return { created: false };
      db.prepare(`INSERT INTO loan_events (uid, origin_db, loan_id, kind, event_date, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
        uuidv7(),
        databaseId(db),
        e.loanId,
        e.kind,
        e.date,
        e.note,
        e.recordedAt,
      );
      return { created: true };
    })
    .immediate();
}
