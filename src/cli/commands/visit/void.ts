// `fieldvisit visit void ID --reason TEXT` (action): mark a visit void (kept, with who, when and why); the fix is a new visit.
import type { Command } from 'commander';
import { getSetting } from '../../../db/settings.js';
import { voidVisit } from '../../../db/visits.js';
import { visitById } from '../../../db/visitList.js';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { visitJson } from '../../../format/visits.js';
import { asJson } from '../../../format/table.js';
import { nowIso, type Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';

export function action(ctx: Context) {
  return async (idArg: string, opts: { reason?: string; officer?: string; json?: boolean }, command: Command) => {
    if (!/^#?\d{1,12}$/.test(idArg.trim())) throw new UsageError(text(`“${idArg}”不是走访编号：用 fieldvisit visit list 查看。`, `"${idArg}" is not a visit id: see fieldvisit visit list.`));
    if (!opts.reason?.trim()) throw new UsageError(text('请用 --reason 写明作废原因。', 'Say why with --reason.'));
    await withSession(ctx, command, ({ db }) => {
      const by = opts.officer?.trim() || getSetting(db, 'officer');
      // Who voided a visit is part of the record, as who logged it is.
      if (!by) throw new UsageError(text('请用 --officer 写明是谁作废（或先 fieldvisit config set officer 姓名）。', 'Say who is voiding it with --officer (or set a default: fieldvisit config set officer NAME).'));
      const r = voidVisit(db, Number(idArg.trim().replace('#', '')), opts.reason!.trim(), by, nowIso(ctx));
      const v = visitById(db, r.visitId)!;
      if (opts.json) out(ctx, asJson({ ...visitJson(v), already_void: r.alreadyVoid }));
      else if (r.alreadyVoid) out(ctx, t(ctx, text(`走访 #${r.visitId} 早已作废（${v.void!.reason}），未作改动。\n`, `Visit #${r.visitId} was already void (${v.void!.reason}); nothing changed.\n`)));
      else out(ctx, t(ctx, text(`已作废走访 #${r.visitId}（${v.visitDate} ${v.borrower}）。如需改正，请再记一条新的走访。\n`, `Voided visit #${r.visitId} (${v.visitDate} ${v.borrower}). To correct it, log a new visit.\n`)));
    });
  };
}
