// The attachment queries the dossier reads (by visit, by loan, the bytes), migration 0010 on an older file, and that a
// visit and its files are written together or not at all.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase } from '../../src/db/open.js';
import { attachmentsOfLoan, attachmentsOfVisit, blobBytes, recordVisitWithAttachments } from '../../src/db/attachments.js';
import { DataError } from '../../src/domain/errors.js';
import { runInProcess, sampleDb, snapshot, tmpDir } from '../helpers.js';

const dir = tmpDir('fv-att-db-');
const file = (name: string, bytes: Buffer): string => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
};
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const PDF = Buffer.from('%PDF-1.4\nreceipt\n');
const AMR = Buffer.from('#!AMR\n<recording>');

let db: string;
const ids: Record<string, number> = {};
beforeAll(async () => {
  db = path.join(dir, 'a.db');
  fs.copyFileSync(sampleDb(), db);
  const log = async (key: string, args: string[]) => {
    const r = await runInProcess(['visit', 'log', '--officer', '张明', '--date', '2026-11-20', '--json', ...args], { db });
    if (r.code !== 0) throw new Error(r.stderr);
    ids[key] = JSON.parse(r.stdout).visit_id;
  };
  // 黄德明's household has two loans: a visit naming one, and a note naming none (it covers both).
  await log('named', ['--loan', 'WS-2020-0007', '--outcome', 'notice-signed', '--attach', file('r.pdf', PDF)]);
  await log('household', ['--borrower', '黄德明', '--outcome', 'note', '--note', '电话录音', '--attach', file('c.amr', AMR)]);
  await log('other', ['--loan', 'WS-2022-0001', '--outcome', 'notice-signed', '--attach', file('r2.pdf', PDF)]);
  await log('voided', ['--loan', 'WS-2020-0008', '--outcome', 'notice-signed', '--attach', file('v.amr', AMR)]);
  expect((await runInProcess(['visit', 'void', String(ids.voided), '--reason', '重复', '--officer', '张明'], { db })).code).toBe(0);
});

describe('attachment queries', () => {
  it('attachmentsOfVisit: name, type, size, hash, visit, who and when', () => {
    const o = openDatabase(db, { nowIso: '2026-11-22T00:00:00.000Z' });
    try {
      const [a, ...rest] = attachmentsOfVisit(o.db, ids.named!);
      expect(rest).toEqual([]);
      expect(a).toMatchObject({ visitId: ids.named, visitDate: '2026-11-20', visitVoid: false, name: 'r.pdf', type: 'application/pdf', size: PDF.length, sha256: sha(PDF), addedBy: '张明' });
      expect(a!.addedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(blobBytes(o.db, a!.sha256)!.equals(PDF)).toBe(true);
      expect(blobBytes(o.db, '0'.repeat(64))).toBeNull();
    } finally {
      o.db.close();
    }
  });

  it('attachmentsOfLoan: visits naming the loan, notes on its household, void visits marked; not other loans', () => {
    const o = openDatabase(db, { nowIso: '2026-11-22T00:00:00.000Z' });
    try {
      const loanId = (no: string) => o.db.prepare(`SELECT id FROM loans WHERE loan_no = ?`).pluck().get(no) as number;
      expect(attachmentsOfLoan(o.db, loanId('WS-2020-0007')).map((a) => [a.visitId, a.name, a.visitVoid])).toEqual([
        [ids.named, 'r.pdf', false],
        [ids.household, 'c.amr', false],
      ]);
      expect(attachmentsOfLoan(o.db, loanId('WS-2020-0008')).map((a) => [a.visitId, a.name, a.visitVoid])).toEqual([
        [ids.household, 'c.amr', false],
        [ids.voided, 'v.amr', true],
      ]);
      expect(attachmentsOfLoan(o.db, loanId('WS-2022-0001')).map((a) => a.name)).toEqual(['r2.pdf']);
      // One blob per content, however many attachments.
      expect(o.db.prepare(`SELECT count(*) FROM blobs`).pluck().get()).toBe(2);
    } finally {
      o.db.close();
    }
  });

  it('a visit and its files are saved together or not at all', () => {
    const before = snapshot(db);
    const o = openDatabase(db, { nowIso: '2026-11-22T00:00:00.000Z' });
    try {
      const hh = o.db.prepare(`SELECT b.household_id, b.id FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE l.loan_no = 'WS-2022-0001'`).get() as { household_id: number; id: number };
      const bytes = Buffer.from('#!AMR\nnew');
      const visit = (visitDate: string) => ({ householdId: hh.household_id, borrowerId: hh.id, visitDate, officer: '张明', outcomes: [{ kind: 'statute-expired' as const, loanId: null }], source: 'cli' as const, createdAt: '2026-11-22T00:00:00.000Z' });
      // Dated after today: refused by the visit's own checks, so its file is not stored.
      expect(() => recordVisitWithAttachments(o.db, visit('2026-12-30'), '2026-11-22', [{ name: 'n.amr', mediaType: 'audio/amr', sha256: sha(bytes), bytes }])).toThrow(DataError);
      // A good visit whose file cannot be stored (here a malformed hash the blobs table refuses): the visit goes too.
      expect(() => recordVisitWithAttachments(o.db, visit('2026-11-21'), '2026-11-22', [{ name: 'n.amr', mediaType: 'audio/amr', sha256: 'bad', bytes }])).toThrow(/CHECK constraint/);
    } finally {
      o.db.close();
    }
    expect(snapshot(db)).toBe(before);
  });
});

describe('migration 0010', () => {
  it('adds empty blobs and attachments tables to a file made before it', () => {
    const f = path.join(tmpDir('fv-mig10-'), 'old.db');
    const old = openDatabase(f, { nowIso: '2026-11-01T00:00:00.000Z', migrations: MIGRATIONS.filter((m) => m.version <= 9) });
    old.db.close();
    const o = openDatabase(f, { nowIso: '2026-11-22T00:00:00.000Z' });
    try {
      expect(o.migrated[0]).toBe(10);
      expect(o.db.prepare(`SELECT count(*) FROM attachments`).pluck().get()).toBe(0);
      expect(o.db.prepare(`SELECT count(*) FROM blobs`).pluck().get()).toBe(0);
    } finally {
      o.db.close();
    }
  });
});
