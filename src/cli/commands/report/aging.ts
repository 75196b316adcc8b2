// `fieldvisit report aging` (action): outstanding principal, interest and households by how long past due.
import type { Command } from 'commander';
import { agingSums } from '../../../db/aging.js';
import { agingThresholds, buildAgingFromSums, type AgingBucket, type AgingSums } from '../../../report/aging.js';
import { agingRenderers } from '../../../format/aging.js';
import { today, type Context, tableWidth } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitRendered } from '../../output.js';
import { outputFormat, type FormatFlags } from '../../outputFormat.js';
import { placeFilter } from '../../scope.js';

export function action(ctx: Context) {
  return async (opts: { township?: string; } & FormatFlags, command: Command) => {
    const { format, headers } = outputFormat('report aging', opts);
    await withSession(ctx, command, async ({ db }) => {
      const now = today(ctx);
      // Added up by the database, one pass over the loans: no row per loan in memory.
      const s = agingSums(db, now, agingThresholds(now), placeFilter(db, opts.township, undefined));
      const r = buildAgingFromSums(s.by as Map<AgingBucket, AgingSums>, s.total, now, opts.township ?? null);
      await emitRendered(ctx, agingRenderers, format, r, { lang: ctx.lang, ascii: !!globals(command).ascii, width: tableWidth(ctx, opts.out), headers }, opts.out);
    }, { mustExist: true });
  };
}
