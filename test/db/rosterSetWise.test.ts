// The set-wise roster write against the row-by-row writer it replaced: the same random rosters, imported in sequence
// into two copies of one database, must leave every table identical row by row (ids included) and report the same.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Opened } from '../../src/db/open.js';
import type { Db } from '../../src/db/open.js';
import { mergeVillage } from '../../src/db/places.js';
import type { RosterInput, StatementOptions } from '../../src/db/roster.js';
import { dumpTables, importRowByRow, importSetWise } from '../reference/rosterImports.js';
import { tmpDir } from '../helpers.js';

const dir = tmpDir('fv-setwise-');

/** A small deterministic generator (the seed makes a failure reproducible). */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T,>(a: readonly T[]): T => a[Math.floor(next() * a.length)]!,
    chance: (p: number) => next() < p,
  };
}

interface Person {
  name: string;
  id: string | null;
  town: number;
  village: number;
  group: number | null;
  head: string;
  phone: string | null;
}

const TOWNS = ['涡水镇', '香坪镇'];
const VILLAGES = ['马头冲村委', '黄家村村委', '涡水村委', '金坑村委', '内田村委'];
const NAMES = ['房六贵', '沈二', '盘瑶角', '房军海', '房志勇', '沈双郎', '房石头', '黄一', '刘二'];

/** Persons of a small world where collisions are frequent: namesakes, shared households, missing and reused ID numbers. */
function world(r: ReturnType<typeof rng>, size: number): Person[] {
  const out: Person[] = [];
  for (let k = 0; k < size; k++) {
    const name = r.pick(NAMES) + (size > 100 ? String(r.int(size)) : '');
    out.push({
      name,
      id: r.chance(0.7) ? `4511231977${String(r.int(100000000)).padStart(8, '0')}` : null,
      town: r.int(2),
      village: r.int(VILLAGES.length),
      group: r.chance(0.7) ? r.int(3) : null,
      head: r.chance(0.5) ? name : r.pick(NAMES) + (size > 100 ? String(r.int(size / 3)) : ''),
      phone: r.chance(0.5) ? `139${String(r.int(100000000)).padStart(8, '0')}` : null,
    });
  }
  // Some share an ID number with another (the same person seen elsewhere, or a typo).
  for (let k = 0; k < 6; k++) out[r.int(out.length)]!.id = out[r.int(out.length)]!.id;
  return out;
}

function row(r: ReturnType<typeof rng>, p: Person, loanNo: string): RosterInput {
  const date = (y: number) => `${y}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
  return {
    township: TOWNS[p.town]!,
    area: r.chance(0.3) ? r.pick(['金坑片区', '北片', '南片']) : null,
    village: VILLAGES[p.village]!,
    group: p.group === null ? null : `${p.group + 1}组`,
    household: p.head,
    borrower: p.name,
    // Empty cells now and then: they never erase.
    idNumber: r.chance(0.85) ? p.id : null,
    phone: r.chance(0.7) ? p.phone : r.chance(0.3) ? `138${String(r.int(1000)).padStart(8, '0')}` : null,
    loanNo,
    principalFen: r.int(5) * 100000,
    interestFen: r.int(3) * 1000,
    loanDate: r.chance(0.8) ? date(2020) : null,
    dueDate: r.chance(0.8) ? date(2023) : null,
    officer: r.chance(0.7) ? r.pick(['张明', '李华']) : null,
    guarantor: r.chance(0.3) ? r.pick(['保证人甲', '保证人乙']) : null,
    guaranteeUntil: r.chance(0.2) ? date(2024) : null,
    guaranteeType: r.chance(0.2) ? r.pick(['general', 'joint'] as const) : null,
    stance: r.chance(0.2) ? r.pick(['evasive', 'victim']) : null,
    guarantorAddress: r.chance(0.1) ? '涡水镇新街18号' : null,
    asOf: r.chance(0.2) ? r.pick(['2026-01-10', '2026-03-01', '2026-06-30']) : null,
  };
}

/** A roster: some known loans again (changed or not, some moved to another person), some new ones. */
function roster(r: ReturnType<typeof rng>, people: Person[], known: string[], next: { n: number }): RosterInput[] {
  const out: RosterInput[] = [];
  const used = new Set<string>();
  const count = 20 + r.int(people.length > 100 ? 400 : 60);
  for (let k = 0; k < count; k++) {
    let loanNo: string;
    if (known.length && r.chance(0.6)) {
      loanNo = r.pick(known);
      if (used.has(loanNo)) continue;
    } else loanNo = `WS-${String(next.n++).padStart(5, '0')}`;
    used.add(loanNo);
    const p = r.pick(people);
    // Persons move now and then (another household or committee).
    if (r.chance(0.05)) p.village = r.int(VILLAGES.length);
    if (r.chance(0.05)) p.head = r.pick(NAMES);
    out.push(row(r, p, loanNo));
  }
  for (const x of out) if (!known.includes(x.loanNo)) known.push(x.loanNo);
  return out;
}

function open(file: string): Opened {
  return openDatabase(file, { nowIso: '2026-11-20T08:00:00.000Z' });
}




/** Field cash on some loans, so the ledger cache has payments to post (the same rows in both databases). */
function addCash(db: Db, r: ReturnType<typeof rng>, n: number): void {
  const loans = db.prepare(`SELECT l.id, b.household_id FROM loans l JOIN borrowers b ON b.id = l.borrower_id ORDER BY l.id`).all() as { id: number; household_id: number }[];
  for (let k = 0; k < n && loans.length; k++) {
    const l = r.pick(loans);
    const v = db
      .prepare(`INSERT INTO visits (uid, origin_db, household_id, visit_date, officer, source, created_at) VALUES (?, 'test', ?, ?, '张明', 'cli', '2026-05-01T00:00:00Z')`)
      .run(`visit-${k}-${l.id}-${r.int(1e9)}`, l.household_id, r.pick(['2025-12-01', '2026-02-01', '2026-04-01', '2026-08-01']));
    db.prepare(`INSERT INTO visit_outcomes (visit_id, kind, loan_id, principal_fen, interest_fen) VALUES (?, 'cash', ?, ?, ?)`).run(v.lastInsertRowid, l.id, r.int(3) * 50000, r.int(2) * 1000);
  }
}

describe('set-wise roster write = row-by-row writer', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}: five rosters in sequence, with merges, moves, conflicts, empty cells, older balances and field cash`, () => {
      const r = rng(seed * 7919);
      const fa = path.join(dir, `a-${seed}.db`);
      const fb = path.join(dir, `b-${seed}.db`);
      open(fa).db.close();
      fs.copyFileSync(fa, fb);
      const A = open(fa).db;
      const B = open(fb).db;
      try {
        // Small worlds: most rows touch a borrower another row touches; large ones: most rows stand alone.
        const people = world(r, seed <= 4 ? 60 : 800);
        const known: string[] = [];
        const next = { n: 1 };
        const dates = ['2026-02-01', '2026-05-01', '2026-03-15', '2026-07-01', '2026-07-01'];
        for (let f = 0; f < 5; f++) {
          const rows = roster(r, people, known, next);
          const asOf = dates[f]!;
          const ledger: StatementOptions = { assumed: f % 2 === 0, recordedAt: `2026-11-2${f}T08:00:00.000Z`, by: 'import' };
          const a = importRowByRow(A, rows, asOf, ledger);
          const b = importSetWise(B, rows, asOf, ledger);
          expect(b, `file ${f}`).toEqual(a);
          expect(dumpTables(B), `file ${f}`).toEqual(dumpTables(A));
          if (f === 1) {
            // A committee merges between two rosters; later rosters still use the old name.
            for (const db of [A, B]) {
              const tid = db.prepare(`SELECT id FROM townships WHERE name = ?`).pluck().get(TOWNS[0]) as number | undefined;
              const has = tid !== undefined && db.prepare(`SELECT 1 FROM villages WHERE township_id = ? AND name = ?`).get(tid, VILLAGES[1]);
              if (has) {
                try {
                  mergeVillage(db, { old: VILLAGES[1]!, into: VILLAGES[2]!, townshipId: tid, date: '2026-06-01', recordedAt: '2026-06-01T00:00:00Z', uid: `merge-${seed}` });
                } catch {
                  // Two households of one head in both committees: the merge is refused, in both databases alike.
                }
              }
            }
            expect(dumpTables(B)).toEqual(dumpTables(A));
          }
          if (f === 2) {
            const c1 = rng(seed);
            const c2 = rng(seed);
            addCash(A, c1, 25);
            addCash(B, c2, 25);
          }
        }
      } finally {
        A.close();
        B.close();
      }
    });
  }

  it('the same file twice: the second changes no table and creates nothing', () => {
    const r = rng(99);
    const fb = path.join(dir, 'twice.db');
    const B = open(fb).db;
    try {
      const rows = roster(r, world(r, 200), [], { n: 1 });
      const ledger: StatementOptions = { assumed: false, recordedAt: '2026-11-20T08:00:00.000Z', by: 'import' };
      const first = importSetWise(B, rows, '2026-06-01', ledger);
      expect(first.summary.loans.created).toBe(rows.length);
      const before = dumpTables(B);
      const again = importSetWise(B, rows, '2026-06-01', ledger);
      expect(again.summary.loans).toEqual({ created: 0, updated: 0, unchanged: rows.length });
      expect(again.summary.borrowers.created).toBe(0);
      expect(again.summary.households).toEqual({ created: 0, updated: 0, unchanged: first.summary.households.created });
      expect(dumpTables(B)).toEqual(before);
    } finally {
      B.close();
    }
  });
});
