// The roster's write phase, set-wise: checked rows wait in a typed TEMP staging table; each entity (townships, areas,
// committees, groups, households, borrowers, loans, ledger statements, the ledger cache) is then resolved and written
// by a few INSERT … SELECT / UPDATE … FROM statements, with the same outcome as writing the rows one by one in file order.
import type { Db } from './open.js';
import { databaseId } from './open.js';
import { uuidv7 } from '../domain/ids.js';
import { statementUid } from './migrations/0009_ledger.js';
import { emptyCounts, refreshLedger, type LedgerCounts } from './ledger.js';
import { ENTITIES, type ChangeCount, type Entity, type RosterInput, type RosterSummary, type StatementOptions } from './roster.js';
import type { IsoDate } from '../domain/dates.js';

export interface RosterStage {
  /** Starts staging (a transaction on the TEMP database only: the main database is not locked for writing). */
  begin(): void;
  end(): void;
  /** Stages a checked row; returns the line of an earlier staged row with the same loan number instead, if any. */
  add(line: number, row: RosterInput): number | null;
  /** Rows staged. */
  count(): number;
  /**
   * Writes every staged row; call inside the write transaction. refresh false: the caller refreshes the ledger cache
   * of the loans itself (a merge, after its other records); the ledger counts are then zero.
   */
  apply(ledger: StatementOptions, opts?: { refresh?: boolean; unchangedCheck?: boolean }): RosterApplied;
  drop(): void;
}

export interface RosterApplied {
  summary: RosterSummary;
  /** Committees named by their old (merged) name: the name, the committee it joined, the rows naming it; first seen first. */
  merged: { from: string; into: string; rows: number }[];
  olderKept: number;
  assumedRows: number;
  ledger: LedgerCounts;
}

const COLS = [
  'township', 'area', 'village', 'grp', 'household', 'borrower', 'id_number', 'phone', 'loan_no', 'principal_fen', 'interest_fen', 'loan_date',
  'due_date', 'officer', 'guarantor', 'guarantee_until', 'guarantee_type', 'stance', 'guarantor_address', 'as_of',
] as const;

/** Creates (replacing any left over) the staging table in the connection's TEMP database. */
export function createRosterStage(db: Db, defaultAsOf: IsoDate): RosterStage {
  db.exec(`DROP TABLE IF EXISTS temp.roster_stage;
    CREATE TEMP TABLE roster_stage (
      line INTEGER PRIMARY KEY, township TEXT NOT NULL, area TEXT, village TEXT NOT NULL, grp TEXT, household TEXT NOT NULL, borrower TEXT NOT NULL,
      id_number TEXT, phone TEXT, loan_no TEXT NOT NULL, principal_fen INTEGER NOT NULL, interest_fen INTEGER NOT NULL, loan_date TEXT, due_date TEXT,
      officer TEXT, guarantor TEXT, guarantee_until TEXT, guarantee_type TEXT, stance TEXT, guarantor_address TEXT, as_of TEXT, stmt_uid TEXT NOT NULL)`);
  // No UNIQUE index on loan_no (its upkeep was a third of staging): repeats are found by a hash of the loan number in
  // memory, confirmed against the staged row itself.
  const ins = db.prepare(`INSERT INTO temp.roster_stage (line, ${COLS.join(', ')}, stmt_uid) VALUES (${['?', ...COLS.map(() => '?'), '?'].join(', ')})`);
  const loanNoAt = db.prepare(`SELECT loan_no FROM temp.roster_stage WHERE line = ?`).pluck();
  const seen = new LineByKey();
  let n = 0;
  // Inside a caller's transaction (a merge) the rows are staged in it; begin/end are for staging before the write lock.
  let began = false;
  return {
    begin: () => {
      db.exec('BEGIN');
      began = true;
    },
    end: () => {
      if (began && db.inTransaction) db.exec('COMMIT');
      began = false;
    },
    add(line, r) {
      const first = seen.find(r.loanNo, (l) => loanNoAt.get(l) === r.loanNo);
      if (first !== null) return first;
      ins.run(
        line, r.township, r.area, r.village, r.group, r.household, r.borrower, r.idNumber, r.phone, r.loanNo, r.principalFen, r.interestFen, r.loanDate,
        r.dueDate, r.officer, r.guarantor, r.guaranteeUntil, r.guaranteeType ?? null, r.stance, r.guarantorAddress ?? null, r.asOf ?? null,
        // The statement's uid (a hash of its content) is worked out here, before the write lock is taken.
        statementUid(r.loanNo, r.asOf ?? defaultAsOf, r.principalFen, r.interestFen),
      );
      seen.add(r.loanNo, line);
      n++;
      return null;
    },
    count: () => n,
    apply: (ledger, opts) => applyStaged(db, defaultAsOf, ledger, opts?.refresh ?? true, opts?.unchangedCheck ?? true),
    drop() {
      if (began && db.inTransaction) db.exec('ROLLBACK');
      began = false;
      db.exec(`DROP TABLE IF EXISTS temp.roster_stage`);
      dropWork(db);
    },
  };
}

/**
 * Lines by a text key (the loan numbers staged), in typed arrays: 12 bytes a slot where a Map of strings took about
 * ten times that. Two 32-bit hashes of the key tell slots apart; `same` confirms a hit against the key itself.
 */
class LineByKey {
  private h1 = new Uint32Array(1 << 12);
  private h2 = new Uint32Array(1 << 12);
  private lines = new Uint32Array(1 << 12);
  private size = 0;

  private static hash(s: string): [number, number] {
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    return [a >>> 0, (b | 1) >>> 0];
  }

  /** The line of an earlier key equal to `key` (as `same` confirms), or null. */
  find(key: string, same: (line: number) => boolean): number | null {
    const [a, b] = LineByKey.hash(key);
    const mask = this.lines.length - 1;
    for (let i = a & mask; this.lines[i] !== 0; i = (i + 1) & mask) {
      if (this.h1[i] === a && this.h2[i] === b && same(this.lines[i]!)) return this.lines[i]!;
    }
    return null;
  }

  add(key: string, line: number): void {
    if ((this.size + 1) * 2 > this.lines.length) this.grow();
    const [a, b] = LineByKey.hash(key);
    this.put(a, b, line);
    this.size++;
  }

  private put(a: number, b: number, line: number): void {
    const mask = this.lines.length - 1;
    let i = a & mask;
    while (this.lines[i] !== 0) i = (i + 1) & mask;
    this.h1[i] = a;
    this.h2[i] = b;
    this.lines[i] = line;
  }

  private grow(): void {
    const { h1, h2, lines } = this;
    this.h1 = new Uint32Array(lines.length * 2);
    this.h2 = new Uint32Array(lines.length * 2);
    this.lines = new Uint32Array(lines.length * 2);
    for (let i = 0; i < lines.length; i++) if (lines[i] !== 0) this.put(h1[i]!, h2[i]!, lines[i]!);
  }
}

/**
 * A roster that changes nothing: every row names places, a household, a loan and its borrower as they are stored,
 * brings no figure or detail that differs from the stored one (an empty cell never erases) and a statement already
 * recorded. Then no row writes anything, so each one sees the database as it was before the import, and the outcome
 * is known without resolving anything: every record named is unchanged. One pass of lookups instead of the whole write
 * (a re-import of the same file). Null when any row differs (or names a merged committee, or has an older balance
 * kept): the caller then takes the full path, which gives the same result for such rows.
 */
function unchangedRoster(db: Db, ledger: StatementOptions, refresh: boolean): RosterApplied | null {
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  // A new loan is the common difference (a first import): found at the first such row.
  if (one(`SELECT EXISTS (SELECT 1 FROM temp.roster_stage s WHERE NOT EXISTS (SELECT 1 FROM loans l WHERE l.loan_no = s.loan_no))`)) return null;
  db.exec(`CREATE TEMP TABLE rs_same AS
    SELECT s.line, t.id AS tid, a.id AS aid, v.id AS vid, g.id AS gid, h.id AS hid, b.id AS bid, l.id AS lid,
      coalesce(t.id IS NOT NULL AND (s.area IS NULL OR (a.id IS NOT NULL AND v.area_id IS a.id)) AND v.id IS NOT NULL AND v.merged_into_id IS NULL
        AND (s.grp IS NULL OR g.id IS NOT NULL) AND h.id IS NOT NULL
        AND b.household_id = h.id AND b.name = s.borrower AND (s.id_number IS NULL OR s.id_number IS b.id_number)
        AND (s.phone IS NULL OR s.phone IS b.phone) AND (s.stance IS NULL OR s.stance IS b.stance)
        AND l.principal_fen = s.principal_fen AND l.interest_fen = s.interest_fen
        AND (s.loan_date IS NULL OR s.loan_date IS l.loan_date) AND (s.due_date IS NULL OR s.due_date IS l.due_date)
        AND (s.officer IS NULL OR s.officer IS l.officer) AND (s.guarantor IS NULL OR s.guarantor IS l.guarantor)
        AND (s.guarantee_until IS NULL OR s.guarantee_until IS l.guarantee_until) AND (s.guarantee_type IS NULL OR s.guarantee_type IS l.guarantee_type)
        AND (s.guarantor_address IS NULL OR s.guarantor_address IS l.guarantor_address)
        ${ledger.skip ? '' : 'AND EXISTS (SELECT 1 FROM ledger_statements st WHERE st.uid = s.stmt_uid)'}, 0) AS same
    FROM temp.roster_stage s
    JOIN loans l ON l.loan_no = s.loan_no JOIN borrowers b ON b.id = l.borrower_id
    LEFT JOIN townships t ON t.name = s.township
    LEFT JOIN areas a ON a.township_id = t.id AND a.name = s.area
    LEFT JOIN villages v ON v.township_id = t.id AND v.name = s.village
    LEFT JOIN village_groups g ON g.village_id = v.id AND g.name = s.grp
    LEFT JOIN households h ON h.village_id = v.id AND ifnull(h.group_id, 0) = ifnull(g.id, 0) AND h.head_name = s.household`);
  if (one(`SELECT EXISTS (SELECT 1 FROM temp.rs_same WHERE NOT same)`)) {
    db.exec(`DROP TABLE temp.rs_same`);
    return null;
  }
  const c = db
    .prepare(
      `SELECT count(DISTINCT tid) AS townships, count(DISTINCT aid) AS areas, count(DISTINCT vid) AS villages, count(DISTINCT gid) AS groups,
         count(DISTINCT hid) AS households, count(DISTINCT bid) AS borrowers, count(*) AS loans FROM temp.rs_same`,
    )
    .get() as Record<Entity, number>;
  const summary = {} as RosterSummary;
  for (const e of ENTITIES) summary[e] = { created: 0, updated: 0, unchanged: c[e] };
  // The ledger cache is refreshed as the full path does (its counts are part of the summary).
  db.exec(`CREATE TEMP TABLE rs_loan AS SELECT line, lid FROM temp.rs_same ORDER BY line`);
  db.exec(`DROP TABLE temp.rs_same`);
  const assumedRows = ledger.assumed ? one(`SELECT count(*) FROM temp.roster_stage WHERE as_of IS NULL`) : 0;
  const ledgerCounts = refresh ? refreshSetWise(db) : emptyCounts();
  dropWork(db);
  return { summary, merged: [], olderKept: 0, assumedRows, ledger: ledgerCounts };
}

const WORK = ['rs_same', 'rs_res', 'rs_vil', 'rs_grp', 'rs_fk', 'rs_bfinal', 'rs_brow', 'rs_loan', 'rs_stmt', 'rs_eff', 'rs_touch', 'rs_latest'];
function dropWork(db: Db): void {
  for (const t of WORK) db.exec(`DROP TABLE IF EXISTS temp.${t}`);
}

const NONE = 0, UNCHANGED = 1, UPDATED = 2, CREATED = 3;

/**
 * The set-wise write. The rules are those of the README's "Importing the roster", as a row-by-row writer in file order
 * would apply them (test/reference/rosterWriterRowByRow.ts is that writer; test/db/rosterSetWise.test.ts compares):
 * new records get their ids in the order of the line that first names them.
 */
function applyStaged(db: Db, defaultAsOf: IsoDate, ledger: StatementOptions, refresh: boolean, unchangedCheck: boolean): RosterApplied {
  dropWork(db);
  const one = (sql: string, ...p: unknown[]) => db.prepare(sql).pluck().get(...p) as number;
  const run = (sql: string, ...p: unknown[]) => db.prepare(sql).run(...p).changes;
  const summary = {} as RosterSummary;
  const put = (e: Entity, c: ChangeCount) => (summary[e] = c);

  // The default page cache (2 MB) thrashes once the indexes outgrow it: 16 MB for the database and 8 MB for the
  // staging tables, this connection only. Larger caches measured no faster here and cost memory (64 + 32 MB: 240 MB
  // peak for 200,000 rows, against 165 MB).
  db.pragma('cache_size = -16384');
  db.pragma('temp.cache_size = -8192');

  if (unchangedCheck) {
    const same = unchangedRoster(db, ledger, refresh);
    if (same) return same;
  }

  // Townships, then areas: get or create, new ones in the order first named.
  {
    const distinct = one(`SELECT count(DISTINCT township) FROM temp.roster_stage`);
    const created = run(`INSERT INTO townships (name) SELECT township FROM temp.roster_stage s WHERE NOT EXISTS (SELECT 1 FROM townships t WHERE t.name = s.township)
      GROUP BY township ORDER BY min(line)`);
    put('townships', { created, updated: 0, unchanged: distinct - created });
  }
  {
    const distinct = one(`SELECT count(*) FROM (SELECT DISTINCT township, area FROM temp.roster_stage WHERE area IS NOT NULL)`);
    const created = run(`INSERT INTO areas (township_id, name)
      SELECT t.id, s.area FROM temp.roster_stage s JOIN townships t ON t.name = s.township
      WHERE s.area IS NOT NULL AND NOT EXISTS (SELECT 1 FROM areas a WHERE a.township_id = t.id AND a.name = s.area)
      GROUP BY t.id, s.area ORDER BY min(s.line)`);
    put('areas', { created, updated: 0, unchanged: distinct - created });
  }

  // Committees. One row per (township, name) named: existing or new, and for a merged one the committee at the end of
  // its chain of merges (at most 50 steps). A name's area applies to the committee itself, never to the one it joined:
  // the last area first named wins, and it is an update when it differs from the committee's area at that point.
  db.exec(`CREATE TEMP TABLE rs_vil AS
    SELECT t.id AS tid, s.village AS name, min(s.line) AS first, v.id AS vid0, v.area_id AS area0, v.merged_into_id AS into0,
      NULL AS first_area, NULL AS target, NULL AS target_name
    FROM temp.roster_stage s JOIN townships t ON t.name = s.township LEFT JOIN villages v ON v.township_id = t.id AND v.name = s.village
    GROUP BY t.id, s.village`);
  db.exec(`UPDATE temp.rs_vil SET first_area = s.area FROM temp.roster_stage s WHERE s.line = rs_vil.first`);
  db.exec(`CREATE INDEX temp.rs_vil_key ON rs_vil (tid, name)`);
  const newVillages = run(`INSERT INTO villages (township_id, area_id, name)
    SELECT x.tid, a.id, x.name FROM temp.rs_vil x LEFT JOIN areas a ON a.township_id = x.tid AND a.name = x.first_area WHERE x.vid0 IS NULL ORDER BY x.first`);
  void newVillages;
  db.exec(`UPDATE temp.rs_vil SET vid0 = (SELECT v.id FROM villages v WHERE v.township_id = rs_vil.tid AND v.name = rs_vil.name), area0 = NULL, into0 = NULL, target = -1
    WHERE vid0 IS NULL`);
  // Follow merges.
  db.exec(`WITH RECURSIVE chain (tid, name, id, into_id, hops) AS (
      SELECT x.tid, x.name, x.vid0, x.into0, 0 FROM temp.rs_vil x WHERE x.into0 IS NOT NULL
      UNION ALL SELECT c.tid, c.name, v.id, v.merged_into_id, c.hops + 1 FROM chain c JOIN villages v ON v.id = c.into_id WHERE c.hops < 50)
    UPDATE temp.rs_vil SET target = (SELECT c.id FROM chain c WHERE c.tid = rs_vil.tid AND c.name = rs_vil.name ORDER BY c.hops DESC LIMIT 1)
    WHERE into0 IS NOT NULL`);
  db.exec(`UPDATE temp.rs_vil SET target_name = (SELECT v.name FROM villages v WHERE v.id = rs_vil.target) WHERE into0 IS NOT NULL`);
  {
    // Areas per committee name, each distinct area ranked by the line that first names it.
    const areaSeq = db
      .prepare(
        `SELECT x.vid0 AS vid, x.area0 AS area0, x.target AS target, a.id AS aid FROM temp.rs_vil x
         JOIN (SELECT township, village, area, min(line) AS first FROM temp.roster_stage WHERE area IS NOT NULL GROUP BY township, village, area) q
           ON q.village = x.name JOIN townships t ON t.id = x.tid AND t.name = q.township
         JOIN areas a ON a.township_id = x.tid AND a.name = q.area
         WHERE x.into0 IS NULL ORDER BY x.vid0, q.first`,
      )
      .all() as { vid: number; area0: number | null; target: number | null; aid: number }[];
    // Few rows (committees × areas): walked in memory.
    const updates = new Map<number, number>();
    const villageUpdated = new Set<number>();
    let cur: { vid: number; state: number | null } | null = null;
    for (const a of areaSeq) {
      if (!cur || cur.vid !== a.vid) cur = { vid: a.vid, state: a.target === -1 ? (updates.get(a.vid) ?? null) : a.area0 };
      if (a.target === -1 && !updates.has(a.vid)) {
        // A new committee was created with its first row's area.
        const firstArea = one(`SELECT area_id FROM villages WHERE id = ?`, a.vid);
        cur.state = firstArea;
        updates.set(a.vid, firstArea);
      }
      if (cur.state !== a.aid) {
        cur.state = a.aid;
        updates.set(a.vid, a.aid);
        villageUpdated.add(a.vid);
      }
    }
    const setArea = db.prepare(`UPDATE villages SET area_id = ? WHERE id = ? AND area_id IS NOT ?`);
    for (const [vid, aid] of updates) setArea.run(aid, vid, aid);
    const ranks = new Map<number, number>();
    for (const x of db.prepare(`SELECT vid0, target, into0 FROM temp.rs_vil`).all() as { vid0: number; target: number | null; into0: number | null }[]) {
      const id = x.into0 !== null ? x.target! : x.vid0;
      const r = x.target === -1 ? CREATED : x.into0 === null && villageUpdated.has(id) ? UPDATED : UNCHANGED;
      ranks.set(id, Math.max(ranks.get(id) ?? NONE, r));
    }
    put('villages', tally(ranks));
  }

  // Groups and households, keyed by the committee each row lands in.
  {
    db.exec(`CREATE TEMP TABLE rs_res AS
      SELECT s.line, CASE WHEN x.into0 IS NOT NULL THEN x.target ELSE x.vid0 END AS vid
      FROM temp.roster_stage s JOIN townships t ON t.name = s.township JOIN temp.rs_vil x ON x.tid = t.id AND x.name = s.village`);
    db.exec(`CREATE UNIQUE INDEX temp.rs_res_line ON rs_res (line)`);
    const distinct = one(`SELECT count(*) FROM (SELECT DISTINCT r.vid, s.grp FROM temp.rs_res r JOIN temp.roster_stage s ON s.line = r.line WHERE s.grp IS NOT NULL)`);
    const created = run(`INSERT INTO village_groups (village_id, name)
      SELECT r.vid, s.grp FROM temp.rs_res r JOIN temp.roster_stage s ON s.line = r.line
      WHERE s.grp IS NOT NULL AND NOT EXISTS (SELECT 1 FROM village_groups g WHERE g.village_id = r.vid AND g.name = s.grp)
      GROUP BY r.vid, s.grp ORDER BY min(r.line)`);
    put('groups', { created, updated: 0, unchanged: distinct - created });
    const hdistinct = one(`SELECT count(*) FROM (SELECT DISTINCT r.vid, s.grp, s.household FROM temp.rs_res r JOIN temp.roster_stage s ON s.line = r.line)`);
    const hcreated = run(`INSERT INTO households (village_id, group_id, head_name)
      SELECT r.vid, g.id, s.household FROM temp.rs_res r JOIN temp.roster_stage s ON s.line = r.line LEFT JOIN village_groups g ON g.village_id = r.vid AND g.name = s.grp
      WHERE NOT EXISTS (SELECT 1 FROM households h WHERE h.village_id = r.vid AND ifnull(h.group_id, 0) = ifnull(g.id, 0) AND h.head_name = s.household)
      GROUP BY r.vid, ifnull(g.id, 0), s.household ORDER BY min(r.line)`);
    put('households', { created: hcreated, updated: 0, unchanged: hdistinct - hcreated });
  }

  // Borrowers and loans: see resolveBorrowers.
  const borrowerIdsMax = one(`SELECT ifnull(max(id), 0) FROM borrowers`);
  db.exec(`CREATE TEMP TABLE rs_brow AS
    SELECT s.line, h.id AS hid, l.id AS lid, l.borrower_id AS b0, b.id_number AS b0idn, NULL AS t, NULL AS grp, NULL AS bid
    FROM temp.roster_stage s JOIN temp.rs_res r ON r.line = s.line LEFT JOIN village_groups g ON g.village_id = r.vid AND g.name = s.grp
    JOIN households h ON h.village_id = r.vid AND ifnull(h.group_id, 0) = ifnull(g.id, 0) AND h.head_name = s.household
    LEFT JOIN loans l ON l.loan_no = s.loan_no LEFT JOIN borrowers b ON b.id = l.borrower_id`);
  db.exec(`CREATE UNIQUE INDEX temp.rs_brow_line ON rs_brow (line)`);
  resolveBorrowers(db, borrowerIdsMax, (e, c) => put(e, c));

  // Loans. asOf: the row's own date, else the import's.
  let olderKept = 0;
  {
    db.exec(`CREATE TEMP TABLE rs_loan AS
      SELECT s.line, b.lid, b.lid IS NULL AS is_new, b.bid, coalesce(s.as_of, ${quote(defaultAsOf)}) AS as_of FROM temp.roster_stage s JOIN temp.rs_brow b ON b.line = s.line`);
    db.exec(`CREATE UNIQUE INDEX temp.rs_loan_line ON rs_loan (line)`);
    const created = run(`INSERT INTO loans (loan_no, borrower_id, principal_fen, interest_fen, balance_as_of, loan_date, due_date, officer, guarantor, guarantee_until, guarantee_type, guarantor_address)
      SELECT s.loan_no, x.bid, s.principal_fen, s.interest_fen, x.as_of, s.loan_date, s.due_date, s.officer, s.guarantor, s.guarantee_until, s.guarantee_type, s.guarantor_address
      FROM temp.rs_loan x JOIN temp.roster_stage s ON s.line = x.line WHERE x.is_new ORDER BY x.line`);
    // A roster dated before the balance on record never replaces the figures (other details still update).
    olderKept = one(`SELECT count(*) FROM temp.rs_loan x JOIN temp.roster_stage s ON s.line = x.line JOIN loans l ON l.id = x.lid
      WHERE NOT x.is_new AND x.as_of < l.balance_as_of AND (l.principal_fen <> s.principal_fen OR l.interest_fen <> s.interest_fen)`);
    const updated = run(`UPDATE loans SET borrower_id = n.bid, principal_fen = n.p, interest_fen = n.i,
        balance_as_of = CASE WHEN loans.principal_fen = n.p AND loans.interest_fen = n.i THEN loans.balance_as_of ELSE n.as_of END,
        loan_date = n.loan_date, due_date = n.due_date, officer = n.officer, guarantor = n.guarantor, guarantee_until = n.guarantee_until,
        guarantee_type = n.guarantee_type, guarantor_address = n.guarantor_address
      FROM (SELECT x.lid, x.bid, x.as_of,
              CASE WHEN x.as_of < l.balance_as_of THEN l.principal_fen ELSE s.principal_fen END AS p,
              CASE WHEN x.as_of < l.balance_as_of THEN l.interest_fen ELSE s.interest_fen END AS i,
              coalesce(s.loan_date, l.loan_date) AS loan_date, coalesce(s.due_date, l.due_date) AS due_date, coalesce(s.officer, l.officer) AS officer,
              coalesce(s.guarantor, l.guarantor) AS guarantor, coalesce(s.guarantee_until, l.guarantee_until) AS guarantee_until,
              coalesce(s.guarantee_type, l.guarantee_type) AS guarantee_type, coalesce(s.guarantor_address, l.guarantor_address) AS guarantor_address
            FROM temp.rs_loan x JOIN temp.roster_stage s ON s.line = x.line JOIN loans l ON l.id = x.lid WHERE NOT x.is_new) n
      WHERE loans.id = n.lid AND NOT (loans.borrower_id = n.bid AND loans.principal_fen = n.p AND loans.interest_fen = n.i AND loans.loan_date IS n.loan_date
        AND loans.due_date IS n.due_date AND loans.officer IS n.officer AND loans.guarantor IS n.guarantor AND loans.guarantee_until IS n.guarantee_until
        AND loans.guarantee_type IS n.guarantee_type AND loans.guarantor_address IS n.guarantor_address)`);
    const existing = one(`SELECT count(*) FROM temp.rs_loan WHERE NOT is_new`);
    put('loans', { created, updated, unchanged: existing - updated });
    db.exec(`UPDATE temp.rs_loan SET lid = l.id FROM temp.roster_stage s JOIN loans l ON l.loan_no = s.loan_no WHERE rs_loan.is_new AND s.line = rs_loan.line`);
  }

  // Every row is the ledger's statement of its loan at its as-of date, once (the uid comes from its content).
  const assumedRows = ledger.assumed ? one(`SELECT count(*) FROM temp.roster_stage WHERE as_of IS NULL`) : 0;
  if (!ledger.skip) writeStatements(db, ledger);

  const ledgerCounts = refresh ? refreshSetWise(db) : emptyCounts();
  const merged = (
    db
      .prepare(
        `SELECT x.name AS "from", x.target_name AS "into", count(*) AS rows, min(s.line) AS first FROM temp.roster_stage s JOIN townships t ON t.name = s.township
         JOIN temp.rs_vil x ON x.tid = t.id AND x.name = s.village WHERE x.into0 IS NOT NULL GROUP BY x.tid, x.name ORDER BY first`,
      )
      .all() as { from: string; into: string; rows: number }[]
  ).reduce<{ from: string; into: string; rows: number }[]>((acc, m) => {
    // Keyed by the old name alone, as the summary shows it.
    const hit = acc.find((a) => a.from === m.from);
    if (hit) hit.rows += m.rows;
    else acc.push({ from: m.from, into: m.into, rows: m.rows });
    return acc;
  }, []);
  dropWork(db);
  for (const e of ENTITIES) summary[e] ??= { created: 0, updated: 0, unchanged: 0 };
  return { summary, merged, olderKept, assumedRows, ledger: ledgerCounts };

  function quote(s: string): string {
    return `'${s.replace(/'/g, "''")}'`;
  }
}

function tally(ranks: Map<number, number>): ChangeCount {
  const c: ChangeCount = { created: 0, updated: 0, unchanged: 0 };
  for (const v of ranks.values()) {
    if (v === CREATED) c.created++;
    else if (v === UPDATED) c.updated++;
    else if (v === UNCHANGED) c.unchanged++;
  }
  return c;
}

/**
 * Which borrower each row names. Row by row in file order the rule is: a known loan keeps its borrower, unless the row
 * carries another ID number that a borrower already has; a new loan's borrower is found by ID number, else by name
 * within the household (unless both carry different ID numbers), else created; the row then updates that borrower
 * (empty cells never erase). Rows are grouped by (household, name, ID number). A group is resolved set-wise when
 * every row of it names the same borrower in the database before the import (or all name nobody) and nothing it may
 * read or write (its keys, and the keys of every borrower it may find) is shared with another group: then no other
 * row can change what it finds, and the result is the same whatever the order. Other rows (the same person with and
 * without an ID number, a moved borrower named in both households, …) are replayed in file order in memory, on the
 * borrowers they can reach — few, and disjoint from the set-wise groups.
 */
function resolveBorrowers(db: Db, maxId: number, put: (e: Entity, c: ChangeCount) => void): void {
  // Each row's borrower as the database stands before the import (t NULL: a new borrower).
  db.exec(`UPDATE temp.rs_brow SET t = CASE
      WHEN rs_brow.lid IS NOT NULL THEN CASE
        WHEN s.id_number IS NOT NULL AND rs_brow.b0idn IS NOT NULL AND rs_brow.b0idn <> s.id_number
        THEN coalesce((SELECT min(b.id) FROM borrowers b WHERE b.id_number = s.id_number), rs_brow.b0) ELSE rs_brow.b0 END
      ELSE coalesce(
        CASE WHEN s.id_number IS NOT NULL THEN (SELECT min(b.id) FROM borrowers b WHERE b.id_number = s.id_number) END,
        (SELECT min(b.id) FROM borrowers b WHERE b.household_id = rs_brow.hid AND b.name = s.borrower
           AND (s.id_number IS NULL OR b.id_number IS NULL OR b.id_number = s.id_number)))
      END
    FROM temp.roster_stage s WHERE s.line = rs_brow.line`);
  db.exec(`CREATE TEMP TABLE rs_grp AS
    SELECT row_number() OVER (ORDER BY min(b.line)) AS grp, b.hid, s.borrower AS name, s.id_number AS idn, min(b.line) AS first,
      count(*) AS n, count(b.t) AS nt, min(b.t) AS tmin, max(b.t) AS tmax, 0 AS complex
    FROM temp.rs_brow b JOIN temp.roster_stage s ON s.line = b.line GROUP BY b.hid, s.borrower, s.id_number`);
  db.exec(`CREATE UNIQUE INDEX temp.rs_grp_key ON rs_grp (hid, name, idn)`);
  db.exec(`UPDATE temp.rs_brow SET grp = (SELECT g.grp FROM temp.rs_grp g JOIN temp.roster_stage s ON s.line = rs_brow.line
    WHERE g.hid = rs_brow.hid AND g.name = s.borrower AND g.idn IS s.id_number)`);
  // The keys each group may read or write: (household, name) with k1 = household id, ID numbers with k1 = 0.
  db.exec(`CREATE TEMP TABLE rs_fk AS
    SELECT grp, hid AS k1, name AS k2 FROM temp.rs_grp
    UNION SELECT grp, 0, idn FROM temp.rs_grp WHERE idn IS NOT NULL
    UNION SELECT g.grp, b.household_id, b.name FROM temp.rs_grp g JOIN borrowers b ON b.id_number = g.idn WHERE g.idn IS NOT NULL
    UNION SELECT g.grp, 0, b.id_number FROM temp.rs_grp g JOIN borrowers b ON b.household_id = g.hid AND b.name = g.name WHERE b.id_number IS NOT NULL
    UNION SELECT r.grp, b.household_id, b.name FROM temp.rs_brow r JOIN borrowers b ON b.id = r.b0
    UNION SELECT r.grp, 0, b.id_number FROM temp.rs_brow r JOIN borrowers b ON b.id = r.b0 WHERE b.id_number IS NOT NULL`);
  db.exec(`UPDATE temp.rs_grp SET complex = 1 WHERE (nt > 0 AND (nt < n OR tmin <> tmax))
    OR grp IN (SELECT f.grp FROM temp.rs_fk f JOIN (SELECT k1, k2 FROM temp.rs_fk GROUP BY k1, k2 HAVING count(*) > 1) d ON d.k1 = f.k1 AND d.k2 = f.k2)`);
  db.exec(`CREATE INDEX temp.rs_brow_grp ON rs_brow (grp, line)`);

  // Final state per borrower touched: existing id or a new one (created by line `created`), and its rank.
  db.exec(`CREATE TEMP TABLE rs_bfinal (key INTEGER PRIMARY KEY, id INTEGER, created INTEGER, household_id INTEGER, name TEXT, id_number TEXT, phone TEXT, stance TEXT, rank INTEGER)`);
  // Set-wise groups: the last non-empty phone and stance win; an update when the first row changes the borrower or a
  // later non-empty phone or stance differs from the one before it.
  db.exec(`INSERT INTO temp.rs_bfinal (key, id, created, household_id, name, id_number, phone, stance, rank)
    SELECT CASE WHEN g.tmin IS NULL THEN -g.first ELSE g.tmin END, g.tmin, CASE WHEN g.tmin IS NULL THEN g.first END, g.hid, g.name, coalesce(g.idn, b.id_number),
      coalesce((SELECT s.phone FROM temp.rs_brow r JOIN temp.roster_stage s ON s.line = r.line WHERE r.grp = g.grp AND s.phone IS NOT NULL ORDER BY r.line DESC LIMIT 1), b.phone),
      coalesce((SELECT s.stance FROM temp.rs_brow r JOIN temp.roster_stage s ON s.line = r.line WHERE r.grp = g.grp AND s.stance IS NOT NULL ORDER BY r.line DESC LIMIT 1), b.stance),
      CASE WHEN g.tmin IS NULL THEN ${CREATED}
           WHEN b.household_id <> g.hid OR b.name <> g.name OR coalesce(g.idn, b.id_number) IS NOT b.id_number
             OR EXISTS (SELECT 1 FROM (SELECT s.phone AS v, lag(s.phone, 1, b.phone) OVER (ORDER BY r.line) AS prev FROM temp.rs_brow r JOIN temp.roster_stage s ON s.line = r.line
                        WHERE r.grp = g.grp AND s.phone IS NOT NULL) WHERE v IS NOT prev)
             OR EXISTS (SELECT 1 FROM (SELECT s.stance AS v, lag(s.stance, 1, b.stance) OVER (ORDER BY r.line) AS prev FROM temp.rs_brow r JOIN temp.roster_stage s ON s.line = r.line
                        WHERE r.grp = g.grp AND s.stance IS NOT NULL) WHERE v IS NOT prev)
           THEN ${UPDATED} ELSE ${UNCHANGED} END
    FROM temp.rs_grp g LEFT JOIN borrowers b ON b.id = g.tmin WHERE g.complex = 0`);
  db.exec(`UPDATE temp.rs_brow SET bid = CASE WHEN g.tmin IS NULL THEN -g.first ELSE g.tmin END FROM temp.rs_grp g WHERE g.grp = rs_brow.grp AND g.complex = 0`);
  replayComplex(db);

  // New borrowers get ids in the order of the line that created them; then one INSERT and one UPDATE.
  db.exec(`UPDATE temp.rs_bfinal SET id = ${maxId} + n.k FROM (SELECT key AS fk, row_number() OVER (ORDER BY created) AS k FROM temp.rs_bfinal WHERE created IS NOT NULL) n
    WHERE rs_bfinal.key = n.fk`);
  db.exec(`UPDATE temp.rs_brow SET bid = f.id FROM temp.rs_bfinal f WHERE f.key = rs_brow.bid`);
  db.exec(`INSERT INTO borrowers (id, household_id, name, id_number, phone, stance)
    SELECT id, household_id, name, id_number, phone, stance FROM temp.rs_bfinal WHERE created IS NOT NULL ORDER BY id`);
  db.exec(`UPDATE borrowers SET household_id = f.household_id, name = f.name, id_number = f.id_number, phone = f.phone, stance = f.stance
    FROM temp.rs_bfinal f WHERE f.created IS NULL AND f.rank = ${UPDATED} AND borrowers.id = f.id
      AND NOT (borrowers.household_id = f.household_id AND borrowers.name = f.name AND borrowers.id_number IS f.id_number AND borrowers.phone IS f.phone AND borrowers.stance IS f.stance)`);
  const c = db.prepare(`SELECT sum(rank = ${CREATED}) AS created, sum(rank = ${UPDATED}) AS updated, sum(rank = ${UNCHANGED}) AS unchanged FROM temp.rs_bfinal`).get() as ChangeCount;
  put('borrowers', { created: c.created ?? 0, updated: c.updated ?? 0, unchanged: c.unchanged ?? 0 });
}

interface Bor {
  key: number;
  /** Database id, or null for one this import creates. */
  id: number | null;
  created: number | null;
  household_id: number;
  name: string;
  id_number: string | null;
  phone: string | null;
  stance: string | null;
  rank: number;
}

/** The rows of complex groups, in file order, on the borrowers they can reach (loaded once), exactly as row by row. */
function replayComplex(db: Db): void {
  const rows = db
    .prepare(
      `SELECT r.line, r.hid, r.lid, r.b0, s.borrower, s.id_number, s.phone, s.stance FROM temp.rs_brow r JOIN temp.rs_grp g ON g.grp = r.grp
       JOIN temp.roster_stage s ON s.line = r.line WHERE g.complex = 1 ORDER BY r.line`,
    )
    .all() as { line: number; hid: number; lid: number | null; b0: number | null; borrower: string; id_number: string | null; phone: string | null; stance: string | null }[];
  if (rows.length === 0) return;
  const load = db
    .prepare(
      `SELECT b.id, b.household_id, b.name, b.id_number, b.phone, b.stance FROM borrowers b WHERE b.id IN (
         SELECT b2.id FROM temp.rs_fk f JOIN temp.rs_grp g ON g.grp = f.grp AND g.complex = 1 JOIN borrowers b2 ON f.k1 > 0 AND b2.household_id = f.k1 AND b2.name = f.k2
         UNION SELECT b2.id FROM temp.rs_fk f JOIN temp.rs_grp g ON g.grp = f.grp AND g.complex = 1 JOIN borrowers b2 ON f.k1 = 0 AND b2.id_number = f.k2
         UNION SELECT r.b0 FROM temp.rs_brow r JOIN temp.rs_grp g ON g.grp = r.grp AND g.complex = 1 WHERE r.b0 IS NOT NULL)`,
    )
    .all() as Omit<Bor, 'key' | 'created' | 'rank'>[];
  const byKey = new Map<number, Bor>();
  const byIdn = new Map<string, Set<Bor>>();
  const byHn = new Map<string, Set<Bor>>();
  const hn = (b: { household_id: number; name: string }) => `${b.household_id}\u0000${b.name}`;
  const add = (m: Map<string, Set<Bor>>, k: string, b: Bor) => {
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(b);
  };
  const index = (b: Bor) => {
    add(byHn, hn(b), b);
    if (b.id_number !== null) add(byIdn, b.id_number, b);
  };
  const unindex = (b: Bor) => {
    byHn.get(hn(b))?.delete(b);
    if (b.id_number !== null) byIdn.get(b.id_number)?.delete(b);
  };
  // Order of ids: database ids, then new ones by the line that created them.
  const order = (b: Bor) => (b.id !== null ? b.id : Number.MAX_SAFE_INTEGER / 2 + b.created!);
  const minOf = (s: Iterable<Bor> | undefined, ok: (b: Bor) => boolean = () => true): Bor | undefined => {
    let best: Bor | undefined;
    if (s) for (const b of s) if (ok(b) && (!best || order(b) < order(best))) best = b;
    return best;
  };
  for (const b of load) {
    const x: Bor = { ...b, key: b.id!, created: null, rank: 0 };
    byKey.set(x.key, x);
    index(x);
  }
  const setBid = db.prepare(`UPDATE temp.rs_brow SET bid = ? WHERE line = ?`);
  for (const r of rows) {
    let b: Bor | undefined;
    if (r.lid !== null) {
      b = byKey.get(r.b0!)!;
      if (r.id_number && b.id_number && b.id_number !== r.id_number) b = minOf(byIdn.get(r.id_number)) ?? b;
    } else {
      if (r.id_number) b = minOf(byIdn.get(r.id_number));
      if (!b) b = minOf(byHn.get(`${r.hid}\u0000${r.borrower}`), (x) => r.id_number === null || x.id_number === null || x.id_number === r.id_number);
    }
    if (!b) {
      b = { key: -r.line, id: null, created: r.line, household_id: r.hid, name: r.borrower, id_number: r.id_number, phone: r.phone, stance: r.stance, rank: CREATED };
      byKey.set(b.key, b);
      index(b);
    } else {
      const idn = r.id_number ?? b.id_number;
      const phone = r.phone ?? b.phone;
      const stance = r.stance ?? b.stance;
      const same = b.household_id === r.hid && b.name === r.borrower && b.id_number === idn && b.phone === phone && b.stance === stance;
      if (same) b.rank = Math.max(b.rank, UNCHANGED);
      else {
        unindex(b);
        b.household_id = r.hid;
        b.name = r.borrower;
        b.id_number = idn;
        b.phone = phone;
        b.stance = stance;
        index(b);
        b.rank = Math.max(b.rank, UPDATED);
      }
    }
    setBid.run(b.key, r.line);
  }
  const ins = db.prepare(`INSERT INTO temp.rs_bfinal (key, id, created, household_id, name, id_number, phone, stance, rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const b of byKey.values()) if (b.rank !== NONE) ins.run(b.key, b.id, b.created, b.household_id, b.name, b.id_number, b.phone, b.stance, b.rank);
}

/** Statements: a new one per row whose content is not recorded yet; a live one of the same loan and day made before is voided (corrected). */
function writeStatements(db: Db, ledger: StatementOptions): void {
  db.exec(`CREATE TEMP TABLE rs_stmt AS SELECT s.line, s.stmt_uid AS uid FROM temp.roster_stage s
    WHERE NOT EXISTS (SELECT 1 FROM ledger_statements l WHERE l.uid = s.stmt_uid) ORDER BY s.line`);
  // Live statements of the same loan and day, voided once the new one is in (it corrects them).
  const toVoid = db
    .prepare(
      `SELECT st.uid AS target, x.as_of AS asOf FROM temp.rs_stmt n JOIN temp.rs_loan x ON x.line = n.line JOIN ledger_statements st ON st.loan_id = x.lid AND st.as_of = x.as_of
       WHERE NOT EXISTS (SELECT 1 FROM fact_voids z WHERE z.target_uid = st.uid) ORDER BY n.line, st.id`,
    )
    .all() as { target: string; asOf: string }[];
  db.prepare(
    `INSERT INTO ledger_statements (uid, origin_db, loan_id, as_of, principal_fen, interest_fen, assumed, recorded_at)
     SELECT n.uid, @origin, x.lid, x.as_of, s.principal_fen, s.interest_fen, CASE WHEN @assumed AND s.as_of IS NULL THEN 1 ELSE 0 END, @at
     FROM temp.rs_stmt n JOIN temp.rs_loan x ON x.line = n.line JOIN temp.roster_stage s ON s.line = n.line ORDER BY n.line`,
  ).run({ origin: ledger.originDb ?? databaseId(db), assumed: ledger.assumed ? 1 : 0, at: ledger.recordedAt });
  const insVoid = db.prepare(`INSERT INTO fact_voids (uid, origin_db, target_uid, reason, voided_by, voided_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const here = databaseId(db);
  for (const v of toVoid) insVoid.run(uuidv7(), here, v.target, `corrected by a roster of the same date (${v.asOf})`, ledger.by, ledger.recordedAt);
  db.exec(`DROP TABLE temp.rs_stmt`);
}

/**
 * The ledger cache of every loan the roster named (src/db/ledger.ts refreshLedger). A loan without field payments,
 * confirmations or postings is refreshed set-wise: its figures become those of its latest effective statement, and a
 * fall between two statements is paid at the branch. Others go through refreshLedger, one by one.
 */
function refreshSetWise(db: Db): LedgerCounts {
  db.exec(`CREATE TEMP TABLE rs_touch (lid INTEGER PRIMARY KEY, plain INTEGER)`);
  db.exec(`INSERT INTO temp.rs_touch (lid, plain) SELECT lid,
      NOT EXISTS (SELECT 1 FROM visit_outcomes o WHERE o.loan_id = x.lid AND o.kind = 'cash')
      AND NOT EXISTS (SELECT 1 FROM payment_confirmations c WHERE c.loan_id = x.lid)
      AND NOT EXISTS (SELECT 1 FROM payment_postings p WHERE p.loan_id = x.lid)
    FROM temp.rs_loan x ORDER BY lid`);
  // Effective statements: live, one per day (the lower principal, interest, uid), of the plain loans.
  db.exec(`CREATE TEMP TABLE rs_eff AS SELECT loan_id, as_of, principal_fen AS p, interest_fen AS i FROM (
      SELECT s.loan_id, s.as_of, s.principal_fen, s.interest_fen,
        row_number() OVER (PARTITION BY s.loan_id, s.as_of ORDER BY s.principal_fen, s.interest_fen, s.uid) AS k
      FROM temp.rs_touch t JOIN ledger_statements s ON s.loan_id = t.lid
      WHERE t.plain AND NOT EXISTS (SELECT 1 FROM fact_voids z WHERE z.target_uid = s.uid)) WHERE k = 1`);
  db.exec(`CREATE INDEX temp.rs_eff_loan ON rs_eff (loan_id, as_of)`);
  // A plain loan with no live statement goes the long way too.
  db.exec(`UPDATE temp.rs_touch SET plain = 0 WHERE plain AND NOT EXISTS (SELECT 1 FROM temp.rs_eff e WHERE e.loan_id = rs_touch.lid)`);
  const counts = refreshLedger(db, db.prepare(`SELECT lid FROM temp.rs_touch WHERE NOT plain ORDER BY lid`).pluck().all() as number[]);
  const br = db
    .prepare(
      `SELECT count(*) AS n, ifnull(sum(bp + bi), 0) AS fen FROM (
         SELECT pp - p AS bp, max(0, ii - i) AS bi FROM (
           SELECT p, i, lag(p) OVER w AS pp, lag(i) OVER w AS ii FROM temp.rs_eff WINDOW w AS (PARTITION BY loan_id ORDER BY as_of))
         WHERE pp IS NOT NULL AND pp - p >= 0) WHERE bp > 0 OR bi > 0`,
    )
    .get() as { n: number; fen: number };
  counts.branch += br.n;
  counts.branchFen += br.fen;
  db.exec(`CREATE TEMP TABLE rs_latest AS SELECT loan_id, as_of, p, i FROM (
      SELECT loan_id, as_of, p, i, row_number() OVER (PARTITION BY loan_id ORDER BY as_of DESC) AS k FROM temp.rs_eff) WHERE k = 1`);
  db.exec(`UPDATE loans SET principal_fen = e.p, interest_fen = e.i, balance_as_of = e.as_of FROM temp.rs_latest e
    WHERE loans.id = e.loan_id AND NOT (loans.principal_fen = e.p AND loans.interest_fen = e.i AND loans.balance_as_of = e.as_of)`);
  // A plain loan has no cash outcome, live or void: nothing paid in the field.
  db.exec(`INSERT INTO loan_ledger (loan_id, principal_fen, interest_fen, paid_principal_fen, paid_interest_fen) SELECT loan_id, p, i, 0, 0 FROM temp.rs_latest ORDER BY loan_id
    ON CONFLICT (loan_id) DO UPDATE SET principal_fen = excluded.principal_fen, interest_fen = excluded.interest_fen, paid_principal_fen = 0, paid_interest_fen = 0
    WHERE loan_ledger.principal_fen <> excluded.principal_fen OR loan_ledger.interest_fen <> excluded.interest_fen
      OR loan_ledger.paid_principal_fen <> 0 OR loan_ledger.paid_interest_fen <> 0`);
  db.exec(`DROP TABLE temp.rs_latest`);
  return counts;
}
