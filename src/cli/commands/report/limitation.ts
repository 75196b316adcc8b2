// `fieldvisit report limitation` (action): every loan's limitation date, days left and status, with guarantee periods ending soon.
import type { Command } from 'commander';
import { loanClockFacts } from '../../../db/limitation.js';
import { DEFAULT_EXPIRING_DAYS, type LimitationStatus } from '../../../domain/limitation.js';
import { buildLimitationReport } from '../../../report/limitation.js';
import { limitationReportAsCsv, limitationReportAsJson, limitationReportAsMarkdown, limitationReportAsText } from '../../../format/limitation.js';
import { today, type Context, tableWidth } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitOutput } from '../../output.js';
import { intOption, outputFormat } from '../../outputFormat.js';
import { periodYears, placeFilter } from '../../scope.js';

export function action(ctx: Context) {
  return async (opts: { township?: string; village?: string; status?: LimitationStatus; within?: string; format?: string; json?: boolean; csv?: boolean; out?: string }, command: Command) => {
    const fmt = outputFormat(opts);
    const within = intOption('--within', opts.within, DEFAULT_EXPIRING_DAYS);
    await withSession(ctx, command, ({ db }) => {
      const now = today(ctx);
      const facts = loanClockFacts(db, placeFilter(db, opts.township, opts.village), now);
      const r = buildLimitationReport(facts, { today: now, periodYears: periodYears(db), withinDays: within, township: opts.township ?? null, status: opts.status ?? null });
      const ascii = !!globals(command).ascii;
      emitOutput(ctx, fmt === 'json' ? limitationReportAsJson(r) : fmt === 'csv' ? limitationReportAsCsv(r) : fmt === 'md' ? limitationReportAsMarkdown(r, ctx.lang) : limitationReportAsText(r, ctx.lang, { ascii, width: tableWidth(ctx, opts.out) }), opts.out, fmt === 'csv');
    }, { mustExist: true });
  };
}
