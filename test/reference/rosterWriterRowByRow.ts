// The roster writer as it was before the set-wise write (src/db/rosterImport.ts): one row at a time, in file order.
// Kept only as the reference the differential test (test/db/rosterSetWise.test.ts) compares the set-wise write with.
import type { Db } from '../../src/db/open.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { recordStatement, refreshLedger, type LedgerCounts } from '../../src/db/ledger.js';
import { ENTITIES, type ChangeCount, type Entity, type RosterInput, type RosterSummary, type StatementOptions } from '../../src/db/roster.js';

export interface RosterWriter {
  write(row: RosterInput): { mergedFrom: string | null; mergedInto: string | null };
  summary(): RosterSummary;
  olderKept(): number;
  assumedRows(): number;
  finishLedger(): LedgerCounts;
}

interface LoanRow {
  id: number;
  borrower_id: number;
  principal_fen: number;
  interest_fen: number;
  balance_as_of: string;
  loan_date: string | null;
  due_date: string | null;
  officer: string | null;
  guarantor: string | null;
  guarantee_until: string | null;
  guarantee_type: string | null;
  guarantor_address: string | null;
  b_household_id: number;
  b_name: string;
  b_id_number: string | null;
  b_phone: string | null;
  b_stance: string | null;
}
interface BorrowerRow {
  id: number;
  household_id: number;
  name: string;
  id_number: string | null;
  phone: string | null;
  stance: string | null;
}

/**
 * Must be called inside a transaction. Tracks which records this import touched so each is counted once,
 * however many rows mention it; the id sets grow with distinct records, not with rows.
 */
export function createRosterWriter(db: Db, defaultAsOf: IsoDate, ledger: StatementOptions = { assumed: false, recordedAt: `${defaultAsOf}T00:00:00.000Z`, by: 'import' }): RosterWriter {
  // Each record is counted once however many rows mention it: created beats updated beats unchanged.
  // Loans are unique per file (a repeated loan number is an error), so they need no sets.
  // Each record is counted once however many rows mention it: created beats updated beats unchanged. The state
  // of each record id is one byte in a growable array (ids are dense rowids): a million borrowers cost 1 MB, where
  // sets of ids cost tens of MB.
  const NONE = 0, UNCHANGED = 1, UPDATED = 2, CREATED = 3;
  const states = Object.fromEntries(ENTITIES.map((e) => [e, new Uint8Array(1024)])) as Record<Entity, Uint8Array>;
  const RANK = { unchanged: UNCHANGED, updated: UPDATED, created: CREATED } as const;
  const count = (e: Entity, id: number, how: keyof ChangeCount) => {
    let a = states[e];
    if (id >= a.length) {
      const b = new Uint8Array(Math.max(id + 1, a.length * 2));
      b.set(a);
      a = states[e] = b;
    }
    const v = RANK[how];
    if (v > a[id]!) a[id] = v;
  };
  const summary = (): RosterSummary => {
    const out = {} as RosterSummary;
    for (const e of ENTITIES) {
      const c: ChangeCount = { created: 0, updated: 0, unchanged: 0 };
      for (const v of states[e]) {
        if (v === NONE) continue;
        if (v === CREATED) c.created++;
        else if (v === UPDATED) c.updated++;
        else c.unchanged++;
      }
      out[e] = c;
    }
    return out;
  };
  let olderKept = 0;
  let assumedRows = 0;
  const touched: number[] = [];

  // The default page cache (2 MB) thrashes once the loan and borrower indexes outgrow it; a large roster's inserts
  // land at random places in those indexes. 64 MB for this connection only; durability is untouched.
  db.pragma('cache_size = -65536');
  const q = {
    township: db.prepare(`SELECT id FROM townships WHERE name = ?`),
    insTownship: db.prepare(`INSERT INTO townships (name) VALUES (?)`),
    area: db.prepare(`SELECT id FROM areas WHERE township_id = ? AND name = ?`),
    insArea: db.prepare(`INSERT INTO areas (township_id, name) VALUES (?, ?)`),
    village: db.prepare(`SELECT id, area_id, merged_into_id FROM villages WHERE township_id = ? AND name = ?`),
    villageById: db.prepare(`SELECT id, area_id, merged_into_id, name FROM villages WHERE id = ?`),
    insVillage: db.prepare(`INSERT INTO villages (township_id, area_id, name) VALUES (?, ?, ?)`),
    setVillageArea: db.prepare(`UPDATE villages SET area_id = ? WHERE id = ?`),
    group: db.prepare(`SELECT id FROM village_groups WHERE village_id = ? AND name = ?`),
    insGroup: db.prepare(`INSERT INTO village_groups (village_id, name) VALUES (?, ?)`),
    household: db.prepare(`SELECT id FROM households WHERE village_id = ? AND ifnull(group_id, 0) = ? AND head_name = ?`),
    insHousehold: db.prepare(`INSERT INTO households (village_id, group_id, head_name) VALUES (?, ?, ?)`),
    // The loan and its borrower in one step: a re-import looks up both for every row.
    loan: db.prepare(
      `SELECT l.id, l.borrower_id, l.principal_fen, l.interest_fen, l.balance_as_of, l.loan_date, l.due_date, l.officer, l.guarantor, l.guarantee_until, l.guarantee_type, l.guarantor_address,
         b.household_id AS b_household_id, b.name AS b_name, b.id_number AS b_id_number, b.phone AS b_phone, b.stance AS b_stance
       FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE l.loan_no = ?`,
    ),
    insLoan: db.prepare(`INSERT INTO loans (loan_no, borrower_id, principal_fen, interest_fen, balance_as_of, loan_date, due_date, officer, guarantor, guarantee_until, guarantee_type, guarantor_address)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    updLoan: db.prepare(`UPDATE loans SET borrower_id = ?, principal_fen = ?, interest_fen = ?,
      balance_as_of = CASE WHEN principal_fen = ? AND interest_fen = ? THEN balance_as_of ELSE ? END,
      loan_date = ?, due_date = ?, officer = ?, guarantor = ?, guarantee_until = ?, guarantee_type = ?, guarantor_address = ? WHERE id = ?`),
    borrowerByIdNumber: db.prepare(`SELECT id, household_id, name, id_number, phone, stance FROM borrowers WHERE id_number = ? LIMIT 1`),
    // Same name in the same household is the same person unless both carry different ID numbers (a father and son
    // named alike): then it is someone else.
    borrowerByName: db.prepare(
      `SELECT id, household_id, name, id_number, phone, stance FROM borrowers
       WHERE household_id = @hid AND name = @name AND (@idNumber IS NULL OR id_number IS NULL OR id_number = @idNumber) ORDER BY id LIMIT 1`,
    ),
    insBorrower: db.prepare(`INSERT INTO borrowers (household_id, name, id_number, phone, stance) VALUES (?, ?, ?, ?, ?)`),
    updBorrower: db.prepare(`UPDATE borrowers SET household_id = ?, name = ?, id_number = ?, phone = ?, stance = ? WHERE id = ?`),
  };

  // Places are few: cache them. Households, borrowers and loans go through indexed lookups.
  const townshipCache = new Map<string, number>();
  const villageCache = new Map<string, { id: number; mergedFrom: string | null; mergedInto: string | null }>();
  const areaCache = new Map<string, number>();
  const groupCache = new Map<string, number>();

  function townshipId(name: string): number {
    let id = townshipCache.get(name);
    if (id !== undefined) return id;
    const row = q.township.get(name) as { id: number } | undefined;
    if (row) {
      id = row.id;
      count('townships', id, 'unchanged');
    } else {
      id = Number(q.insTownship.run(name).lastInsertRowid);
      count('townships', id, 'created');
    }
    townshipCache.set(name, id);
    return id;
  }

  function areaId(tid: number, name: string): number {
    const key = `${tid}\u0000${name}`;
    let id = areaCache.get(key);
    if (id !== undefined) return id;
    const row = q.area.get(tid, name) as { id: number } | undefined;
    if (row) {
      id = row.id;
      count('areas', id, 'unchanged');
    } else {
      id = Number(q.insArea.run(tid, name).lastInsertRowid);
      count('areas', id, 'created');
    }
    areaCache.set(key, id);
    return id;
  }

  /** A merged committee's name resolves to the committee it joined (following chains of merges). */
  function villageId(tid: number, name: string, area: string | null): { id: number; mergedFrom: string | null; mergedInto: string | null } {
    const key = `${tid}\u0000${name}\u0000${area ?? ''}`;
    const hit = villageCache.get(key);
    if (hit) return hit;
    const aid = area ? areaId(tid, area) : null;
    let row = q.village.get(tid, name) as { id: number; area_id: number | null; merged_into_id: number | null } | undefined;
    let result: { id: number; mergedFrom: string | null; mergedInto: string | null };
    if (!row) {
      const id = Number(q.insVillage.run(tid, aid, name).lastInsertRowid);
      count('villages', id, 'created');
      result = { id, mergedFrom: null, mergedInto: null };
    } else {
      let mergedFrom: string | null = null;
      let mergedInto: string | null = null;
      for (let hops = 0; row.merged_into_id !== null && hops < 50; hops++) {
        mergedFrom = name;
        const next = q.villageById.get(row.merged_into_id) as { id: number; area_id: number | null; merged_into_id: number | null; name: string };
        mergedInto = next.name;
        row = next;
      }
      // A merged name's area applies to the old committee, not to the one it joined.
      if (mergedFrom === null && aid !== null && row.area_id !== aid) {
        q.setVillageArea.run(aid, row.id);
        count('villages', row.id, 'updated');
      } else {
        count('villages', row.id, 'unchanged');
      }
      result = { id: row.id, mergedFrom, mergedInto };
    }
    villageCache.set(key, result);
    return result;
  }

  function groupId(vid: number, name: string): number {
    const key = `${vid}\u0000${name}`;
    let id = groupCache.get(key);
    if (id !== undefined) return id;
    const row = q.group.get(vid, name) as { id: number } | undefined;
    if (row) {
      id = row.id;
      count('groups', id, 'unchanged');
    } else {
      id = Number(q.insGroup.run(vid, name).lastInsertRowid);
      count('groups', id, 'created');
    }
    groupCache.set(key, id);
    return id;
  }

  // Rosters are sorted by place, so consecutive rows usually share a household: remember the last one.
  let lastHousehold = { vid: -1, gid: -1, head: '', id: 0 };
  function householdId(vid: number, gid: number | null, head: string): number {
    const l = lastHousehold;
    if (l.vid === vid && l.gid === (gid ?? 0) && l.head === head) return l.id;
    const id = lookupHousehold(vid, gid, head);
    lastHousehold = { vid, gid: gid ?? 0, head, id };
    return id;
  }

  function lookupHousehold(vid: number, gid: number | null, head: string): number {
    const row = q.household.get(vid, gid ?? 0, head) as { id: number } | undefined;
    if (row) {
      count('households', row.id, 'unchanged');
      return row.id;
    }
    const id = Number(q.insHousehold.run(vid, gid, head).lastInsertRowid);
    count('households', id, 'created');
    return id;
  }

  function upsertBorrower(existing: BorrowerRow | undefined, hid: number, r: RosterInput): number {
    if (!existing) {
      const id = Number(q.insBorrower.run(hid, r.borrower, r.idNumber, r.phone, r.stance).lastInsertRowid);
      count('borrowers', id, 'created');
      return id;
    }
    // An empty cell never erases what an earlier roster or an officer recorded.
    const idNumber = r.idNumber ?? existing.id_number;
    const phone = r.phone ?? existing.phone;
    const stance = r.stance ?? existing.stance;
    const same =
      existing.household_id === hid &&
      existing.name === r.borrower &&
      existing.id_number === idNumber &&
      existing.phone === phone &&
      existing.stance === stance;
    if (same) {
      count('borrowers', existing.id, 'unchanged');
    } else {
      q.updBorrower.run(hid, r.borrower, idNumber, phone, stance, existing.id);
      count('borrowers', existing.id, 'updated');
    }
    return existing.id;
  }

  return {
    write(r) {
      const asOf = r.asOf ?? defaultAsOf;
      const assumed = !r.asOf && ledger.assumed;
      if (assumed) assumedRows++;
      const tid = townshipId(r.township);
      const v = villageId(tid, r.village, r.area);
      const gid = r.group ? groupId(v.id, r.group) : null;
      const hid = householdId(v.id, gid, r.household);
      const loan = q.loan.get(r.loanNo) as LoanRow | undefined;
      let borrower: BorrowerRow | undefined;
      if (loan) {
        borrower = {
          id: loan.borrower_id,
          household_id: loan.b_household_id,
          name: loan.b_name,
          id_number: loan.b_id_number,
          phone: loan.b_phone,
          stance: loan.b_stance,
        };
        // The loan now names another person already known by ID number; otherwise the roster corrected the number.
        if (r.idNumber && borrower.id_number && borrower.id_number !== r.idNumber) {
          borrower = (q.borrowerByIdNumber.get(r.idNumber) as BorrowerRow | undefined) ?? borrower;
        }
      } else {
        if (r.idNumber) borrower = q.borrowerByIdNumber.get(r.idNumber) as BorrowerRow | undefined;
        if (!borrower) borrower = q.borrowerByName.get({ hid, name: r.borrower, idNumber: r.idNumber }) as BorrowerRow | undefined;
      }
      const bid = upsertBorrower(borrower, hid, r);
      if (!loan) {
        const id = Number(
          q.insLoan.run(r.loanNo, bid, r.principalFen, r.interestFen, asOf, r.loanDate, r.dueDate, r.officer, r.guarantor, r.guaranteeUntil, r.guaranteeType ?? null, r.guarantorAddress ?? null)
            .lastInsertRowid,
        );
        count('loans', id, 'created');
        statement(id, r, asOf, assumed);
      } else {
        // A roster dated before the balance on record (an older file, or bundles merged out of order) never replaces
        // the figures: the later as-of wins whatever order the rosters arrive in. Other loan details still update.
        const older = asOf < loan.balance_as_of;
        const figuresDiffer = loan.principal_fen !== r.principalFen || loan.interest_fen !== r.interestFen;
        if (older && figuresDiffer) olderKept++;
        const principal = older ? loan.principal_fen : r.principalFen;
        const interest = older ? loan.interest_fen : r.interestFen;
        const same =
          loan.borrower_id === bid &&
          loan.principal_fen === principal &&
          loan.interest_fen === interest &&
          loan.loan_date === (r.loanDate ?? loan.loan_date) &&
          loan.due_date === (r.dueDate ?? loan.due_date) &&
          loan.officer === (r.officer ?? loan.officer) &&
          loan.guarantor === (r.guarantor ?? loan.guarantor) &&
          loan.guarantee_until === (r.guaranteeUntil ?? loan.guarantee_until) &&
          loan.guarantee_type === (r.guaranteeType ?? loan.guarantee_type) &&
          loan.guarantor_address === (r.guarantorAddress ?? loan.guarantor_address);
        if (same) count('loans', loan.id, 'unchanged');
        else {
          q.updLoan.run(
            bid,
            principal,
            interest,
            // Compared with the stored figures inside the UPDATE (SET sees the old row): new figures → new as-of date.
            principal,
            interest,
            asOf,
            r.loanDate ?? loan.loan_date,
            r.dueDate ?? loan.due_date,
            r.officer ?? loan.officer,
            r.guarantor ?? loan.guarantor,
            r.guaranteeUntil ?? loan.guarantee_until,
            r.guaranteeType ?? loan.guarantee_type,
            r.guarantorAddress ?? loan.guarantor_address,
            loan.id,
          );
          count('loans', loan.id, 'updated');
        }
        statement(loan.id, r, asOf, assumed);
      }
      return { mergedFrom: v.mergedFrom, mergedInto: v.mergedInto };
    },
    summary,
    olderKept: () => olderKept,
    assumedRows: () => assumedRows,
    finishLedger: () => refreshLedger(db, touched),
  };

  /** Every row is the ledger's statement of its loan at its as-of date (kept whatever its date). */
  function statement(loanId: number, r: RosterInput, asOf: IsoDate, assumed: boolean): void {
    touched.push(loanId);
    if (ledger.skip) return;
    recordStatement(
      db,
      { loanId, loanNo: r.loanNo, asOf, principalFen: r.principalFen, interestFen: r.interestFen, assumed, recordedAt: ledger.recordedAt, originDb: ledger.originDb },
      ledger.by,
    );
  }
}
