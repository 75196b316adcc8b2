// `fieldvisit report legal` (action): cases by stage, deadlines within the window, and candidates for a lawsuit with their reasons.
import type { Command } from 'commander';
import { liveLegalRecords } from '../../../db/legalRecords.js';
import { loanClockFacts } from '../../../db/limitation.js';
import { listPromises } from '../../../db/promises.js';
import { DEFAULT_EXPIRING_DAYS } from '../../../domain/limitation.js';
import { UsageError } from '../../../domain/errors.js';
import { parseYuan } from '../../../domain/money.js';
import { text } from '../../../domain/text.js';
import { buildLegalReport } from '../../../report/legal.js';
import { legalReportRenderers } from '../../../format/legal.js';
import { today, type Context, tableWidth } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitRendered } from '../../output.js';
import { intOption, outputFormat, type FormatFlags } from '../../outputFormat.js';
import { periodYears, placeFilter } from '../../scope.js';

/** A large balance, for the lawsuit candidates: 10,000 yuan unless --min-balance says otherwise. */
const DEFAULT_MIN_BALANCE_FEN = 1_000_000;

function minBalance(v: string | undefined): number {
  if (v === undefined) return DEFAULT_MIN_BALANCE_FEN;
  const r = parseYuan(v);
  if (!r.ok) throw new UsageError(text(`--min-balance 需要一个不小于 0 的金额（元），如 10000，而不是“${v}”。`, `--min-balance needs an amount in yuan of at least 0, e.g. 10000, not "${v}".`));
  return r.fen;
}

export function action(ctx: Context) {
  return async (opts: { township?: string; within?: string; minBalance?: string } & FormatFlags, command: Command) => {
    const { format, headers } = outputFormat('report legal', opts);
    const within = intOption('--within', opts.within, DEFAULT_EXPIRING_DAYS);
    const minBalanceFen = minBalance(opts.minBalance);
    await withSession(
      ctx,
      command,
      async ({ db }) => {
        const now = today(ctx);
        const place = placeFilter(db, opts.township, undefined);
        const facts = loanClockFacts(db, place, now);
        const legal = liveLegalRecords(db, place, now);
        const promises = listPromises(db, now, { townshipId: place.townshipId });
        const r = buildLegalReport(facts, legal, promises, { today: now, periodYears: periodYears(db), withinDays: within, township: opts.township ?? null, minBalanceFen });
        await emitRendered(ctx, legalReportRenderers, format, r, { lang: ctx.lang, ascii: !!globals(command).ascii, width: tableWidth(ctx, opts.out), headers }, opts.out);
      },
      { mustExist: true },
    );
  };
}
