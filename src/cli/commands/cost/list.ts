// `fieldvisit cost list` (action): costs by loan, township and month (void ones with --all), in any format the registry gives it.
import type { Command } from 'commander';
import { listCosts } from '../../../db/costs.js';
import { UsageError } from '../../../domain/errors.js';
import { parseMonth } from '../../../domain/dates.js';
import { text } from '../../../domain/text.js';
import { costListRenderers } from '../../../format/costs.js';
import { tableWidth, type Context } from '../../context.js';
import { requireLoan } from '../../lookups.js';
import { emitRendered } from '../../output.js';
import { outputFormat, type FormatFlags } from '../../outputFormat.js';
import { globals, withSession } from '../../runtime.js';
import { placeFilter } from '../../scope.js';

interface Opts extends FormatFlags {
  loan?: string;
  township?: string;
  month?: string;
  all?: boolean;
}

export function action(ctx: Context) {
  return async (o: Opts, command: Command) => {
    const { format, headers } = outputFormat('cost list', o);
    const m = o.month === undefined ? null : parseMonth(o.month);
    if (o.month !== undefined && !m) throw new UsageError(text(`--month 需要 YYYY-MM 格式，如 2026-11，而不是“${o.month}”。`, `--month needs YYYY-MM, e.g. 2026-11, not "${o.month}".`));
    await withSession(
      ctx,
      command,
      async ({ db }) => {
        const loanId = o.loan ? requireLoan(db, o.loan).loanId : undefined;
        const { townshipId } = placeFilter(db, o.township, undefined);
        const rows = listCosts(db, { loanId, townshipId, from: m?.start, to: m?.end, all: !!o.all });
        await emitRendered(ctx, costListRenderers, format, rows, { lang: ctx.lang, ascii: !!globals(command).ascii, width: tableWidth(ctx, o.out), headers }, o.out);
      },
      { mustExist: true },
    );
  };
}
