// `fieldvisit report limitation` (action): every loan's limitation date, days left and status, with guarantee periods ending soon.
import type { Command } from 'commander';
import { loanClockFacts } from '../../../db/limitation.js';
import { DEFAULT_EXPIRING_DAYS, type LimitationStatus } from '../../../domain/limitation.js';
import { buildLimitationReport } from '../../../report/limitation.js';
import { limitationRenderers } from '../../../format/limitation.js';
import { today, type Context, tableWidth } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitRendered } from '../../output.js';
import { intOption, outputFormat, type FormatFlags } from '../../outputFormat.js';
import { periodYears, placeFilter } from '../../scope.js';

export function action(ctx: Context) {
  return async (opts: { township?: string; village?: string; status?: LimitationStatus; within?: string; } & FormatFlags, command: Command) => {
    const { format, headers } = outputFormat('report limitation', opts);
    const within = intOption('--within', opts.within, DEFAULT_EXPIRING_DAYS);
    await withSession(ctx, command, async ({ db }) => {
      const now = today(ctx);
      const facts = loanClockFacts(db, placeFilter(db, opts.township, opts.village), now);
      const r = buildLimitationReport(facts, { today: now, periodYears: periodYears(db), withinDays: within, township: opts.township ?? null, status: opts.status ?? null });
      const ascii = !!globals(command).ascii;
      await emitRendered(ctx, limitationRenderers, format, r, { lang: ctx.lang, ascii, width: tableWidth(ctx, opts.out), headers }, opts.out);
    }, { mustExist: true });
  };
}
