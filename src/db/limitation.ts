// The facts the limitation clock needs, per loan, gathered in bulk: due date, the acts that apply to it, marks, legal stages.
import type { Db } from './open.js';
import { stmt } from './stmt.js';
import { readThroughMap } from './readMap.js';
import { insertFact, liveFacts } from './facts.js';
import type { IsoDate } from '../domain/dates.js';
import type { LoanClockFacts } from '../domain/limitation.js';
import type { Actor, LegalResult, LegalStage, LegalStageFields, PublicMedium } from '../domain/limitationStatus.js';
import { legalClockEvent, legalStageProblem, markClockEvent, visitClockEvents, type ClockOutcome, type LoanMarkKind } from '../domain/clockEvents.js';
import type { OutcomeKind } from '../domain/outcomes.js';
import { DataError } from '../domain/errors.js';
import { text } from '../domain/text.js';

export type LoanFacts = LoanClockFacts;

/** A remote contact's proof: a recording of the call, or a file attached to the contact (a screenshot, a scan, a recording). */
export const PROOF = `(coalesce(v.recording, 0) = 1 OR EXISTS (SELECT 1 FROM attachments pa WHERE pa.visit_uid = v.uid
  AND NOT EXISTS (SELECT 1 FROM fact_voids pz WHERE pz.target_uid = pa.uid)))`;

export interface LoanFilter {
  townshipId?: number;
  /** The committee as reports see it: households of a committee merged into it count too. */
  villageId?: number;
  householdId?: number;
  borrowerId?: number;
  loanId?: number;
  /** Loans managed by this officer (the roster's officer column). */
  officer?: string;
}

/**
 * The columns of a visit outcome the clock reads (src/domain/clockEvents.ts ClockOutcome), `o` the outcome, `v` the
 * visit, `n` the notice in the register. A new column the clock needs is one more line here (and its field in
 * ClockOutcome); every query of this module reads outcomes through this list.
 */
const OUTCOME_COLUMNS = [
  `o.kind`,
  `o.actor`,
  `o.reason`,
  `o.where_text AS "where"`,
  `o.text`,
  `o.principal_fen AS principalFen`,
  `o.interest_fen AS interestFen`,
  `n.type AS noticeType`,
  // How the contact was made and its proof (issue 10): a remote promise or signature counts only with it.
  `v.channel`,
  `v.delivery`,
  `v.delivered_on AS deliveredOn`,
  `${PROOF} AS hasProof`,
].join(', ');

/** OUTCOME_COLUMNS without their names, for json_array: read back by outcomeFromArray in this order. */
const OUTCOME_ARRAY = OUTCOME_COLUMNS.replace(/ AS ("where"|\w+)/g, '');

/** An outcome read as [bid, loanId, visitId, date, oid, ...OUTCOME_ARRAY] (its household given). */
function outcomeFromArray(hh: number, a: unknown[]): OutcomeRow {
  return {
    hh,
    bid: a[0] as number,
    loanId: a[1] as number | null,
    visitId: a[2] as number,
    date: a[3] as IsoDate,
    oid: a[4] as number,
    kind: a[5] as OutcomeKind,
    actor: a[6] as Actor | null,
    reason: a[7] as string | null,
    where: a[8] as string | null,
    text: a[9] as string | null,
    principalFen: a[10] as number | null,
    interestFen: a[11] as number | null,
    noticeType: a[12] as string | null,
    channel: a[13] as ClockOutcome['channel'],
    delivery: a[14] as ClockOutcome['delivery'],
    deliveredOn: a[15] as IsoDate | null,
    hasProof: a[16] as unknown as boolean,
  };
}

type OutcomeRow = Omit<ClockOutcome, 'kind' | 'actor'> & { kind: OutcomeKind; actor: Actor | null; hh: number; bid: number; loanId: number | null; oid: number };
type MarkRow = { hh: number; bid: number; loanId: number; id: number; kind: LoanMarkKind; date: IsoDate; medium: PublicMedium | null; note: string | null };
type LegalRow = { hh: number; bid: number; loanId: number; id: number; stage: LegalStage; date: IsoDate; performBy: IsoDate | null; result: LegalResult | null; caseNo: string | null };
type LoanRow = Omit<LoanFacts, 'events' | 'officerFinding' | 'guarantorActs'>;

/** The filter as SQL over l (loans), b (borrowers), h (households), ev (effective_villages), vil, t: only the conditions given, so an index can serve them. */
function filterSql(f: LoanFilter): { where: string; params: Record<string, unknown> } {
  const conds: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (cond: string, key: keyof LoanFilter) => {
    if (f[key] === undefined || f[key] === null) return;
    conds.push(cond);
    params[key] = f[key];
  };
  add('t.id = @townshipId', 'townshipId');
  add('ev.effective_id = @villageId', 'villageId');
  add('h.id = @householdId', 'householdId');
  add('b.id = @borrowerId', 'borrowerId');
  add('l.id = @loanId', 'loanId');
  add('l.officer = @officer', 'officer');
  return { where: conds.length ? conds.join(' AND ') : '1', params };
}

const PLACE_JOINS = `JOIN households h ON h.id = b.household_id
       JOIN effective_villages ev ON ev.village_id = h.village_id
       JOIN villages vil ON vil.id = ev.effective_id
       JOIN townships t ON t.id = vil.township_id`;

/**
 * Every loan matching the filter with its clock facts, handed to `each` one household at a time (its loans by
 * borrower, then loan id), in household order: one ordered pass over the loans and their events, so memory holds one
 * household's facts, whatever the number of loans. An outcome that names a loan counts for that loan; one that names
 * none counts for the loans of the borrower the visit was logged for (the household's first borrower when the visit
 * named none), never a relative's or a neighbour's own loans.
 */
export function eachHouseholdClockFacts(
  db: Db,
  f: LoanFilter,
  today: IsoDate | undefined,
  each: (loans: LoanFacts[]) => void,
  /** How the queries go: decided by the number of loans in scope (clockScopeIsFew) unless a test says (both give the same facts). */
  drive?: 'few' | 'many',
): void {
  const { where, params } = filterSql(f);
  const p = { ...params, today: today ?? '9999-12-31' };
  // The loans in scope, in (household, borrower, loan) order: borrowers by their household index, loans by borrower.
  const scoped = `SELECT b.household_id AS hh, b.id AS bid, l.id AS lid FROM borrowers b CROSS JOIN loans l ON l.borrower_id = b.id ${PLACE_JOINS} WHERE ${where}`;
  // The loans in scope with their household and borrower, in a TEMP table keyed by loan: the outcomes below find
  // their household there (a lookup in a small table) instead of each loan finding its outcomes (two random row
  // reads per outcome in the large tables).
  db.exec(`DROP TABLE IF EXISTS temp.clock_scope; CREATE TEMP TABLE clock_scope (lid INTEGER PRIMARY KEY, hh INTEGER NOT NULL, bid INTEGER NOT NULL)`);
  db.prepare(`INSERT INTO temp.clock_scope (hh, bid, lid) ${scoped}`).run(params);
  // Many loans or a few: for many (the whole database, most of it), passes over the tables; for a few (one loan, a
  // household, a township of many), the loans in scope drive every query through the indexes, not a pass over them all.
  const few = drive === undefined ? clockScopeIsFew(db) : drive === 'few';
  // A part of the database is read at places all over the file: through a memory map (src/db/readMap.ts), set before
  // any cursor opens. The whole database is read in passes, where a map saves little and its pages would count in the
  // process's memory.
  if (few) readThroughMap(db);
  // Rows as arrays (raw), each loan's object built here: the driver's object per row was a large part of the CPU.
  // For a few loans they come from the scope table (each loan, borrower and household by its key), sorted; for many,
  // from the borrowers in household order.
  const loans = db
    .prepare(
      `SELECT b.household_id, l.id, l.loan_no, b.id, b.name, h.head_name,
              t.name, a.name, vil.name, g.name, l.officer, l.loan_date, l.due_date,
              coalesce(lg.principal_fen, l.principal_fen), coalesce(lg.interest_fen, l.interest_fen),
              l.guarantor, l.guarantee_until, l.guarantee_type,
              s.status, CASE WHEN s.status = 'deceased' THEN s.deceased_on END, s.heir_name, s.heir_known_on
       FROM ${few ? 'temp.clock_scope sc CROSS JOIN loans l ON l.id = sc.lid CROSS JOIN borrowers b ON b.id = sc.bid' : 'borrowers b CROSS JOIN loans l ON l.borrower_id = b.id'}
       ${PLACE_JOINS}
       LEFT JOIN areas a ON a.id = vil.area_id
       LEFT JOIN village_groups g ON g.id = h.group_id
       LEFT JOIN loan_ledger lg ON lg.loan_id = l.id
       JOIN borrower_status s ON s.borrower_id = b.id
       ${few ? 'ORDER BY sc.hh, sc.bid, sc.lid' : `WHERE ${where} ORDER BY b.household_id, b.id, l.id`}`,
    )
    .raw(true)
    .iterate(few ? {} : p) as IterableIterator<unknown[]>;
  // Outcomes naming a loan. For many loans: one sequential pass over the outcomes and their visits (in visit order),
  // sorted by household by SQLite's sorter (spilling to a temporary file, not memory). For a few: each loan's outcomes
  // through the (loan_id, kind) index.
  const outcomesFrom =
    few
      ? `temp.clock_scope sc CROSS JOIN visit_outcomes o ON o.loan_id = sc.lid CROSS JOIN visits v ON v.id = o.visit_id`
      : `visit_outcomes o NOT INDEXED CROSS JOIN visits v ON v.id = o.visit_id CROSS JOIN temp.clock_scope sc ON sc.lid = o.loan_id`;
  // One row per household, its outcomes as one JSON array of arrays (OUTCOME_ARRAY order): JSON.parse builds them far
  // faster than the driver builds a row per outcome. The order within a household does not matter (applyOutcomes sorts).
  const named = db
    .prepare(
      `SELECT sc.hh, json_group_array(json_array(sc.bid, o.loan_id, v.id, v.visit_date, o.id, ${OUTCOME_ARRAY}))
       FROM ${outcomesFrom}
       LEFT JOIN notices n ON n.notice_no = o.notice_no
       WHERE v.visit_date <= @today AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid)
       GROUP BY sc.hh ORDER BY sc.hh`,
    )
    .raw(true)
    .iterate(p) as IterableIterator<[number, string]>;
  // Outcomes naming no loan (an index range of their own), by the borrower they count for.
  const unnamed = db
    .prepare(
      `SELECT tb.household_id AS hh, tb.id AS bid, NULL AS loanId, u.*
       FROM (SELECT coalesce(v.borrower_id, (SELECT min(b2.id) FROM borrowers b2 WHERE b2.household_id = v.household_id)) AS target,
                    v.id AS visitId, v.visit_date AS date, o.id AS oid, ${OUTCOME_COLUMNS}
             FROM visit_outcomes o CROSS JOIN visits v ON v.id = o.visit_id LEFT JOIN notices n ON n.notice_no = o.notice_no
             WHERE o.loan_id IS NULL AND v.visit_date <= @today AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid)) u
       JOIN borrowers tb ON tb.id = u.target
       ${where === '1' ? '' : `WHERE tb.id IN (SELECT bid FROM temp.clock_scope)`}
       ORDER BY tb.household_id, tb.id`,
    )
    .iterate(p) as IterableIterator<OutcomeRow>;
  const marks = db
    .prepare(
      `SELECT b.household_id AS hh, b.id AS bid, m.loan_id AS loanId, m.id, m.kind, m.mark_date AS date, m.medium, m.note
       FROM ${few ? `temp.clock_scope sc CROSS JOIN ${liveFacts('loan_marks')} m ON m.loan_id = sc.lid CROSS JOIN borrowers b ON b.id = sc.bid` : `${liveFacts('loan_marks')} m CROSS JOIN loans l ON l.id = m.loan_id CROSS JOIN borrowers b ON b.id = l.borrower_id ${PLACE_JOINS}`}
       WHERE m.mark_date <= @today AND ${few ? '1' : where} ORDER BY b.household_id, b.id, m.mark_date, m.id`,
    )
    .iterate(few ? { today: p.today } : p) as IterableIterator<MarkRow>;
  const legal = db
    .prepare(
      `SELECT b.household_id AS hh, b.id AS bid, e.loan_id AS loanId, e.id, e.stage, e.event_date AS date, e.perform_by AS performBy, e.result, e.case_no AS caseNo
       FROM ${few ? `temp.clock_scope sc CROSS JOIN ${liveFacts('legal_events')} e ON e.loan_id = sc.lid CROSS JOIN borrowers b ON b.id = sc.bid` : `${liveFacts('legal_events')} e CROSS JOIN loans l ON l.id = e.loan_id CROSS JOIN borrowers b ON b.id = l.borrower_id ${PLACE_JOINS}`}
       WHERE e.event_date <= @today AND ${few ? '1' : where} ORDER BY b.household_id, b.id, e.event_date, e.id`,
    )
    .iterate(few ? { today: p.today } : p) as IterableIterator<LegalRow>;

  const namedS = householdRows(named);
  const unnamedS = peekable(unnamed);
  const marksS = peekable(marks);
  const legalS = peekable(legal);
  try {
    let house: LoanFacts[] = [];
    const flush = () => {
      if (house.length === 0) return;
      const hh = house[0]!.householdId;
      const os = namedS.take(hh);
      for (const u of unnamedS.take(hh)) os.push(u);
      applyOutcomes(house, os);
      const ms = marksS.take(hh);
      const ls = legalS.take(hh);
      if (ms.length || ls.length) {
        const byId = new Map(house.map((x) => [x.loanId, x]));
        for (const m of ms) byId.get(m.loanId)?.events.push(markClockEvent(m));
        for (const e of ls) {
          const x = byId.get(e.loanId);
          if (!x) continue;
          const r = legalClockEvent(e);
          x.events.push(r.event);
          if (r.guarantorAct) x.guarantorActs.push(r.guarantorAct);
        }
      }
      each(house);
      house = [];
    };
    for (const r of loans) {
      const householdId = r[0] as number;
      if (house.length && house[0]!.householdId !== householdId) flush();
      house.push({
        householdId,
        loanId: r[1] as number,
        loanNo: r[2] as string,
        borrowerId: r[3] as number,
        borrower: r[4] as string,
        householdHead: r[5] as LoanFacts['householdHead'],
        township: r[6] as LoanFacts['township'],
        area: r[7] as LoanFacts['area'],
        village: r[8] as LoanFacts['village'],
        group: r[9] as LoanFacts['group'],
        officer: r[10] as LoanFacts['officer'],
        loanDate: r[11] as LoanFacts['loanDate'],
        dueDate: r[12] as LoanFacts['dueDate'],
        principalFen: r[13] as LoanFacts['principalFen'],
        interestFen: r[14] as LoanFacts['interestFen'],
        guarantor: r[15] as LoanFacts['guarantor'],
        guaranteeUntil: r[16] as LoanFacts['guaranteeUntil'],
        guaranteeType: r[17] as LoanFacts['guaranteeType'],
        status: r[18] as LoanFacts['status'],
        deceasedOn: r[19] as LoanFacts['deceasedOn'],
        heirName: r[20] as LoanFacts['heirName'],
        heirKnownOn: r[21] as LoanFacts['heirKnownOn'],
        events: [],
        guarantorActs: [],
        officerFinding: null,
      });
    }
    flush();
  } finally {
    // clock_scope stays until the next pass or the connection's end: a caller may still be reading (the agenda).
    for (const it of [loans, named, unnamed, marks, legal]) it.return?.();
  }
}

/**
 * Whether the loans of the last pass (temp.clock_scope) are few against the database (under a quarter): then
 * queries over them are driven by them through the indexes (src/db/agenda.ts for the agenda's other cursors too),
 * else they are passes over the tables. Measured (2026-11-30): driven, a township of 8% of 200,000 loans took 0.6 s
 * against 0.9 s for the passes, 8% of 1,000,000 4.7 s against 7.0 s (a sixteenth, the line before, sent it to the
 * passes); the whole database driven took 7.7 s against 6.7 s.
 */
export function clockScopeIsFew(db: Db): boolean {
  const inScope = (db.prepare(`SELECT count(*) FROM temp.clock_scope`).pluck().get() as number) ?? 0;
  const allLoans = (db.prepare(`SELECT max(id) FROM loans`).pluck().get() as number | null) ?? 0;
  return inScope * 4 < allLoans;
}

/** Rows [hh, JSON array of outcome arrays], one per household in household order: take(hh) returns hh's outcomes. */
function householdRows(it: Iterator<[number, string]>) {
  let head = it.next();
  return {
    take(hh: number): OutcomeRow[] {
      while (!head.done && head.value[0] < hh) head = it.next();
      if (head.done || head.value[0] !== hh) return [];
      const arrays = JSON.parse(head.value[1]) as unknown[][];
      head = it.next();
      return arrays.map((a) => outcomeFromArray(hh, a));
    },
  };
}

/** A stream of rows ordered by household: take(hh) skips rows of earlier households and returns those of hh. */
function peekable<T extends { hh: number }>(it: Iterator<T>) {
  let head = it.next();
  return {
    take(hh: number): T[] {
      const out: T[] = [];
      while (!head.done && head.value.hh < hh) head = it.next();
      while (!head.done && head.value.hh === hh) {
        out.push(head.value);
        head = it.next();
      }
      return out;
    },
  };
}

/**
 * A household's outcomes onto its loans, in (date, visit, outcome) order, grouped by visit and loan: a signature and a
 * promise in one visit are read together.
 */
function applyOutcomes(house: LoanFacts[], outcomes: OutcomeRow[]): void {
  if (outcomes.length === 0) return;
  outcomes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.visitId - b.visitId || a.oid - b.oid));
  // A visit's outcomes are next to each other: grouped by loan a visit at a time, loans in the order they first appear
  // (as a map keyed by visit and loan would give), without a key per outcome.
  const loans: LoanFacts[] = [];
  const lists: ClockOutcome[][] = [];
  const done = () => {
    for (let i = 0; i < loans.length; i++) {
      const loan = loans[i]!;
      const os = lists[i]!;
      const r = visitClockEvents(os);
      for (const e of r.events) loan.events.push(e);
      for (const g of r.guarantorActs) loan.guarantorActs.push(g);
      if (r.finding && (!loan.officerFinding || loan.officerFinding.date <= r.finding)) loan.officerFinding = { date: r.finding, visitId: os[0]!.visitId };
    }
    loans.length = 0;
    lists.length = 0;
  };
  let visit = outcomes[0]!.visitId;
  for (const o of outcomes) {
    if (o.visitId !== visit) {
      done();
      visit = o.visitId;
    }
    for (const t of house) {
      if (o.loanId !== null ? t.loanId !== o.loanId : t.borrowerId !== o.bid) continue;
      const i = loans.indexOf(t);
      if (i >= 0) lists[i]!.push(o);
      else {
        loans.push(t);
        lists.push([o]);
      }
    }
  }
  done();
}

/** Compares as SQLite's BINARY collation does (UTF-8 bytes, i.e. code points), NULL first. */
export function compareBinary(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 order differs from code-point order only between a surrogate and a unit from U+E000 up.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy && (sx ? y : x) >= 0xe000) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** The order reports list loans in: township, committee, group, household head, due date, loan number. */
export function comparePlaceOrder(a: LoanFacts, b: LoanFacts): number {
  return (
    compareBinary(a.township, b.township) ||
    compareBinary(a.village, b.village) ||
    compareBinary(a.group, b.group) ||
    compareBinary(a.householdHead, b.householdHead) ||
    compareBinary(a.dueDate, b.dueDate) ||
    compareBinary(a.loanNo, b.loanNo)
  );
}

/**
 * Every loan matching the filter, with its clock facts, in place order (comparePlaceOrder): for a few loans (a
 * borrower's, a household's). Reports over many loans use eachHouseholdClockFacts and never hold them all.
 */
export function loanClockFacts(db: Db, f: LoanFilter = {}, today?: IsoDate): LoanFacts[] {
  const out: LoanFacts[] = [];
  eachHouseholdClockFacts(db, f, today, (house) => out.push(...house));
  return out.sort(comparePlaceOrder);
}

export interface LoanMarkInput {
  loanId: number;
  kind: LoanMarkKind;
  date: IsoDate;
  medium: PublicMedium | null;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

/** Records a public notice or an acceleration; the same kind on the same date for the same loan (live) is recorded once. */
export function recordLoanMark(db: Db, m: LoanMarkInput): { created: boolean; id: number } {
  return db
    .transaction(() => {
      const prev = stmt(db, `SELECT id FROM ${liveFacts('loan_marks')} x WHERE loan_id = ? AND kind = ? AND mark_date = ? AND medium IS ?`).get(m.loanId, m.kind, m.date, m.medium) as
        | { id: number }
        | undefined;
      if (prev) return { created: false, id: prev.id };
      const r = insertFact(db, 'loan_marks', { loan_id: m.loanId, kind: m.kind, mark_date: m.date, medium: m.medium, note: m.note, recorded_by: m.recordedBy, recorded_at: m.recordedAt });
      return { created: true, id: r.id };
    })
    .immediate();
}

export interface LegalEventInput extends LegalStageFields {
  loanId: number;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

/**
 * Records one stage of a case, refusing stages out of order (a judgment before any filing, enforcement before a
 * judgment, perform-by before the judgment). The same stage on the same date (live) is recorded once.
 */
export function recordLegalEvent(db: Db, e: LegalEventInput): { created: boolean; id: number } {
  return db
    .transaction(() => {
      const existing = stmt(db, `SELECT id, stage, event_date AS date FROM ${liveFacts('legal_events')} x WHERE loan_id = ? ORDER BY event_date, id`).all(e.loanId) as {
        id: number;
        stage: LegalStage;
        date: IsoDate;
      }[];
      const same = existing.find((x) => x.stage === e.stage && x.date === e.date);
      if (same) return { created: false, id: same.id };
      const p = legalStageProblem(existing, { stage: e.stage, date: e.date, performBy: e.performBy });
      if (p) throw new LegalOrderError(p.flag, text(`${p.zh}：未保存。`, `${p.en}: nothing was saved.`));
      const r = insertFact(db, 'legal_events', {
        loan_id: e.loanId,
        stage: e.stage,
        event_date: e.date,
        perform_by: e.performBy,
        court: e.court,
        case_no: e.caseNo,
        lawyer: e.lawyer,
        result: e.result,
        note: e.note,
        recorded_by: e.recordedBy,
        recorded_at: e.recordedAt,
      });
      return { created: true, id: r.id };
    })
    .immediate();
}

/** A stage that cannot follow the ones recorded: the command turns it into a usage error naming the flag. */
export class LegalOrderError extends DataError {
  constructor(
    readonly flag: string,
    t: ReturnType<typeof text>,
  ) {
    super(t);
    this.name = 'LegalOrderError';
  }
}

/**
 * The marks and legal stages of one loan, void ones included (marked), for `loan clock` and the dossier. A fact voided
 * on two laptops has two voids after a merge: it is listed once, with the first (as costs.ts lists a cost).
 */
export function loanLegalRecords(db: Db, loanId: number) {
  const marks = db
    .prepare(
      `SELECT m.id, m.uid, m.kind, m.mark_date AS date, m.medium, m.note, m.recorded_by AS recordedBy, m.recorded_at AS recordedAt,
              v.reason AS voidReason, v.voided_by AS voidedBy, v.voided_at AS voidedAt
       FROM loan_marks m LEFT JOIN fact_voids v ON v.id = (SELECT min(z.id) FROM fact_voids z WHERE z.target_uid = m.uid) WHERE m.loan_id = ? ORDER BY m.mark_date, m.id`,
    )
    .all(loanId) as { id: number; uid: string; kind: LoanMarkKind; date: IsoDate; medium: PublicMedium | null; note: string | null; recordedBy: string | null; recordedAt: string; voidReason: string | null; voidedBy: string | null; voidedAt: string | null }[];
  const legal = db
    .prepare(
      `SELECT e.id, e.uid, e.stage, e.event_date AS date, e.perform_by AS performBy, e.court, e.case_no AS caseNo, e.lawyer, e.result, e.note,
              e.recorded_by AS recordedBy, e.recorded_at AS recordedAt, v.reason AS voidReason, v.voided_by AS voidedBy, v.voided_at AS voidedAt
       FROM legal_events e LEFT JOIN fact_voids v ON v.id = (SELECT min(z.id) FROM fact_voids z WHERE z.target_uid = e.uid) WHERE e.loan_id = ? ORDER BY e.event_date, e.id`,
    )
    .all(loanId) as (LegalStageFields & {
    id: number;
    uid: string;
    note: string | null;
    recordedBy: string | null;
    recordedAt: string;
    voidReason: string | null;
    voidedBy: string | null;
    voidedAt: string | null;
  })[];
  return { marks, legal };
}
