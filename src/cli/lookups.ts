// Look-ups a command needs to succeed, with the not-found message every command shares (what was typed is echoed masked).
import type { Db } from '../db/open.js';
import { loanByNo } from '../db/visits.js';
import { DataError } from '../domain/errors.js';
import { maskPersonal } from '../domain/idNumber.js';
import { text } from '../domain/text.js';

export type LoanRef = NonNullable<ReturnType<typeof loanByNo>>;

/** The loan with this contract number, or a DataError that never echoes an ID number or phone typed in its place. */
export function requireLoan(db: Db, loanNo: string): LoanRef {
  const l = loanByNo(db, loanNo.trim());
  if (l) return l;
  const shown = maskPersonal(loanNo.trim());
  throw new DataError(
    text(`合同编号“${shown}”不在花名册中：用 fieldvisit borrower find 查找。`, `Loan "${shown}" is not on the roster: look it up with fieldvisit borrower find.`),
  );
}
