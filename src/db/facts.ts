// Append-only facts beyond visits (loan marks, legal stages, voids of them): one description per table drives how each
// is recorded, voided, exported into a bundle and merged, so a new kind of fact travels by adding one entry here.
import type { Db } from './open.js';
import { databaseId } from './open.js';
import { stmt } from './stmt.js';
import type { BundleDb } from './bundle.js';
import { uuidv7 } from '../domain/ids.js';
import { DataError } from '../domain/errors.js';
import { text } from '../domain/text.js';

export interface FactTable {
  /** The local table (and the bundle table of the same name). */
  table: 'loan_marks' | 'legal_events' | 'ledger_statements' | 'payment_confirmations' | 'costs' | 'fact_voids' | 'attachments';
  /** Columns after uid and origin_db, in bundle order; a local `loan_id` travels as the bundle column `loan_no`. */
  columns: readonly string[];
  /** The column holding when it was recorded (UTC), for `export --since`. */
  recordedAt: string;
  /** Whether facts of this table can be voided (a void itself cannot). */
  voidable: boolean;
}

export const FACT_TABLES: readonly FactTable[] = [
  {
    table: 'loan_marks',
    columns: ['loan_id', 'kind', 'mark_date', 'medium', 'note', 'recorded_by', 'recorded_at'],
    recordedAt: 'recorded_at',
    voidable: true,
  },
  {
    table: 'legal_events',
    columns: ['loan_id', 'stage', 'event_date', 'perform_by', 'court', 'case_no', 'lawyer', 'result', 'note', 'recorded_by', 'recorded_at'],
    recordedAt: 'recorded_at',
    voidable: true,
  },
  // The ledger's statements (uid from content: the same roster on two laptops is one statement) and confirmations that a
  // payment before a loan's first statement is in it (src/db/ledger.ts).
  {
    table: 'ledger_statements',
    columns: ['loan_id', 'as_of', 'principal_fen', 'interest_fen', 'assumed', 'recorded_at'],
    recordedAt: 'recorded_at',
    voidable: true,
  },
  {
    table: 'payment_confirmations',
    columns: ['loan_id', 'visit_uid', 'outcome_seq', 'note', 'confirmed_by', 'recorded_at'],
    recordedAt: 'recorded_at',
    voidable: true,
  },
  // What collecting a loan cost (src/db/costs.ts).
  {
    table: 'costs',
    columns: ['loan_id', 'kind', 'amount_fen', 'cost_date', 'officer', 'note', 'recorded_at'],
    recordedAt: 'recorded_at',
    voidable: true,
  },
  { table: 'fact_voids', columns: ['target_uid', 'reason', 'voided_by', 'voided_at'], recordedAt: 'voided_at', voidable: false },
  // A file attached to a visit as proof, named by the visit's uid; its bytes travel in the bundle's blobs table
  // (src/db/attachments.ts). Kept when its visit is voided; voided itself (a wrong file) it stays, and proves nothing.
  {
    table: 'attachments',
    columns: ['visit_uid', 'sha256', 'name', 'media_type', 'size', 'added_by', 'added_at'],
    recordedAt: 'added_at',
    voidable: true,
  },
];
export type FactTableName = FactTable['table'];
export const FACT_TABLE_NAMES: readonly FactTableName[] = FACT_TABLES.map((t) => t.table);

const bundleCol = (c: string) => (c === 'loan_id' ? 'loan_no' : c);
const hasLoan = (t: FactTable) => t.columns.includes('loan_id');
/** A fact about a visit (named by its uid) rather than a loan. */
const hasVisit = (t: FactTable) => !hasLoan(t) && t.columns.includes('visit_uid');

/** The bundle's tables for the facts: uid first, loans named by number. */
export function factBundleSchema(): string {
  return FACT_TABLES.map(
    (t) => `CREATE TABLE ${t.table} (uid TEXT PRIMARY KEY, origin_db TEXT NOT NULL, ${t.columns.map((c) => `${bundleCol(c)} ${c === 'loan_id' ? 'TEXT NOT NULL' : 'ANY'}`).join(', ')});`,
  ).join('\n');
}

/** The live (not voided) facts of a table, as a SQL source aliased by the caller. */
export function liveFacts(table: Exclude<FactTableName, 'fact_voids'>): string {
  return `(SELECT * FROM ${table} f WHERE NOT EXISTS (SELECT 1 FROM fact_voids z WHERE z.target_uid = f.uid))`;
}

/** Inserts one new fact made here (with a fresh uid unless given one); returns its row id and uid. */
export function insertFact(db: Db, table: FactTableName, values: Record<string, unknown>, givenUid?: string): { id: number; uid: string } {
  const t = FACT_TABLES.find((x) => x.table === table)!;
  const uid = givenUid ?? uuidv7();
  const cols = ['uid', 'origin_db', ...t.columns];
  const r = stmt(db, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
    uid,
    databaseId(db),
    ...t.columns.map((c) => (values[c] === undefined ? null : values[c])),
  );
  return { id: Number(r.lastInsertRowid), uid };
}

/**
 * Voids a fact of `table` by its local id: the fact stays, marked void, and counts nowhere. A second void of the same
 * fact changes nothing. Throws a DataError when there is no such fact.
 */
export function voidFact(
  db: Db,
  table: Exclude<FactTableName, 'fact_voids'>,
  id: number,
  v: { reason: string; voidedBy: string; voidedAt: string },
  what: { zh: string; en: string; hint: string },
): { uid: string; alreadyVoid: boolean } {
  return db
    .transaction(() => {
      const row = stmt(db, `SELECT uid FROM ${table} WHERE id = ?`).get(id) as { uid: string } | undefined;
      if (!row) throw new DataError(text(`没有编号为 ${id} 的${what.zh}：用 ${what.hint} 查看编号。`, `No ${what.en} with id ${id}: see ${what.hint} for the ids.`));
      if (stmt(db, `SELECT 1 FROM fact_voids WHERE target_uid = ?`).get(row.uid)) return { uid: row.uid, alreadyVoid: true };
      insertFact(db, 'fact_voids', { target_uid: row.uid, reason: v.reason, voided_by: v.voidedBy, voided_at: v.voidedAt });
      return { uid: row.uid, alreadyVoid: false };
    })
    .immediate();
}

/** Local tables an export sends new rows of, with their "recorded" column (the facts' part of it). */
export const FACT_RECORD_COLUMNS: Record<FactTableName, string> = Object.fromEntries(FACT_TABLES.map((t) => [t.table, t.recordedAt])) as Record<FactTableName, string>;

/** `where[t]` filters local table t aliased x; copies the rows into the bundle table of the same name. */
export function copyFacts(db: Db, b: BundleDb, where: Record<FactTableName, string>, params: Record<string, unknown>): void {
  for (const t of FACT_TABLES) {
    const sel = t.columns.map((c) => (c === 'loan_id' ? 'l.loan_no' : `x.${c}`)).join(', ');
    const join = hasLoan(t) ? 'JOIN loans l ON l.id = x.loan_id' : '';
    const ins = b.prepare(`INSERT INTO ${t.table} VALUES (${['?', '?', ...t.columns.map(() => '?')].join(', ')})`);
    const rows = db.prepare(`SELECT x.uid, x.origin_db, ${sel} FROM ${t.table} x ${join} WHERE ${where[t.table]} ORDER BY x.id`).raw();
    for (const r of rows.iterate(params) as Iterable<unknown[]>) ins.run(r);
  }
}

/**
 * The roster bundle's share: facts about the township's loans, facts about the visits the bundle carries
 * (`carriedVisitUids`: a SELECT of their uids), and the voids of those facts.
 */
export function rosterFactFilters(inTownship: (loanCol: string) => string, carriedVisitUids: string): Record<FactTableName, string> {
  const targets = FACT_TABLES.filter((t) => t.voidable)
    .map((t) => `SELECT f.uid FROM ${t.table} f WHERE ${hasLoan(t) ? inTownship('f.loan_id') : `f.visit_uid IN (${carriedVisitUids})`}`)
    .join(' UNION ALL ');
  const out = {} as Record<FactTableName, string>;
  for (const t of FACT_TABLES) {
    out[t.table] = hasLoan(t) ? inTownship('x.loan_id') : hasVisit(t) ? `x.visit_uid IN (${carriedVisitUids})` : `x.target_uid IN (${targets})`;
  }
  return out;
}

/** Whether a bundle file has this table (older bundles lack the newer ones). */
export function bundleHas(b: BundleDb, table: string): boolean {
  return !!b.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
}

/** Loan numbers the bundle's facts name (checked against this database before anything is written). */
export function factLoanRefs(b: BundleDb): string[] {
  const out: string[] = [];
  for (const t of FACT_TABLES) if (hasLoan(t) && bundleHas(b, t.table)) out.push(...(b.prepare(`SELECT DISTINCT loan_no FROM ${t.table}`).pluck().all() as string[]));
  if (bundleHas(b, 'loan_events')) out.push(...(b.prepare(`SELECT DISTINCT loan_no FROM loan_events`).pluck().all() as string[]));
  return out;
}

/**
 * Merges the bundle's facts: a uid already here is skipped, so any order and any repetition give the same result.
 * Bundles made before these tables existed carry `loan_events`: a lawsuit becomes the filed stage, a public notice a
 * mark without a medium, each keeping its uid (so the same event from a migrated laptop is recognised).
 */
export function applyFacts(db: Db, b: BundleDb, added: Record<string, number>, skipped: Record<string, number>): void {
  const loanId = db.prepare(`SELECT id FROM loans WHERE loan_no = ?`).pluck();
  for (const t of FACT_TABLES) {
    added[t.table] ??= 0;
    skipped[t.table] ??= 0;
    if (!bundleHas(b, t.table)) continue;
    const seen = db.prepare(`SELECT 1 FROM ${t.table} WHERE uid = ?`).pluck();
    const cols = ['uid', 'origin_db', ...t.columns];
    const ins = db.prepare(`INSERT INTO ${t.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    for (const r of b.prepare(`SELECT * FROM ${t.table} ORDER BY rowid`).all() as Record<string, unknown>[]) {
      if (seen.get(r.uid)) {
        skipped[t.table]!++;
        continue;
      }
      ins.run(r.uid, r.origin_db, ...t.columns.map((c) => (c === 'loan_id' ? loanId.get(r.loan_no) : r[bundleCol(c)])));
      added[t.table]!++;
    }
  }
  if (bundleHas(b, 'loan_events')) {
    const seenMark = db.prepare(`SELECT 1 FROM loan_marks WHERE uid = ? UNION ALL SELECT 1 FROM legal_events WHERE uid = ?`).pluck();
    for (const e of b.prepare(`SELECT * FROM loan_events ORDER BY rowid`).all() as Record<string, string | null>[]) {
      const table = e.kind === 'lawsuit' ? 'legal_events' : 'loan_marks';
      if (seenMark.get(e.uid, e.uid)) {
        skipped[table]!++;
        continue;
      }
      const lid = loanId.get(e.loan_no);
      if (table === 'legal_events') {
        stmt(db, `INSERT INTO legal_events (uid, origin_db, loan_id, stage, event_date, note, recorded_at) VALUES (?, ?, ?, 'filed', ?, ?, ?)`).run(e.uid, e.origin_db, lid, e.event_date, e.note, e.recorded_at);
      } else {
        stmt(db, `INSERT INTO loan_marks (uid, origin_db, loan_id, kind, mark_date, note, recorded_at) VALUES (?, ?, ?, 'public-notice', ?, ?, ?)`).run(e.uid, e.origin_db, lid, e.event_date, e.note, e.recorded_at);
      }
      added[table]!++;
    }
  }
}
