// `fieldvisit reconcile confirm void ID --reason TEXT` (action): the confirmation stays, marked void; the payment is to confirm again.
import type { Command } from 'commander';
import { voidConfirmation } from '../../../db/ledger.js';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { asJson } from '../../../format/table.js';
import { nowIso, type Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { recorder } from '../loan/recordedBy.js';
import { chainOption } from './chain.js';

export function action(ctx: Context) {
  return async (idArg: string, opts: { reason?: string; officer?: string; json?: boolean }, command: Command) => {
    if (!/^#?\d{1,12}$/.test(idArg.trim())) throw new UsageError(text(`“${idArg}”不是确认编号。`, `"${idArg}" is not a confirmation id.`));
    if (!opts.reason?.trim()) throw new UsageError(text('请用 --reason 写明作废原因。', 'Say why with --reason.'));
    const id = Number(idArg.trim().replace('#', ''));
    await withSession(ctx, command, ({ db }) => {
      const by = recorder(db, chainOption<string>(command, opts, 'officer'), true)!;
      const r = voidConfirmation(db, id, { reason: opts.reason!.trim(), voidedBy: by, voidedAt: nowIso(ctx) });
      if (chainOption<boolean>(command, opts, 'json')) out(ctx, asJson({ id, uid: r.uid, already_void: r.alreadyVoid }));
      else out(ctx, t(ctx, r.alreadyVoid ? text(`确认 ${id} 早已作废，未作改动。\n`, `Confirmation ${id} was already void; nothing changed.\n`) : text(`已作废确认 ${id}：该收款重新算作待确认。\n`, `Voided confirmation ${id}: the payment is to confirm again.\n`)));
    });
  };
}
