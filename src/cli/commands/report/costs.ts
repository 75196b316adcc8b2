// `fieldvisit report costs` (action): costs by kind, officer and case against the field cash recovered in the same township and month.
import { monthOption } from '../../monthOption.js';
import type { Command } from 'commander';
import { listCosts, recoveries } from '../../../db/costs.js';
import { buildCostReport } from '../../../report/costs.js';
import { costReportRenderers } from '../../../format/costs.js';
import { today, type Context, tableWidth } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitRendered } from '../../output.js';
import { outputFormat, type FormatFlags } from '../../outputFormat.js';
import { placeFilter } from '../../scope.js';

export function action(ctx: Context) {
  return async (opts: { month?: string; township?: string } & FormatFlags, command: Command) => {
    const { format, headers } = outputFormat('report costs', opts);
    const now = today(ctx);
    const m = monthOption(opts.month);
    await withSession(
      ctx,
      command,
      async ({ db }) => {
        const { townshipId } = placeFilter(db, opts.township, undefined);
        const from = m?.start;
        const to = m ? (m.end < now ? m.end : now) : now;
        const costs = listCosts(db, { townshipId, from, to });
        const cash = recoveries(db, { townshipId, from, to });
        const r = buildCostReport(costs, cash, { today: now, month: m?.month ?? null, from: from ?? null, to, township: opts.township ?? null });
        await emitRendered(ctx, costReportRenderers, format, r, { lang: ctx.lang, ascii: !!globals(command).ascii, width: tableWidth(ctx, opts.out), headers }, opts.out);
      },
      { mustExist: true },
    );
  };
}
