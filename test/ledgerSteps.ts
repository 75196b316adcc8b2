// Steps the db tests share: a private copy of a sample database, and visits (a field payment) recorded on it.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../src/db/open.js';
import { loanByNo, recordVisit } from '../src/db/visits.js';
import type { RecordResult } from '../src/db/visits.js';
import type { OutcomeInput } from '../src/domain/visit.js';
import { tmpDir } from './helpers.js';

/** The sample database `file` copied to a folder of its own and opened. */
export function openCopy(file: string, prefix: string): Db {
  const f = path.join(tmpDir(prefix), 'copy.db');
  fs.copyFileSync(file, f);
  return openDatabase(f, { nowIso: '2026-11-22T12:00:00Z' }).db;
}

/**
 * A visit by 张明 to the household of the loan, for its borrower, with these outcomes (each names the loan unless it
 * says otherwise); `today` must not be before `date` (the visit rules refuse a future visit).
 */
export function recordOutcomes(
  db: Db,
  loanNo: string,
  date: string,
  outcomes: (Omit<OutcomeInput, 'loanId'> & { loanId?: number | null })[],
  today: string,
  extra: { escalate?: string } = {},
): RecordResult {
  const loan = loanByNo(db, loanNo)!;
  return recordVisit(
    db,
    {
      householdId: loan.householdId,
      borrowerId: loan.borrowerId,
      visitDate: date,
      officer: '张明',
      source: 'cli',
      createdAt: '2026-11-22T12:00:00Z',
      escalate: extra.escalate ?? null,
      outcomes: outcomes.map((o) => ({ loanId: loan.loanId, ...o }) as OutcomeInput),
    } as Parameters<typeof recordVisit>[1],
    today,
  );
}

/** A visit recording a cash payment on the loan: its visit id. */
export function recordCash(db: Db, loanNo: string, date: string, principalFen: number, interestFen: number, today: string): number {
  return recordOutcomes(db, loanNo, date, [{ kind: 'cash', principalFen, interestFen }], today).visitId;
}
