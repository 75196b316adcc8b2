// `fieldvisit loan clock` (action): explain a loan's limitation date (or every loan of a borrower).
import type { Command } from 'commander';
import { maskPersonal } from '../../../domain/idNumber.js';
import { loanClockFacts } from '../../../db/limitation.js';
import { resolveBorrowerRef } from '../../../db/borrowers.js';
import { loanByNo } from '../../../db/visits.js';
import { DataError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { loanClockRow } from '../../../report/limitation.js';
import { loanClockAsText, loanClocksAsJson } from '../../../format/limitation.js';
import { today, type Context, tableWidth } from '../../context.js';
import { globals, out, withSession } from '../../runtime.js';
import { intOption } from '../../outputFormat.js';
import { periodYears } from '../../scope.js';
import { DEFAULT_EXPIRING_DAYS } from '../../../domain/limitation.js';

export function action(ctx: Context) {
  return async (ref: string, opts: { within?: string; json?: boolean }, command: Command) => {
    const within = intOption('--within', opts.within, DEFAULT_EXPIRING_DAYS);
    await withSession(ctx, command, ({ db }) => {
      const now = today(ctx);
      const byLoan = loanByNo(db, ref.trim());
      const facts = byLoan
        ? loanClockFacts(db, { loanId: byLoan.loanId }, now)
        : resolveBorrowerRef(db, ref).flatMap((borrowerId) => loanClockFacts(db, { borrowerId }, now));
      if (facts.length === 0) {
        throw new DataError(
          text(`找不到“${maskPersonal(ref)}”：请用合同编号、身份证号或借款人编号；可先用 fieldvisit borrower find 查找。`, `Nothing matches "${maskPersonal(ref)}": use a loan number, ID number or borrower id; try fieldvisit borrower find first.`),
        );
      }
      const rows = facts.map((f) => loanClockRow(f, { today: now, periodYears: periodYears(db), withinDays: within }));
      const missing = rows.filter((r) => !r.clock);
      if (missing.length === rows.length) {
        throw new DataError(
          text(
            `贷款 ${missing.map((m) => m.facts.loanNo).join('、')} 没有到期日，无法计算诉讼时效：请在花名册中补上到期日后重新导入。`,
            `Loan ${missing.map((m) => m.facts.loanNo).join(', ')} has no due date, so no limitation date can be computed: add the due date to the roster and import it again.`,
          ),
        );
      }
      const shown = rows.filter((r) => r.clock);
      if (opts.json) out(ctx, loanClocksAsJson(shown, !!byLoan));
      else out(ctx, shown.map((r) => loanClockAsText(r, ctx.lang, { ascii: !!globals(command).ascii, width: tableWidth(ctx) })).join('\n'));
    }, { mustExist: true });
  };
}
