// `fieldvisit cost list` (action): costs by loan, township and month (void ones with --all), in any format the registry gives it.
import { monthOption } from '../../monthOption.js';
import type { Command } from 'commander';
import { listCosts } from '../../../db/costs.js';
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
    const m = monthOption(o.month);
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
