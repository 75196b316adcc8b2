// `fieldvisit reconcile confirm PAYMENT` (action): a payment before its loan's first statement is included in it.
import type { Command } from 'commander';
import { confirmPayment } from '../../../db/ledger.js';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { asJson } from '../../../format/table.js';
import { nowIso, type Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { recorder } from '../loan/recordedBy.js';
import { chainOption } from './chain.js';

export function action(ctx: Context) {
  return async (paymentArg: string, opts: { officer?: string; note?: string; json?: boolean }, command: Command) => {
    if (!/^#?\d{1,12}$/.test(paymentArg.trim())) {
      throw new UsageError(text(`“${paymentArg}”不是收款编号：用 fieldvisit reconcile 查看。`, `"${paymentArg}" is not a payment id: see fieldvisit reconcile.`));
    }
    const id = Number(paymentArg.trim().replace('#', ''));
    await withSession(ctx, command, ({ db }) => {
      const by = recorder(db, chainOption<string>(command, opts, 'officer'), false);
      const r = confirmPayment(db, id, { note: opts.note?.trim() || null, by, recordedAt: nowIso(ctx) });
      if (chainOption<boolean>(command, opts, 'json')) {
        out(ctx, asJson({ id: r.id, payment_id: id, loan_no: r.ref.loanNo, paid_on: r.ref.paidOn, created: r.created }));
        return;
      }
      out(
        ctx,
        t(
          ctx,
          r.created
            ? text(`已确认收款 ${id}（${r.ref.loanNo}，${r.ref.paidOn}）包含在第一份余额中（确认编号 ${r.id}）。\n`, `Confirmed payment ${id} (${r.ref.loanNo}, ${r.ref.paidOn}) as included in the first statement (confirmation ${r.id}).\n`)
            : text(`收款 ${id} 已经确认过（确认编号 ${r.id}），未作改动。\n`, `Payment ${id} was already confirmed (confirmation ${r.id}); nothing changed.\n`),
        ),
      );
    });
  };
}
