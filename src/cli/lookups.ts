// Look-ups a command needs to succeed, with the not-found message every command shares (what was typed is echoed masked).
import type { Db } from '../db/open.js';
import { loanByNo } from '../db/visits.js';
import { borrowerHit, findBorrowers, resolveBorrowerRef } from '../db/borrowers.js';
import { DataError } from '../domain/errors.js';
import { maskIdNumber, maskPersonal } from '../domain/idNumber.js';
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

/**
 * The borrower a reference names: a loan number, ID number or borrower id; else a name only one borrower has; else
 * (when `partial`) the only borrower whose name, phone or loan number contains it. Several candidates, or a part of a
 * name with no exact match when not `partial`, stop with the list (name, committee, group, loans, masked ID) so the
 * person can choose by id or loan number; nothing found stops with how to look. `example` shows the command with an id.
 */
export function requireBorrower(db: Db, ref: string, o: { partial: boolean; example: (id: number) => string }): number {
  const r = ref.trim();
  const shown = maskPersonal(r);
  const ids = resolveBorrowerRef(db, r);
  if (ids.length === 1) return ids[0]!;
  let hits = ids.length ? ids.map((id) => borrowerHit(db, id)!).filter(Boolean) : [];
  if (hits.length === 0) {
    const found = findBorrowers(db, r, 51);
    const exact = found.filter((b) => b.name === r);
    hits = exact.length ? exact : found;
    if (hits.length === 1 && (exact.length === 1 || o.partial)) return hits[0]!.borrowerId;
  }
  if (hits.length === 0) {
    throw new DataError(
      text(
        `找不到借款人“${shown}”：请用姓名、合同编号、身份证号或借款人编号；可先用 fieldvisit borrower find 查找。`,
        `No borrower matches "${shown}": use a name, loan number, ID number or borrower id; try fieldvisit borrower find first.`,
      ),
    );
  }
  const more = hits.length > 50 ? hits.length - 50 : 0;
  const lines = hits.slice(0, 50).map((b) => {
    const place = [b.village, b.group].filter(Boolean).join(' ');
    const id = maskIdNumber(b.idNumber);
    return text(
      `#${b.borrowerId} ${b.name}  ${place}  合同 ${b.loanNos || '无'}${id ? `  身份证 ${id}` : ''}`,
      `#${b.borrowerId} ${b.name}  ${place}  loans ${b.loanNos || 'none'}${id ? `  ID ${id}` : ''}`,
    );
  });
  if (more) lines.push(text(`……还有更多：请输入更完整的姓名`, `… and more: type more of the name`));
  const first = hits[0]!.borrowerId;
  throw new DataError(
    hits.length === 1
      ? text(`“${shown}”不是完整的姓名；是这位借款人吗？请用编号或合同编号指明，如 ${o.example(first)}：`, `"${shown}" is not a whole name; is it this borrower? Name them by id or loan number, e.g. ${o.example(first)}:`)
      : text(
          `“${shown}”对应${more ? '超过 50' : ` ${hits.length} `}位借款人：请用编号或合同编号选择一位，如 ${o.example(first)}：`,
          `"${shown}" matches ${more ? 'more than 50' : hits.length} borrowers: choose one by id or loan number, e.g. ${o.example(first)}:`,
        ),
    lines,
  );
}
