// `fieldvisit report limitation` (action): every loan's limitation date, days left and status, with guarantee periods ending soon.
import type { Command } from 'commander';
import { DEFAULT_EXPIRING_DAYS, type LimitationStatus } from '../../../domain/limitation.js';
import { limitationCsvStream, limitationJsonStream, limitationRenderers } from '../../../format/limitation.js';
import { limitationReport, streamLimitationReport } from '../../limitationStream.js';
import { prepareOutFile } from '../../outFile.js';
import { today, type Context, tableWidth } from '../../context.js';
import { globals, out, t, warn, withSession } from '../../runtime.js';
import { text } from '../../../domain/text.js';
import { emitRendered } from '../../output.js';
import { intOption, outputFormat, type FormatFlags } from '../../outputFormat.js';
import { periodYears, placeFilter } from '../../scope.js';

export function action(ctx: Context) {
  return async (opts: { township?: string; village?: string; status?: LimitationStatus; within?: string; } & FormatFlags, command: Command) => {
    const { format, headers } = outputFormat('report limitation', opts);
    const within = intOption('--within', opts.within, DEFAULT_EXPIRING_DAYS);
    await withSession(ctx, command, async ({ db }) => {
      const now = today(ctx);
      const filter = placeFilter(db, opts.township, opts.village);
      const o = { today: now, periodYears: periodYears(db), withinDays: within, township: opts.township ?? null, status: opts.status ?? null };
      if (format === 'csv' || format === 'json') {
        // Streamed: the report is never held whole (1,000,000 loans fit in a few hundred megabytes).
        const fmt = format === 'csv' ? limitationCsvStream(headers) : limitationJsonStream();
        if (opts.out === undefined) {
          streamLimitationReport(db, filter, o, fmt, (s) => out(ctx, s));
          return;
        }
        const file = prepareOutFile(ctx, opts.out);
        try {
          streamLimitationReport(db, filter, o, fmt, (s) => file.append(s), (b) => file.append(b));
          file.commit('');
        } finally {
          file.discard();
        }
        warn(ctx, t(ctx, text(`已写入 ${file.path}`, `Wrote ${file.path}`)));
        return;
      }
      const r = limitationReport(db, filter, o);
      const ascii = !!globals(command).ascii;
      await emitRendered(ctx, limitationRenderers, format, r, { lang: ctx.lang, ascii, width: tableWidth(ctx, opts.out), headers }, opts.out);
    }, { mustExist: true });
  };
}
