// `fieldvisit borrower find` (action): borrowers by name, ID number, phone or loan number, as a table, JSON or CSV (masked unless --unmask).
import type { Command } from 'commander';
import { findBorrowers } from '../../../db/borrowers.js';
import { tableWidth, type Context } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitOutput } from '../../output.js';
import { intOption, listFormat } from '../../outputFormat.js';
import { borrowerHitsAsCsv, borrowerHitsAsJson, borrowerHitsAsText } from '../../../format/borrowers.js';

export function action(ctx: Context) {
  return async (term: string, opts: { limit: string; unmask?: boolean; json?: boolean; csv?: boolean; out?: string }, command: Command) => {
    const fmt = listFormat(opts);
    const limit = intOption('--limit', opts.limit, 50, 1);
    await withSession(ctx, command, ({ db }) => {
      const hits = findBorrowers(db, term, limit);
      emitOutput(
        ctx,
        fmt === 'json'
          ? borrowerHitsAsJson(hits, !!opts.unmask)
          : fmt === 'csv'
            ? borrowerHitsAsCsv(hits, !!opts.unmask)
            : borrowerHitsAsText(hits, ctx.lang, !!opts.unmask, { ascii: !!globals(command).ascii, width: tableWidth(ctx) }),
        opts.out,
        fmt === 'csv',
      );
    }, { mustExist: true });
  };
}
