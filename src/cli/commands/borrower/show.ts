// `fieldvisit borrower show` (action): one borrower with household, loans, balances and status.
import type { Command } from 'commander';
import { maskPersonal } from '../../../domain/idNumber.js';
import { borrowerDetail, resolveBorrowerRef } from '../../../db/borrowers.js';
import { DataError, UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { tableWidth, type Context } from '../../context.js';
import { globals, out, withSession } from '../../runtime.js';
import { borrowerAsJson, borrowerAsText } from '../../../format/borrowers.js';

export function action(ctx: Context) {
  return async (ref: string, opts: { unmask?: boolean; json?: boolean }, command: Command) => {
    await withSession(ctx, command, ({ db }) => {
      const ids = resolveBorrowerRef(db, ref);
      if (ids.length === 0) {
        throw new DataError(
          text(`找不到“${maskPersonal(ref)}”：请用合同编号、身份证号或借款人编号；可先用 fieldvisit borrower find 查找。`, `Nothing matches "${maskPersonal(ref)}": use a loan number, ID number or borrower id; try fieldvisit borrower find first.`),
        );
      }
      if (ids.length > 1) {
        throw new UsageError(
          text(
            `“${maskPersonal(ref)}”对应多位借款人（编号 ${ids.join('、')}）：请用借款人编号，如 fieldvisit borrower show ${ids[0]}。`,
            `"${maskPersonal(ref)}" matches several borrowers (ids ${ids.join(', ')}): use the borrower id, e.g. fieldvisit borrower show ${ids[0]}.`,
          ),
        );
      }
      const detail = borrowerDetail(db, ids[0]!)!;
      out(ctx, opts.json ? borrowerAsJson(detail, !!opts.unmask) : borrowerAsText(detail, ctx.lang, !!opts.unmask, { ascii: !!globals(command).ascii, width: tableWidth(ctx) }));
    }, { mustExist: true });
  };
}
