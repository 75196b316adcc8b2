// `fieldvisit borrower show` (action): one borrower with household, loans, balances and status.
import type { Command } from 'commander';
import { borrowerDetail } from '../../../db/borrowers.js';
import { requireBorrower } from '../../lookups.js';
import { tableWidth, type Context } from '../../context.js';
import { globals, out, withSession } from '../../runtime.js';
import { borrowerAsJson, borrowerAsText } from '../../../format/borrowers.js';

export function action(ctx: Context) {
  return async (ref: string, opts: { unmask?: boolean; json?: boolean }, command: Command) => {
    await withSession(ctx, command, ({ db }) => {
      // A name (or part of one) finds the borrower when only one matches; several are listed to choose from.
      const id = requireBorrower(db, ref, { partial: true, example: (n) => `fieldvisit borrower show ${n}` });
      const detail = borrowerDetail(db, id)!;
      out(ctx, opts.json ? borrowerAsJson(detail, !!opts.unmask) : borrowerAsText(detail, ctx.lang, !!opts.unmask, { ascii: !!globals(command).ascii, width: tableWidth(ctx) }));
    }, { mustExist: true });
  };
}
