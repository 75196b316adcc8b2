// `fieldvisit borrower show` (action): one borrower with household, loans, balances and status.
import type { Command } from 'commander';
import { maskPersonal } from '../../../domain/idNumber.js';
import { borrowerDetail, resolveBorrowerRef } from '../../../db/borrowers.js';
import { DataError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import type { Context } from '../../context.js';
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
      const details = ids.map((id) => borrowerDetail(db, id)!);
      out(
        ctx,
        opts.json
          ? borrowerAsJson(details.length === 1 ? details[0]! : details, !!opts.unmask)
          : details.map((d) => borrowerAsText(d, ctx.lang, !!opts.unmask, { ascii: !!globals(command).ascii })).join('\n'),
      );
    }, { mustExist: true });
  };
}
