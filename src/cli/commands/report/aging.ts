// `fieldvisit report aging` (action): outstanding principal, interest and households by how long past due.
import type { Command } from 'commander';
import { agingLoans } from '../../../db/aging.js';
import { buildAging } from '../../../report/aging.js';
import { agingAsCsv, agingAsJson, agingAsMarkdown, agingAsText } from '../../../format/aging.js';
import { today, type Context, tableWidth } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitOutput } from '../../output.js';
import { outputFormat } from '../../outputFormat.js';
import { placeFilter } from '../../scope.js';

export function action(ctx: Context) {
  return async (opts: { township?: string; format?: string; json?: boolean; csv?: boolean; out?: string }, command: Command) => {
    const fmt = outputFormat(opts);
    await withSession(ctx, command, ({ db }) => {
      const now = today(ctx);
      const r = buildAging(agingLoans(db, now, placeFilter(db, opts.township, undefined)), now, opts.township ?? null);
      emitOutput(ctx, fmt === 'json' ? agingAsJson(r) : fmt === 'csv' ? agingAsCsv(r) : fmt === 'md' ? agingAsMarkdown(r, ctx.lang) : agingAsText(r, ctx.lang, { ascii: !!globals(command).ascii, width: tableWidth(ctx, opts.out) }), opts.out, fmt === 'csv');
    }, { mustExist: true });
  };
}
