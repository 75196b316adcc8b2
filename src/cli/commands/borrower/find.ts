// `fieldvisit borrower find` (action): borrowers by name, ID number, phone or loan number, in any format the registry gives it (masked unless --unmask).
import type { Command } from 'commander';
import { findBorrowers } from '../../../db/borrowers.js';
import { tableWidth, type Context } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitRendered } from '../../output.js';
import { intOption, outputFormat, type FormatFlags } from '../../outputFormat.js';
import { borrowerFindRenderers } from '../../../format/borrowers.js';

export function action(ctx: Context) {
  return async (term: string, opts: { limit: string; unmask?: boolean } & FormatFlags, command: Command) => {
    const { format, headers } = outputFormat('borrower find', opts);
    const limit = intOption('--limit', opts.limit, 50, 1);
    await withSession(ctx, command, async ({ db }) => {
      const hits = findBorrowers(db, term, limit);
      await emitRendered(ctx, borrowerFindRenderers, format, hits, { lang: ctx.lang, ascii: !!globals(command).ascii, width: tableWidth(ctx, opts.out), unmask: !!opts.unmask, headers }, opts.out);
    }, { mustExist: true });
  };
}
