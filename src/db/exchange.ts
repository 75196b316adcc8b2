// Exchange between laptops: export changes or a township's roster into a bundle, merge bundles, list conflicts.
import type { Db } from './open.js';
import { databaseId, schemaVersion } from './open.js';
import { stmt } from './stmt.js';
import { createBundle, openBundle, type BundleDb, type BundleKind, type Manifest, type OpenBundle } from './bundle.js';
import { ENTITIES, type RosterInput, type RosterSummary } from './roster.js';
import { createRosterStage } from './rosterImport.js';
import { mergeVillage, requireTownship } from './places.js';
import { FACT_RECORD_COLUMNS, FACT_TABLES, FACT_TABLE_NAMES, applyFacts, bundleHas, copyFacts, factLoanRefs, rosterFactFilters, type FactTableName } from './facts.js';
import { listPromises } from './promises.js';
import { loansOfFactUids, refreshLedger } from './ledger.js';
import { applyBlobs, checkBundleBlobs, copyBlobs } from './attachments.js';
import { DataError } from '../domain/errors.js';
import { text, type Text } from '../domain/text.js';
import { maskIdNumber, maskPhone } from '../domain/idNumber.js';
import { signerFor } from './keys.js';
import { fenToDisplay } from '../domain/money.js';
import type { IsoDate } from '../domain/dates.js';

/** Local tables whose new rows an export sends, with the column that says when each row was recorded. */
const RECORD_TABLES = {
  village_merges: 'recorded_at',
  notices: 'recorded_at',
  visits: 'created_at',
  visit_voids: 'voided_at',
  borrower_events: 'recorded_at',
  notice_voids: 'voided_at',
  ...FACT_RECORD_COLUMNS,
} as const;
type RecordTable = keyof typeof RECORD_TABLES;
const RECORD_TABLE_NAMES = Object.keys(RECORD_TABLES) as RecordTable[];

/** `from`: the UTC instant of local midnight starting `date` (record times are UTC; the date is the officer's). */
export type Since = { kind: 'last' } | { kind: 'all' } | { kind: 'date'; date: IsoDate; from: string };

export interface ExportResult {
  file: string;
  destination: string;
  manifest: Manifest;
  /** When the previous export to this destination was made (mode 'last'), else null. */
  previousExport: string | null;
}

interface Filter {
  where: Record<RecordTable, string>;
  params: Record<string, unknown>;
}

function readMarks(db: Db, destination: string): { marks: Partial<Record<RecordTable, number>>; at: string | null } {
  const rows = db.prepare(`SELECT table_name, last_id, exported_at FROM export_marks WHERE destination = ?`).all(destination) as {
    table_name: RecordTable;
    last_id: number;
    exported_at: string;
  }[];
  const marks: Partial<Record<RecordTable, number>> = {};
  let at: string | null = null;
  for (const r of rows) {
    marks[r.table_name] = r.last_id;
    if (!at || r.exported_at > at) at = r.exported_at;
  }
  return { marks, at };
}

function exportFilter(since: Since, marks: Partial<Record<RecordTable, number>>, upTo: Record<RecordTable, number>, officer: string | null): Filter {
  const params: Record<string, unknown> = { officer };
  const where = {} as Record<RecordTable, string>;
  for (const t of RECORD_TABLE_NAMES) {
    params[`hi_${t}`] = upTo[t];
    let w = `x.id <= @hi_${t}`;
    if (since.kind === 'last') {
      params[`lo_${t}`] = marks[t] ?? 0;
      w += ` AND x.id > @lo_${t}`;
    } else if (since.kind === 'date') {
      params.since = since.from;
      w += ` AND x.${RECORD_TABLES[t]} >= @since`;
    }
    where[t] = w;
  }
  // Ledger statements travel in roster bundles, with the loans they are about: a changes bundle would otherwise name
  // every loan of the database, and a laptop holding one township's roster could not merge it.
  where.ledger_statements = '0';
  if (officer !== null) {
    where.visits += ` AND x.officer = @officer`;
    where.visit_voids += ` AND (x.voided_by = @officer OR EXISTS (SELECT 1 FROM visits v WHERE v.uid = x.visit_uid AND v.officer = @officer))`;
    where.borrower_events += ` AND EXISTS (SELECT 1 FROM visits v WHERE v.uid = x.visit_uid AND v.officer = @officer)`;
    where.attachments += ` AND (x.added_by = @officer OR EXISTS (SELECT 1 FROM visits v WHERE v.uid = x.visit_uid AND v.officer = @officer))`;
  }
  return { where, params };
}

const BORROWER_KEY = (col: string) => `(SELECT min(l.loan_no) FROM loans l WHERE l.borrower_id = ${col})`;
/**
 * A visit's household, named by its smallest loan number; when a roster has since moved the household's loans away
 * (e.g. a renamed household head), by a loan the visit's outcomes name, else by its borrower's loan.
 */
const HOUSEHOLD_KEY = `coalesce(
  (SELECT min(l.loan_no) FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE b.household_id = x.household_id),
  (SELECT min(l.loan_no) FROM visit_outcomes o JOIN loans l ON l.id = o.loan_id WHERE o.visit_id = x.id),
  ${BORROWER_KEY('x.borrower_id')})`;

/** Copies the selected record rows into the bundle; `where` filters each local table aliased x. */
function copyRecords(db: Db, b: BundleDb, where: Record<RecordTable, string>, params: Record<string, unknown>): void {
  const ins = (sql: string) => b.prepare(sql);
  const vm = ins(`INSERT INTO village_merges VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const r of db
    .prepare(`SELECT uid, origin_db, township, old_name, new_name, merged_on, recorded_at FROM village_merges x WHERE ${where.village_merges} ORDER BY x.id`)
    .raw()
    .iterate(params) as Iterable<unknown[]>)
    vm.run(r);
  const no = ins(`INSERT INTO notices VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const r of db
    .prepare(
      `SELECT x.uid, x.origin_db, x.notice_no, l.loan_no, x.type, x.issued_on, x.principal_fen, x.interest_fen, x.external, x.recorded_at, x.pay_by
       FROM notices x JOIN loans l ON l.id = x.loan_id WHERE ${where.notices} ORDER BY x.id`,
    )
    .raw()
    .iterate(params) as Iterable<unknown[]>)
    no.run(r);
  const vi = ins(`INSERT INTO visits VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const vo = ins(`INSERT INTO visit_outcomes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const outcomes = db.prepare(
    `SELECT o.kind, l.loan_no, o.notice_no, o.signed_by, o.relation, o.reason, o.where_text, o.principal_fen, o.interest_fen, o.promise_amount_fen,
            o.promise_date, o.text, o.actor FROM visit_outcomes o LEFT JOIN loans l ON l.id = o.loan_id WHERE o.visit_id = ? ORDER BY o.id`,
  );
  for (const r of db
    .prepare(
      `SELECT x.id, x.uid, x.origin_db, ${HOUSEHOLD_KEY}, ${BORROWER_KEY('x.borrower_id')}, x.visit_date, x.officer, x.note, x.escalate, x.source,
              x.external_id, x.dedupe_key, x.created_at, x.channel, x.delivery, x.delivered_on, x.delivered_to, x.tracking_no, x.recording
       FROM visits x WHERE ${where.visits} ORDER BY x.id`,
    )
    .raw()
    .all(params) as unknown[][]) {
    const [id, ...rest] = r;
    if (rest[2] === null) {
      // No loan left to name the household by (its loans moved away, and the visit names none): say which visit.
      throw new DataError(
        text(
          `${rest[5]} ${rest[6]} 的走访所在农户已没有贷款，走访也未指明贷款，无法导出：请用花名册把贷款放回该农户，或作废该走访后重新记录。`,
          `The visit of ${rest[5]} by ${rest[6]} is on a household that no longer holds any loan and names none, so it cannot be exported: put the loan back on that household with a roster, or void the visit and record it again.`,
        ),
      );
    }
    vi.run(rest);
    let seq = 0;
    for (const o of outcomes.raw().iterate(id) as Iterable<unknown[]>) vo.run(rest[0], seq++, ...o);
  }
  const vv = ins(`INSERT INTO visit_voids VALUES (?, ?, ?, ?, ?, ?)`);
  for (const r of db
    .prepare(`SELECT x.uid, x.origin_db, x.visit_uid, x.reason, x.voided_by, x.voided_at FROM visit_voids x WHERE ${where.visit_voids} ORDER BY x.id`)
    .raw()
    .iterate(params) as Iterable<unknown[]>)
    vv.run(r);
  const be = ins(`INSERT INTO borrower_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const r of db
    .prepare(
      `SELECT x.uid, x.origin_db, ${BORROWER_KEY('x.borrower_id')}, x.kind, x.status, x.where_text, x.heir_name, x.stance, x.effective_on, x.visit_uid,
              x.recorded_at FROM borrower_events x WHERE ${where.borrower_events} ORDER BY x.id`,
    )
    .raw()
    .iterate(params) as Iterable<unknown[]>)
    be.run(r);
  copyFacts(db, b, where, params);
  copyNoticeVoids(db, b, where.notice_voids, params);
  copyBlobs(db, b);
}

/** Notice voids travel by notice number, like the notices they void (a void may travel without its notice). */
function copyNoticeVoids(db: Db, b: BundleDb, where: string, params: Record<string, unknown>): void {
  const nv = b.prepare(`INSERT INTO notice_voids VALUES (?, ?, ?, ?, ?, ?)`);
  for (const r of db
    .prepare(`SELECT x.uid, x.origin_db, x.notice_no, x.reason, x.voided_by, x.voided_at FROM notice_voids x WHERE ${where} ORDER BY x.id`)
    .raw()
    .iterate(params) as Iterable<unknown[]>)
    nv.run(r);
}

/** Applies notice voids by uid: kept whether or not their notice is here yet, so merge order does not matter. */
function applyNoticeVoids(db: Db, b: BundleDb, s: MergeSummary): void {
  // A bundle made before notice voids existed has no such table.
  if (!bundleHas(b, 'notice_voids')) return;
  const seen = db.prepare(`SELECT 1 FROM notice_voids WHERE uid = ?`).pluck();
  const insert = db.prepare(`INSERT INTO notice_voids (uid, origin_db, notice_no, reason, voided_by, voided_at) VALUES (?, ?, ?, ?, ?, ?)`);
  for (const x of b.prepare(`SELECT uid, origin_db, notice_no, reason, voided_by, voided_at FROM notice_voids ORDER BY rowid`).raw().all() as unknown[][]) {
    if (seen.get(x[0])) {
      s.skipped.notice_voids++;
      continue;
    }
    insert.run(x);
    s.added.notice_voids++;
  }
}

function bundleStats(b: BundleDb): Pick<Manifest, 'counts' | 'visit_dates' | 'recorded'> {
  const counts: Record<string, number> = {};
  for (const t of ['roster', 'village_merges', 'notices', 'visits', 'visit_outcomes', 'visit_voids', 'borrower_events', 'notice_voids', ...FACT_TABLE_NAMES, 'blobs']) {
    counts[t] = (b.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  const vd = b.prepare(`SELECT min(visit_date) AS a, max(visit_date) AS z FROM visits`).get() as { a: string | null; z: string | null };
  const rec = b
    .prepare(
      `SELECT min(t) AS a, max(t) AS z FROM (SELECT created_at AS t FROM visits UNION ALL SELECT voided_at FROM visit_voids
       UNION ALL SELECT recorded_at FROM borrower_events UNION ALL SELECT recorded_at FROM notices UNION ALL SELECT recorded_at FROM village_merges
       UNION ALL SELECT voided_at FROM notice_voids
       ${FACT_TABLES.map((t) => `UNION ALL SELECT ${t.recordedAt} FROM ${t.table}`).join(' ')})`,
    )
    .get() as { a: string | null; z: string | null };
  return { counts, visit_dates: vd.a && vd.z ? [vd.a, vd.z] : null, recorded: rec.a && rec.z ? [rec.a, rec.z] : null };
}

function highWater(db: Db): Record<RecordTable, number> {
  const out = {} as Record<RecordTable, number>;
  for (const t of RECORD_TABLE_NAMES) out[t] = (db.prepare(`SELECT ifnull(max(id), 0) AS n FROM ${t}`).get() as { n: number }).n;
  return out;
}

/**
 * Writes the records made or received here since the last export to `destination` (or all, or since a date) into a
 * bundle at `file`; the marks move only once the file is safely in place.
 */
export function exportChanges(
  db: Db,
  file: string,
  opts: { destination: string; since: Since; officer: string | null; nowIso: string; bundleId: string },
): ExportResult {
  const markKey = opts.officer ? `${opts.destination}\u0000officer=${opts.officer}` : opts.destination;
  const w = createBundle(file, signerFor(db));
  let upTo: Record<RecordTable, number>;
  let previous: string | null = null;
  let manifest: Manifest;
  try {
    // One read transaction: the bundle and the marks describe the same moment.
    db.transaction(() => {
      upTo = highWater(db);
      const { marks, at } = readMarks(db, markKey);
      previous = opts.since.kind === 'last' ? at : null;
      const f = exportFilter(opts.since, marks, upTo, opts.officer);
      copyRecords(db, w.db, f.where, f.params);
    })();
    manifest = w.finish({
      bundle_id: opts.bundleId,
      kind: 'changes',
      source_db: databaseId(db),
      schema_version: schemaVersion(db),
      created_at: opts.nowIso,
      ...bundleStats(w.db),
      township: null,
      officer: opts.officer,
      since: opts.since.kind === 'date' ? opts.since.date : opts.since.kind === 'last' ? previous : null,
      with_ids: false,
    });
  } catch (e) {
    w.abort();
    throw e;
  }
  if (opts.since.kind !== 'date') {
    db.transaction(() => {
      const up = db.prepare(
        `INSERT INTO export_marks (destination, table_name, last_id, exported_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (destination, table_name) DO UPDATE SET last_id = excluded.last_id, exported_at = excluded.exported_at`,
      );
      for (const t of RECORD_TABLE_NAMES) up.run(markKey, t, upTo![t], opts.nowIso);
    }).immediate();
  }
  return { file, destination: opts.destination, manifest, previousExport: previous };
}

/**
 * What an officer's laptop needs for one township: places, households, borrowers and loans (roster figures with
 * their as-of date), committee merges, notices, loan and borrower events, the visits behind promises not yet kept,
 * and the payments that the balances and promises depend on. ID numbers and phones are masked unless withIds.
 */
export function exportRoster(
  db: Db,
  file: string,
  opts: { township: string; withIds: boolean; today: IsoDate; nowIso: string; bundleId: string },
): ExportResult {
  const w = createBundle(file, signerFor(db));
  let manifest: Manifest;
  try {
    db.transaction(() => {
      const t = requireTownship(db, opts.township);
      const b = w.db;
      b.prepare(`INSERT INTO townships VALUES (?, ?, ?, ?)`).run(t.name, t.population, t.livelihood, t.committeeCount);
      // Committee merges travel as village_merges records (with their uid), not as columns here.
      const vins = b.prepare(`INSERT INTO villages (township, name, area) VALUES (?, ?, ?)`);
      for (const r of db
        .prepare(`SELECT v.name, a.name AS area FROM villages v LEFT JOIN areas a ON a.id = v.area_id WHERE v.township_id = ? ORDER BY v.id`)
        .all(t.id) as { name: string; area: string | null }[])
        vins.run(t.name, r.name, r.area);
      const rins = b.prepare(`INSERT INTO roster VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      for (const r of db
        .prepare(
          `SELECT l.loan_no, a.name AS area, v.name AS village, g.name AS grp, h.head_name, bo.name AS borrower, bo.id_number, bo.phone, bo.stance,
                  l.principal_fen, l.interest_fen, l.balance_as_of, l.loan_date, l.due_date, l.officer, l.guarantor, l.guarantee_until, l.guarantee_type,
                  l.guarantor_address
           FROM loans l JOIN borrowers bo ON bo.id = l.borrower_id JOIN households h ON h.id = bo.household_id JOIN villages v ON v.id = h.village_id
           LEFT JOIN areas a ON a.id = v.area_id LEFT JOIN village_groups g ON g.id = h.group_id
           WHERE v.township_id = ? ORDER BY l.loan_no`,
        )
        .all(t.id) as Record<string, string | number | null>[]) {
        const id = r.id_number as string | null;
        rins.run(
          r.loan_no, t.name, r.area, r.village, r.grp, r.head_name, r.borrower, opts.withIds ? id : maskIdNumber(id), opts.withIds || !id ? 0 : 1,
          opts.withIds ? r.phone : maskPhone(r.phone as string | null), r.stance, r.principal_fen, r.interest_fen, r.balance_as_of, r.loan_date, r.due_date, r.officer, r.guarantor, r.guarantee_until, r.guarantee_type,
          r.guarantor_address,
        );
      }
      // Record rows that concern this township's loans.
      const inTownship = (loanCol: string) =>
        `EXISTS (SELECT 1 FROM loans l2 JOIN borrowers b2 ON b2.id = l2.borrower_id JOIN households h2 ON h2.id = b2.household_id
                 JOIN villages v2 ON v2.id = h2.village_id WHERE l2.id = ${loanCol} AND v2.township_id = @tid)`;
      // Visits behind promises not yet kept, and cash from the earliest date a balance or such a promise depends on.
      const promiseVisits = listPromises(db, opts.today, { townshipId: t.id }).filter((p) => p.status !== 'kept');
      const asOf = (db.prepare(`SELECT min(l.balance_as_of) AS d FROM loans l JOIN borrowers bo ON bo.id = l.borrower_id JOIN households h ON h.id = bo.household_id
          JOIN villages v ON v.id = h.village_id WHERE v.township_id = ?`).get(t.id) as { d: string | null }).d;
      const cashFrom = [asOf, ...promiseVisits.map((p) => p.visitDate)].filter((d): d is string => !!d).sort()[0] ?? '9999-12-31';
      db.exec(`CREATE TEMP TABLE IF NOT EXISTS export_visit_ids (id INTEGER PRIMARY KEY)`);
      db.exec(`DELETE FROM temp.export_visit_ids`);
      const addVisit = db.prepare(`INSERT OR IGNORE INTO temp.export_visit_ids (id) VALUES (?)`);
      for (const p of promiseVisits) addVisit.run(p.visitId);
      db.prepare(
        `INSERT OR IGNORE INTO temp.export_visit_ids (id)
         SELECT v.id FROM live_visits v JOIN households h ON h.id = v.household_id JOIN villages vi ON vi.id = h.village_id
         WHERE vi.township_id = @tid AND v.visit_date >= @from AND EXISTS (SELECT 1 FROM visit_outcomes o WHERE o.visit_id = v.id AND o.kind = 'cash')`,
      ).run({ tid: t.id, from: cashFrom });
      const where: Record<RecordTable, string> = {
        village_merges: `x.township = @tname`,
        notices: inTownship('x.loan_id'),
        // Attachments of the visits this bundle carries.
        ...rosterFactFilters(inTownship, `SELECT v6.uid FROM visits v6 WHERE v6.id IN (SELECT id FROM temp.export_visit_ids)`),
        visits: `x.id IN (SELECT id FROM temp.export_visit_ids)`,
        // Voids of the township's visits (an office void reaches the laptop, whether or not the visit travels too).
        visit_voids: `EXISTS (SELECT 1 FROM visits v4 JOIN households h4 ON h4.id = v4.household_id JOIN villages vi4 ON vi4.id = h4.village_id
                      WHERE v4.uid = x.visit_uid AND (vi4.township_id = @tid OR v4.id IN (SELECT id FROM temp.export_visit_ids)))`,
        borrower_events: `EXISTS (SELECT 1 FROM loans l3 WHERE l3.borrower_id = x.borrower_id AND ${inTownship('l3.id')})`,
        notice_voids: `EXISTS (SELECT 1 FROM notices n5 WHERE n5.notice_no = x.notice_no AND ${inTownship('n5.loan_id')})`,
      };
      copyRecords(db, b, where, { tid: t.id, tname: t.name });
      db.exec(`DROP TABLE temp.export_visit_ids`);
    })();
    manifest = w.finish({
      bundle_id: opts.bundleId,
      kind: 'roster',
      source_db: databaseId(db),
      schema_version: schemaVersion(db),
      created_at: opts.nowIso,
      ...bundleStats(w.db),
      township: opts.township,
      officer: null,
      since: null,
      with_ids: opts.withIds,
    });
  } catch (e) {
    w.abort();
    throw e;
  }
  return { file, destination: file, manifest, previousExport: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Merging

export type MergeTable = 'roster' | 'village_merges' | 'notices' | 'visits' | 'visit_voids' | 'borrower_events' | 'notice_voids' | FactTableName;
export const MERGE_TABLES: readonly MergeTable[] = ['roster', 'village_merges', 'notices', 'visits', 'visit_voids', 'borrower_events', 'notice_voids', ...FACT_TABLE_NAMES];

export interface MergeSummary {
  file: string;
  bundleId: string;
  kind: BundleKind;
  sourceDb: string;
  fromSelf: boolean;
  /** When this bundle (this id) was merged here before, else null. */
  mergedBefore: string | null;
  /**
   * This very content (same id, same checksum) was merged before: verified again, nothing applied again; `skipped`
   * counts the bundle's records.
   */
  alreadyMerged: boolean;
  /** A bundle with this id but other content was merged before: this one was merged record by record, with a warning. */
  idReused: boolean;
  added: Record<MergeTable, number>;
  skipped: Record<MergeTable, number>;
  roster: RosterSummary | null;
  conflicts: ConflictRow[];
  warnings: Text[];
  dryRun: boolean;
}

/** A bundle opened, verified and checked to fit this database, ready to apply. */
export interface CheckedBundle {
  file: string;
  manifest: Manifest;
  close(): void;
  apply(db: Db, opts: { nowIso: string; dryRun: boolean }): MergeSummary;
}

class Rollback extends Error {}

function missingRefs(db: Db, b: BundleDb, known: Set<string>, knownTowns: Set<string>): { loans: string[]; townships: string[] } {
  const refs = b
    .prepare(
      `SELECT household_loan_no AS n FROM visits UNION SELECT borrower_loan_no FROM visits UNION SELECT loan_no FROM visit_outcomes
       UNION SELECT borrower_loan_no FROM borrower_events UNION SELECT loan_no FROM notices`,
    )
    .pluck()
    .all() as (string | null)[];
  refs.push(...factLoanRefs(b));
  const has = db.prepare(`SELECT 1 FROM loans WHERE loan_no = ?`).pluck();
  const loans = [...new Set(refs)].filter((n): n is string => n !== null && !known.has(n) && !has.get(n)).sort();
  const towns = b.prepare(`SELECT DISTINCT township FROM village_merges`).pluck().all() as string[];
  const hasTown = db.prepare(`SELECT 1 FROM townships WHERE name = ?`).pluck();
  return { loans, townships: towns.filter((t) => !knownTowns.has(t) && !hasTown.get(t)) };
}

function rosterAsOf(b: BundleDb): string {
  return ((b.prepare(`SELECT max(balance_as_of) FROM roster`).pluck().get() as string | null) ?? '');
}

/**
 * Opens and verifies every bundle first (checksum, schema, that every loan it names is here or arrives in a roster
 * bundle of the same batch). Any refusal throws before anything is written; roster bundles sort first.
 */
export function checkBundles(
  db: Db,
  files: string[],
  supportedSchema: number,
  /** Refuses a bundle (by throwing) whose signature or signer this database does not accept; runs before any other check. */
  verify?: (opened: readonly OpenBundle[]) => void,
): CheckedBundle[] {
  const opened: ReturnType<typeof openBundle>[] = [];
  try {
    for (const f of files) opened.push(openBundle(f, supportedSchema));
    verify?.(opened);
    // Every attached file must match its hash: one altered blob refuses the whole batch before anything is written.
    for (const o of opened) checkBundleBlobs(db, o.db, o.file);
    // Roster bundles first, oldest figures first (by their latest as-of date, then when they were made), so a newer
    // roster is applied last; the writer also refuses to let an older figure replace a newer one.
    const asOf = new Map(opened.map((o) => [o, o.manifest.kind === 'roster' ? rosterAsOf(o.db) : '']));
    opened.sort((a, b) => {
      if (a.manifest.kind !== b.manifest.kind) return a.manifest.kind === 'roster' ? -1 : 1;
      if (a.manifest.kind !== 'roster') return 0;
      const x = asOf.get(a)!, y = asOf.get(b)!;
      return x < y ? -1 : x > y ? 1 : a.manifest.created_at < b.manifest.created_at ? -1 : a.manifest.created_at > b.manifest.created_at ? 1 : 0;
    });
    const known = new Set<string>();
    const knownTowns = new Set<string>();
    for (const o of opened) {
      for (const n of o.db.prepare(`SELECT loan_no FROM roster`).pluck().all() as string[]) known.add(n);
      for (const n of o.db.prepare(`SELECT name FROM townships`).pluck().all() as string[]) knownTowns.add(n);
    }
    const problems: Text[] = [];
    for (const o of opened) {
      // A bundle applied here already (this id, this content) fitted then, and a loan or township is never removed.
      if (mergedWith(db, o.manifest)?.same) continue;
      const m = missingRefs(db, o.db, known, knownTowns);
      if (m.loans.length) {
        const few = m.loans.slice(0, 5).join(', ') + (m.loans.length > 5 ? ' …' : '');
        problems.push(
          text(
            `${o.file} 提到 ${m.loans.length} 笔本库没有的贷款（${few}）：请先导入包含它们的花名册，或先合并该乡镇的花名册包（fieldvisit export --roster）。`,
            `${o.file} names ${m.loans.length} loan(s) this database does not have (${few}): import the roster that has them, or merge that township's roster bundle (fieldvisit export --roster) first.`,
          ),
        );
      }
      if (m.townships.length) {
        problems.push(
          text(`${o.file} 提到本库没有的乡镇：${m.townships.join('、')}：请先导入它的花名册。`, `${o.file} names township(s) this database does not have: ${m.townships.join(', ')}: import their roster first.`),
        );
      }
    }
    if (problems.length) {
      throw new DataError(
        text(`交换文件与本数据库不匹配，未写入任何数据。`, `The bundle(s) do not fit this database; nothing was written.`),
        problems,
      );
    }
  } catch (e) {
    for (const o of opened) o.close();
    throw e;
  }
  return opened.map((o) => ({
    file: o.file,
    manifest: o.manifest,
    close: o.close,
    apply: (db: Db, opts) => applyBundle(db, o.db, o.file, o.manifest, opts),
  }));
}

function emptyCounts(): Record<MergeTable, number> {
  return Object.fromEntries(MERGE_TABLES.map((t) => [t, 0])) as Record<MergeTable, number>;
}

/** How this bundle's id was merged here before: when, and whether with the same content; null if never. */
function mergedWith(db: Db, m: Manifest): { at: string; same: boolean; otherContent: boolean } | null {
  const r = db.prepare(`SELECT merged_at, checksum FROM merged_bundles WHERE bundle_id = ?`).get(m.bundle_id) as
    | { merged_at: string; checksum: string | null }
    | undefined;
  if (!r) return null;
  // A NULL checksum (merged before migration 0013) says nothing about the content: merged again in full.
  return { at: r.merged_at, same: r.checksum !== null && r.checksum === m.checksum, otherContent: r.checksum !== null && r.checksum !== m.checksum };
}

/** The records of each kind a bundle holds (what a merge that finds them all here reports as skipped). */
function bundleRecordCounts(b: BundleDb): Record<MergeTable, number> {
  const present = new Set(b.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
  const out = emptyCounts();
  for (const t of MERGE_TABLES) if (present.has(t)) out[t] = b.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  return out;
}

function applyBundle(db: Db, b: BundleDb, file: string, m: Manifest, opts: { nowIso: string; dryRun: boolean }): MergeSummary {
  // Asked here, not when the batch was checked: the same bundle twice in one command is applied once.
  const before = mergedWith(db, m);
  const summary: MergeSummary = {
    file,
    bundleId: m.bundle_id,
    kind: m.kind,
    sourceDb: m.source_db,
    fromSelf: m.source_db === databaseId(db),
    mergedBefore: before?.at ?? null,
    alreadyMerged: !!before?.same,
    idReused: !!before?.otherContent,
    added: emptyCounts(),
    skipped: emptyCounts(),
    roster: null,
    conflicts: [],
    warnings: [],
    dryRun: opts.dryRun,
  };
  if (before?.same) {
    // Verified like any bundle (signature, trust, checksum, attachments), then recognised: every record in it was
    // applied when it was first merged, and merging is idempotent, so nothing is read or written again.
    summary.skipped = bundleRecordCounts(b);
    return summary;
  }
  if (before?.otherContent) {
    // Bundle ids are random: the same id with other content is a file altered and re-signed by a trusted key, or a
    // copying mistake. Not skipped: merged record by record like any bundle (records already here are skipped).
    summary.warnings.push(
      text(
        `本库已于 ${before.at} 合并过编号相同（${m.bundle_id}）但内容不同的交换文件：这一个已逐条核对并合并（已有的记录跳过）。请向发送人确认这两个文件的来历。`,
        `A bundle with the same id (${m.bundle_id}) but other content was merged here on ${before.at}: this one was checked and merged record by record (records already here skipped). Ask the sender where the two files came from.`,
      ),
    );
  }
  try {
    db.transaction(() => {
      const conflictIds: number[] = [];
      if (m.kind === 'roster') applyRoster(db, b, summary, m);
      const cashLoans = applyRecords(db, b, m, opts.nowIso, summary, conflictIds);
      // The ledger cache of every loan whose facts the bundle may have changed (src/db/ledger.ts), once.
      refreshLedger(db, bundleLoans(db, b, cashLoans));
      warnOverpaid(db, cashLoans, summary);
      const added = MERGE_TABLES.reduce((s, t) => s + summary.added[t], 0);
      // The first merge of an id records its content; a bundle merged before migration 0013 gets it on its next merge.
      db.prepare(
        `INSERT INTO merged_bundles (bundle_id, source_db, kind, file, created_at, merged_at, added, checksum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (bundle_id) DO UPDATE SET checksum = excluded.checksum WHERE merged_bundles.checksum IS NULL`,
      ).run(m.bundle_id, m.source_db, m.kind, file, m.created_at, opts.nowIso, added, m.checksum);
      summary.conflicts = listConflicts(db).filter((c) => conflictIds.includes(c.id));
      if (opts.dryRun) throw new Rollback();
    }).immediate();
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return summary;
}

/**
 * Local ids of the loans whose ledger facts the bundle may have changed: its roster rows and facts, the cash it added
 * (`cashLoans`; cash already here changed nothing, other outcomes never touch a balance), and the loans reached
 * through the visits and facts it voids.
 */
function bundleLoans(db: Db, b: BundleDb, cashLoans: Set<number>): number[] {
  const nos = new Set<string>([...(b.prepare(`SELECT loan_no FROM roster`).pluck().all() as string[]), ...factLoanRefs(b)]);
  const out = new Set<number>(cashLoans);
  const byNo = db.prepare(`SELECT id FROM loans WHERE loan_no = ?`).pluck();
  for (const n of nos) {
    const id = byNo.get(n) as number | undefined;
    if (id !== undefined) out.add(id);
  }
  const ofVisit = db.prepare(`SELECT DISTINCT o.loan_id FROM visits v JOIN visit_outcomes o ON o.visit_id = v.id WHERE v.uid = ? AND o.kind = 'cash' AND o.loan_id IS NOT NULL`).pluck();
  for (const u of b.prepare(`SELECT visit_uid FROM visit_voids`).pluck().all() as string[]) for (const id of ofVisit.all(u) as number[]) out.add(id);
  const hasFactVoids = bundleHas(b, 'fact_voids');
  if (hasFactVoids) for (const id of loansOfFactUids(db, b.prepare(`SELECT target_uid FROM fact_voids`).pluck().all() as string[])) out.add(id);
  return [...out];
}

function applyRoster(db: Db, b: BundleDb, s: MergeSummary, m: Manifest): void {
  // Places first, so committee merges find both committees; then the merges; then the roster rows.
  for (const t of b.prepare(`SELECT * FROM townships`).all() as { name: string; population: number | null; livelihood: string | null; committee_count: number | null }[]) {
    stmt(db, `INSERT INTO townships (name) VALUES (?) ON CONFLICT (name) DO NOTHING`).run(t.name);
    stmt(
      db,
      `UPDATE townships SET population = ifnull(?, population), livelihood = ifnull(?, livelihood), committee_count = ifnull(?, committee_count) WHERE name = ?`,
    ).run(t.population, t.livelihood, t.committee_count, t.name);
  }
  for (const v of b.prepare(`SELECT township, name, area FROM villages`).all() as { township: string; name: string; area: string | null }[]) {
    const tid = stmt(db, `SELECT id FROM townships WHERE name = ?`).pluck().get(v.township) as number;
    let aid: number | null = null;
    if (v.area) {
      stmt(db, `INSERT INTO areas (township_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING`).run(tid, v.area);
      aid = stmt(db, `SELECT id FROM areas WHERE township_id = ? AND name = ?`).pluck().get(tid, v.area) as number;
    }
    stmt(db, `INSERT INTO villages (township_id, area_id, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`).run(tid, aid, v.name);
  }
  applyVillageMerges(db, b, s);
  const rows = b.prepare(`SELECT * FROM roster ORDER BY balance_as_of, rowid`).all() as Record<string, string | number | null>[];
  const totals = Object.fromEntries(ENTITIES.map((e) => [e, { created: 0, updated: 0, unchanged: 0 }])) as RosterSummary;
  let i = 0;
  let olderKept = 0;
  const carriesStatements = bundleHas(b, 'ledger_statements');
  while (i < rows.length) {
    const asOf = rows[i]!.balance_as_of as string;
    // The same set-wise write as `import roster` (src/db/rosterImport.ts), one as-of date at a time, oldest first.
    const stage = createRosterStage(db, asOf);
    try {
      for (let line = 1; i < rows.length && rows[i]!.balance_as_of === asOf; i++, line++) {
        const r = rows[i]!;
        const masked = r.id_masked === 1;
        const input: RosterInput = {
          township: r.township as string,
          area: r.area as string | null,
          village: r.village as string,
          group: r.grp as string | null,
          household: r.household as string,
          borrower: r.borrower as string,
          // A masked number never identifies anyone, so it is never stored: id_number stays empty (a later roster with
          // the real number then finds this borrower by name and fills it in).
          idNumber: masked ? null : (r.id_number as string | null),
          // Likewise a masked phone (`139****0001`, from a roster bundle without --with-ids) is never stored.
          phone: typeof r.phone === 'string' && r.phone.includes('*') ? null : (r.phone as string | null),
          loanNo: r.loan_no as string,
          principalFen: r.principal_fen as number,
          interestFen: r.interest_fen as number,
          loanDate: r.loan_date as string | null,
          dueDate: r.due_date as string | null,
          officer: r.officer as string | null,
          guarantor: r.guarantor as string | null,
          guaranteeUntil: r.guarantee_until as string | null,
          // Roster bundles made before the column existed carry no type.
          guaranteeType: (r.guarantee_type ?? null) as 'general' | 'joint' | null,
          stance: r.stance as string | null,
          // Absent from bundles made before the column existed: left as it is (an empty cell never erases).
          guarantorAddress: (r.guarantor_address ?? null) as string | null,
        };
        stage.add(line, input);
      }
      // A bundle that carries its statements brings them as facts; an older one's roster rows are its statements. The
      // ledger cache is refreshed by the merge once every record is in.
      const done = stage.apply({ skip: carriesStatements, assumed: false, recordedAt: `${asOf}T00:00:00.000Z`, by: 'merge', originDb: m.source_db }, { refresh: false });
      olderKept += done.olderKept;
      for (const e of ENTITIES) for (const k of ['created', 'updated', 'unchanged'] as const) totals[e][k] += done.summary[e][k];
    } finally {
      stage.drop();
    }
  }
  s.roster = totals;
  if (olderKept) {
    s.warnings.push(
      text(
        `${olderKept} 笔贷款本机已有更晚日期的余额，交换文件里的余额较旧，已保留本机余额。`,
        `${olderKept} loan balance(s) in this roster are older than the ones recorded here; the recorded balances were kept.`,
      ),
    );
  }
  s.added.roster = totals.loans.created + totals.loans.updated;
  s.skipped.roster = totals.loans.unchanged;
}

function applyVillageMerges(db: Db, b: BundleDb, s: MergeSummary): void {
  const seen = db.prepare(`SELECT 1 FROM village_merges WHERE uid = ?`).pluck();
  const rows = b.prepare(`SELECT * FROM village_merges ORDER BY merged_on, recorded_at, uid`).all() as {
    uid: string;
    origin_db: string;
    township: string;
    old_name: string;
    new_name: string;
    merged_on: string | null;
    recorded_at: string;
  }[];
  for (const r of rows) {
    if (seen.get(r.uid)) {
      s.skipped.village_merges++;
      continue;
    }
    const tid = stmt(db, `SELECT id FROM townships WHERE name = ?`).pluck().get(r.township) as number;
    stmt(db, `INSERT INTO villages (township_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING`).run(tid, r.old_name);
    let res: ReturnType<typeof mergeVillage>;
    try {
      res = mergeVillage(db, {
        old: r.old_name,
        into: r.new_name,
        townshipId: tid,
        date: r.merged_on,
        recordedAt: r.recorded_at,
        uid: r.uid,
        originDb: r.origin_db,
      });
    } catch (e) {
      // Another laptop merged the committee differently: keep ours, say so, and leave the record out.
      if (!(e instanceof DataError)) throw e;
      s.warnings.push(
        text(
          `村委合并“${r.old_name} → ${r.new_name}”未应用：${e.text.zh}`,
          `Committee merge "${r.old_name} → ${r.new_name}" not applied: ${e.text.en}`,
        ),
      );
      continue;
    }
    if (res.alreadyMerged) {
      stmt(
        db,
        `INSERT INTO village_merges (uid, origin_db, township, old_name, new_name, merged_on, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING`,
      ).run(r.uid, r.origin_db, r.township, r.old_name, r.new_name, r.merged_on, r.recorded_at);
    }
    s.added.village_merges++;
  }
}

interface NoticeRec {
  uid: string;
  origin_db: string;
  notice_no: string;
  loan_no: string;
  type: string | null;
  issued_on: string | null;
  principal_fen: number | null;
  interest_fen: number | null;
  external: number;
  recorded_at: string;
  /** Absent from bundles made before notices carried a pay-by date. */
  pay_by?: string | null;
}

interface StatusRec {
  uid: string;
  origin_db: string;
  loan_no: string;
  status: string | null;
  where_text: string | null;
  effective_on: string;
  recorded_at: string;
  visit_uid: string | null;
}

/** The later recorded wins; the uid breaks a tie so every database picks the same one. */
function later<T extends { recorded_at: string; uid: string }>(a: T, b: T): T {
  return a.recorded_at > b.recorded_at || (a.recorded_at === b.recorded_at && a.uid > b.uid) ? a : b;
}

function recordConflict(db: Db, kind: 'status' | 'notice', subject: string, x: { uid: string }, y: { uid: string }, winner: string, nowIso: string, bundleId: string, ids: number[]): void {
  const [a, b] = x.uid < y.uid ? [x, y] : [y, x];
  const r = stmt(
    db,
    `INSERT INTO merge_conflicts (kind, subject, uid_a, uid_b, a_json, b_json, winner_uid, detected_at, bundle_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, uid_a, uid_b) DO NOTHING`,
  ).run(kind, subject, a.uid, b.uid, JSON.stringify(a), JSON.stringify(b), winner, nowIso, bundleId);
  if (r.changes) ids.push(Number(r.lastInsertRowid));
}

/** Applies the bundle's records; returns the local ids of the loans that received cash (its ledger cache is refreshed by the caller). */
function applyRecords(db: Db, b: BundleDb, m: Manifest, nowIso: string, s: MergeSummary, conflictIds: number[]): Set<number> {
  const loanRowOf = db.prepare(`SELECT l.id, l.borrower_id, bo.household_id FROM loans l JOIN borrowers bo ON bo.id = l.borrower_id WHERE l.loan_no = ?`);
  // A visit names its loan up to three times (household, borrower, outcome): each is looked up once per merge. Nothing
  // in the merge moves a loan to another borrower or household, so the answers hold throughout.
  const loanRows = new Map<string, { id: number; borrower_id: number; household_id: number } | undefined>();
  const loanRow = {
    get(n: string | null) {
      if (n === null) return undefined;
      if (!loanRows.has(n)) loanRows.set(n, loanRowOf.get(n) as { id: number; borrower_id: number; household_id: number } | undefined);
      return loanRows.get(n);
    },
  };
  const lid = (n: string | null): number | null => (n === null ? null : (loanRow.get(n)?.id ?? null));

  if (m.kind !== 'roster') applyVillageMerges(db, b, s);

  // Notices: one row per number. Same number, different loan or type: a conflict, the later recorded wins.
  // Per incoming notice: served by the merge_conflicts_uid_a / _uid_b indexes (migration 0005).
  const inConflicts = db.prepare(`SELECT 1 FROM merge_conflicts WHERE uid_a = ? OR uid_b = ?`).pluck();
  const noticeByNo = db.prepare(
    `SELECT n.uid, n.origin_db, n.notice_no, l.loan_no, n.type, n.issued_on, n.principal_fen, n.interest_fen, n.external, n.recorded_at
     FROM notices n JOIN loans l ON l.id = n.loan_id WHERE n.notice_no = ?`,
  );
  const noticeUid = db.prepare(`SELECT 1 FROM notices WHERE uid = ?`).pluck();
  const insNotice = db.prepare(
    `INSERT INTO notices (uid, origin_db, notice_no, loan_id, type, issued_on, principal_fen, interest_fen, external, recorded_at, pay_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const replaceNotice = db.prepare(
    `UPDATE notices SET uid = ?, origin_db = ?, loan_id = ?, type = ?, issued_on = ?, principal_fen = ?, interest_fen = ?, external = ?, recorded_at = ?, pay_by = ? WHERE notice_no = ?`,
  );
  for (const n of b.prepare(`SELECT * FROM notices ORDER BY rowid`).all() as NoticeRec[]) {
    if (noticeUid.get(n.uid) || inConflicts.get(n.uid, n.uid)) {
      s.skipped.notices++;
      continue;
    }
    const cur = noticeByNo.get(n.notice_no) as NoticeRec | undefined;
    const vals = [n.uid, n.origin_db, lid(n.loan_no), n.type, n.issued_on, n.principal_fen, n.interest_fen, n.external, n.recorded_at, n.pay_by ?? null] as const;
    if (!cur) {
      insNotice.run(n.uid, n.origin_db, n.notice_no, ...vals.slice(2));
      s.added.notices++;
      continue;
    }
    if (cur.loan_no === n.loan_no && (cur.external === 1 || n.external === 1 || cur.type === n.type)) {
      // The same notice seen twice (e.g. signed back on one laptop, issued on another): the register's own entry wins.
      if (cur.external === 1 && n.external === 0) {
        replaceNotice.run(...vals, n.notice_no);
        s.added.notices++;
      } else s.skipped.notices++;
      continue;
    }
    const win = later(cur, n);
    recordConflict(db, 'notice', n.notice_no, cur, n, win.uid, nowIso, m.bundle_id, conflictIds);
    if (win === n) {
      replaceNotice.run(...vals, n.notice_no);
      s.added.notices++;
    } else s.skipped.notices++;
    if (cur.loan_no !== n.loan_no) {
      // Usually two laptops numbering from the same series: each laptop should have its own (config set notice-series).
      s.warnings.push(
        text(
          `通知书编号 ${n.notice_no} 被两台电脑用于不同贷款：本机 ${cur.loan_no}，交换文件 ${n.loan_no}；登记簿保留 ${win.loan_no}。请核对纸质通知书，并为每台电脑设置各自的编号序列（fieldvisit config set notice-series '{township}-{year}-ZM{seq:3}'）；详见 fieldvisit merge --conflicts。`,
          `Notice number ${n.notice_no} was issued by two laptops for different loans: ${cur.loan_no} here, ${n.loan_no} in the bundle; the register keeps ${win.loan_no}. Check the paper notices, and give each laptop its own series (fieldvisit config set notice-series '{township}-{year}-ZM{seq:3}'); see fieldvisit merge --conflicts.`,
        ),
      );
    }
  }

  // Blobs before the attachments that name them.
  applyBlobs(db, b);
  applyFacts(db, b, s.added, s.skipped);

  // Visits: merged history is recorded as it happened, without the checks made when it was first entered
  // (date after today here, paying more than owed): refusing would make the result depend on merge order.
  const seenVisit = db.prepare(
    `SELECT 1 FROM visits WHERE uid = @uid OR (@ext IS NOT NULL AND external_id = @ext) OR (@key IS NOT NULL AND dedupe_key = @key)`,
  ).pluck();
  const insVisit = db.prepare(
    `INSERT INTO visits (uid, origin_db, household_id, borrower_id, visit_date, officer, note, escalate, source, external_id, dedupe_key, created_at,
                         channel, delivery, delivered_on, delivered_to, tracking_no, recording)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'merge', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insOutcome = db.prepare(
    `INSERT INTO visit_outcomes (visit_id, kind, loan_id, notice_no, signed_by, relation, reason, where_text, principal_fen, interest_fen, promise_amount_fen, promise_date, text, actor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Every outcome of the bundle in one read, by visit (a query per visit cost more than the inserts).
  const outcomesOf = new Map<string, Record<string, string | number | null>[]>();
  for (const o of b.prepare(`SELECT * FROM visit_outcomes ORDER BY visit_uid, seq`).iterate() as Iterable<Record<string, string | number | null>>) {
    const list = outcomesOf.get(o.visit_uid as string);
    if (list) list.push(o);
    else outcomesOf.set(o.visit_uid as string, [o]);
  }
  const cashLoans = new Set<number>();
  for (const v of b.prepare(`SELECT * FROM visits ORDER BY rowid`).all() as Record<string, string | null>[]) {
    if (seenVisit.get({ uid: v.uid, ext: v.external_id, key: v.dedupe_key })) {
      s.skipped.visits++;
      continue;
    }
    const hh = loanRow.get(v.household_loan_no) as { id: number; borrower_id: number; household_id: number };
    const bo = v.borrower_loan_no ? (loanRow.get(v.borrower_loan_no) as { borrower_id: number }).borrower_id : null;
    const id = Number(
      insVisit.run(
        v.uid, v.origin_db, hh.household_id, bo, v.visit_date, v.officer, v.note, v.escalate, v.external_id, v.dedupe_key, v.created_at,
        // Bundles made before channels were recorded carry field visits.
        v.channel ?? 'visit', v.delivery ?? null, v.delivered_on ?? null, v.delivered_to ?? null, v.tracking_no ?? null, v.recording ?? null,
      ).lastInsertRowid,
    );
    for (const o of outcomesOf.get(v.uid!) ?? []) {
      const l = lid(o.loan_no as string | null);
      if (o.kind === 'cash' && l !== null) cashLoans.add(l);
      // Bundles made before outcomes said whose act they were: a signature keeps its signer, a promise or payment was the borrower's.
      const actor = o.actor !== undefined ? o.actor : o.kind === 'notice-signed' ? (o.signed_by ?? 'borrower') : o.kind === 'intent' || o.kind === 'cash' ? 'borrower' : null;
      insOutcome.run(id, o.kind, l, o.notice_no, o.signed_by, o.relation, o.reason, o.where_text, o.principal_fen, o.interest_fen, o.promise_amount_fen, o.promise_date, o.text, actor);
    }
    s.added.visits++;
  }
  applyNoticeVoids(db, b, s);

  // Voids apply to the visit they name by uid, wherever it came from and whether or not it is here yet.
  const voidUid = db.prepare(`SELECT 1 FROM visit_voids WHERE uid = ?`).pluck();
  const insVoid = db.prepare(`INSERT INTO visit_voids (uid, origin_db, visit_uid, reason, voided_by, voided_at) VALUES (?, ?, ?, ?, ?, ?)`);
  for (const x of b.prepare(`SELECT * FROM visit_voids ORDER BY rowid`).all() as Record<string, string | null>[]) {
    if (voidUid.get(x.uid)) {
      s.skipped.visit_voids++;
      continue;
    }
    insVoid.run(x.uid, x.origin_db, x.visit_uid, x.reason, x.voided_by, x.voided_at);
    s.added.visit_voids++;
  }

  // Borrower events: each is kept; two databases giving one borrower different statuses on the same date conflict.
  const evUid = db.prepare(`SELECT 1 FROM borrower_events WHERE uid = ?`).pluck();
  const insEv = db.prepare(
    `INSERT INTO borrower_events (uid, origin_db, borrower_id, kind, status, where_text, heir_name, stance, effective_on, visit_uid, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rivals = db.prepare(
    `SELECT e.uid, e.origin_db, @loan_no AS loan_no, e.status, e.where_text, e.effective_on, e.recorded_at, e.visit_uid FROM borrower_events e
     WHERE e.borrower_id = @bid AND e.kind = 'status' AND e.effective_on = @eff AND e.origin_db <> @origin
       AND (e.status IS NOT @status OR e.where_text IS NOT @where_text)`,
  );
  for (const e of b.prepare(`SELECT * FROM borrower_events ORDER BY rowid`).all() as Record<string, string | null>[]) {
    if (evUid.get(e.uid)) {
      s.skipped.borrower_events++;
      continue;
    }
    const bid = (loanRow.get(e.borrower_loan_no) as { borrower_id: number }).borrower_id;
    insEv.run(e.uid, e.origin_db, bid, e.kind, e.status, e.where_text, e.heir_name, e.stance, e.effective_on, e.visit_uid, e.recorded_at);
    s.added.borrower_events++;
    if (e.kind !== 'status') continue;
    const mine: StatusRec = {
      uid: e.uid!,
      origin_db: e.origin_db!,
      loan_no: e.borrower_loan_no!,
      status: e.status,
      where_text: e.where_text,
      effective_on: e.effective_on!,
      recorded_at: e.recorded_at!,
      visit_uid: e.visit_uid,
    };
    for (const r of rivals.all({ bid, eff: e.effective_on, origin: e.origin_db, status: e.status, where_text: e.where_text, loan_no: e.borrower_loan_no }) as StatusRec[]) {
      recordConflict(db, 'status', e.borrower_loan_no!, r, mine, later(r, mine).uid, nowIso, m.bundle_id, conflictIds);
    }
  }
  return cashLoans;
}

/** Cash merged in that leaves a loan owing less than nothing: a warning to check both laptops' entries. */
function warnOverpaid(db: Db, cashLoans: Iterable<number>, s: MergeSummary): void {
  for (const l of cashLoans) {
    const bal = stmt(db, `SELECT l.loan_no, lb.principal_fen, lb.interest_fen FROM loan_balances lb JOIN loans l ON l.id = lb.loan_id WHERE lb.loan_id = ?`).get(l) as {
      loan_no: string;
      principal_fen: number;
      interest_fen: number;
    };
    if (bal.principal_fen < 0 || bal.interest_fen < 0) {
      s.warnings.push(
        text(
          `合并后贷款 ${bal.loan_no} 收回的现金超过欠款（本金余额 ${fenToDisplay(bal.principal_fen)}，利息余额 ${fenToDisplay(bal.interest_fen)}）：请核对两台电脑上的现金记录。`,
          `After the merge, cash recorded on loan ${bal.loan_no} exceeds what it owed (principal ${fenToDisplay(bal.principal_fen)}, interest ${fenToDisplay(bal.interest_fen)}): check the cash entries on both laptops.`,
        ),
      );
    }
  }
}

export interface ConflictSide {
  uid: string;
  originDb: string;
  value: string;
  where: string | null;
  effectiveOn: string | null;
  recordedAt: string;
  officer: string | null;
}

export interface ConflictRow {
  id: number;
  kind: 'status' | 'notice';
  subject: string;
  borrower: string | null;
  a: ConflictSide;
  b: ConflictSide;
  winner: 'a' | 'b';
  detectedAt: string;
}

/** Every conflict merges found, oldest first, with the officer behind each side where a visit names one. */
export function listConflicts(db: Db): ConflictRow[] {
  const rows = db.prepare(`SELECT * FROM merge_conflicts ORDER BY id`).all() as {
    id: number;
    kind: 'status' | 'notice';
    subject: string;
    uid_a: string;
    uid_b: string;
    a_json: string;
    b_json: string;
    winner_uid: string;
    detected_at: string;
  }[];
  const officerOf = db.prepare(`SELECT officer FROM visits WHERE uid = ?`).pluck();
  const borrowerOfLoan = db.prepare(`SELECT bo.name FROM loans l JOIN borrowers bo ON bo.id = l.borrower_id WHERE l.loan_no = ?`).pluck();
  const side = (kind: string, j: string): ConflictSide => {
    const x = JSON.parse(j) as Record<string, string | null>;
    if (kind === 'status') {
      return {
        uid: x.uid!,
        originDb: x.origin_db!,
        value: x.status ?? '',
        where: x.where_text ?? null,
        effectiveOn: x.effective_on ?? null,
        recordedAt: x.recorded_at!,
        officer: x.visit_uid ? ((officerOf.get(x.visit_uid) as string | undefined) ?? null) : null,
      };
    }
    return {
      uid: x.uid!,
      originDb: x.origin_db!,
      value: `${x.loan_no}${x.type ? ' / ' + x.type : ''}`,
      where: null,
      effectiveOn: x.issued_on ?? null,
      recordedAt: x.recorded_at!,
      officer: null,
    };
  };
  return rows.map((r) => {
    const a = side(r.kind, r.a_json);
    const b = side(r.kind, r.b_json);
    const loanNo = r.kind === 'status' ? r.subject : (JSON.parse(r.b_json) as { loan_no: string }).loan_no;
    return {
      id: r.id,
      kind: r.kind,
      subject: r.subject,
      borrower: (borrowerOfLoan.get(loanNo) as string | undefined) ?? null,
      a,
      b,
      winner: r.winner_uid === a.uid ? 'a' : 'b',
      detectedAt: r.detected_at,
    };
  });
}
