// `fieldvisit reconcile` (action): field cash posted / not yet posted / to confirm, and ledger drops paid at the branch.
import type { Command } from 'commander';
import { reconcileFacts } from '../../../db/reconcile.js';
import { buildReconcile } from '../../../report/reconcile.js';
import { reconcileRenderers } from '../../../format/reconcile.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { today, tableWidth, type Context } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitRendered } from '../../output.js';
import { outputFormat, type FormatFlags } from '../../outputFormat.js';
import { placeFilter } from '../../scope.js';

export function action(ctx: Context) {
  return async (opts: { township?: string; officer?: string; since?: string } & FormatFlags, command: Command) => {
    const { format, headers } = outputFormat('reconcile', opts);
    if (opts.since !== undefined && !isValidIsoDate(opts.since)) {
      throw new UsageError(text(`--since 需要 YYYY-MM-DD 格式的日期，而不是“${opts.since}”。`, `--since needs a YYYY-MM-DD date, not "${opts.since}".`));
    }
    await withSession(
      ctx,
      command,
      async ({ db }) => {
        const now = today(ctx);
        const scope = placeFilter(db, opts.township, undefined);
        const officer = opts.officer?.trim() || null;
        const r = buildReconcile(reconcileFacts(db, { townshipId: scope.townshipId }), now, { township: opts.township ?? null, officer, since: opts.since ?? null });
        await emitRendered(ctx, reconcileRenderers, format, r, { lang: ctx.lang, ascii: !!globals(command).ascii, width: tableWidth(ctx, opts.out), headers }, opts.out);
      },
      { mustExist: true },
    );
  };
}
