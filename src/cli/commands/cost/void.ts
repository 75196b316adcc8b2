// `fieldvisit cost void ID --reason TEXT` (action): the cost stays, marked void with who, when and why, and counts in no report.
import type { Command } from 'commander';
import { voidCost } from '../../../db/costs.js';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { asJson } from '../../../format/table.js';
import { nowIso, type Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { recorder } from '../loan/recordedBy.js';

export function action(ctx: Context) {
  return async (idArg: string, own: { reason?: string; officer?: string; json?: boolean }, command: Command) => {
    // --officer and --json may be defined up the chain: read them from there too.
    const opts = { ...own, ...(command.optsWithGlobals() as typeof own) };
    if (!/^#?\d{1,12}$/.test(idArg.trim())) throw new UsageError(text(`“${idArg}”不是费用编号：用 fieldvisit cost list 查看。`, `"${idArg}" is not a cost id: see fieldvisit cost list.`));
    if (!opts.reason?.trim()) throw new UsageError(text('请用 --reason 写明作废原因。', 'Say why with --reason.'));
    const id = Number(idArg.trim().replace('#', ''));
    await withSession(
      ctx,
      command,
      ({ db }) => {
        const by = recorder(db, opts.officer, true)!;
        const r = voidCost(db, id, { reason: opts.reason!.trim(), voidedBy: by, voidedAt: nowIso(ctx) });
        if (opts.json) out(ctx, asJson({ id, uid: r.uid, already_void: r.alreadyVoid }));
        else out(ctx, t(ctx, r.alreadyVoid ? text(`费用 #${id} 早已作废，未作改动。\n`, `Cost #${id} was already void; nothing changed.\n`) : text(`已作废费用 #${id}。\n`, `Voided cost #${id}.\n`)));
      },
      { mustExist: true },
    );
  };
}
