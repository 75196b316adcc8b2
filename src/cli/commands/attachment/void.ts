// `fieldvisit attachment void ID --reason TEXT` (action): the attachment stays, marked void with who, when and why, and is no proof.
import type { Command } from 'commander';
import { voidFact } from '../../../db/facts.js';
import { getSetting } from '../../../db/settings.js';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { asJson } from '../../../format/table.js';
import { nowIso, type Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';

export function action(ctx: Context) {
  return async (idArg: string, own: { reason?: string; officer?: string; json?: boolean }, command: Command) => {
    const opts = { ...own, ...(command.optsWithGlobals() as typeof own) };
    if (!/^#?\d{1,12}$/.test(idArg.trim())) throw new UsageError(text(`“${idArg}”不是附件编号：用 fieldvisit visit show 查看。`, `"${idArg}" is not an attachment id: see fieldvisit visit show.`));
    if (!opts.reason?.trim()) throw new UsageError(text('请用 --reason 写明作废原因。', 'Say why with --reason.'));
    await withSession(ctx, command, ({ db }) => {
      const by = opts.officer?.trim() || getSetting(db, 'officer');
      if (!by) throw new UsageError(text('请用 --officer 写明是谁作废（或先 fieldvisit config set officer 姓名）。', 'Say who is voiding it with --officer (or set a default: fieldvisit config set officer NAME).'));
      const id = Number(idArg.trim().replace('#', ''));
      const r = voidFact(db, 'attachments', id, { reason: opts.reason!.trim(), voidedBy: by, voidedAt: nowIso(ctx) }, { zh: '附件', en: 'attachment', hint: 'fieldvisit visit show' });
      if (opts.json) out(ctx, asJson({ id, uid: r.uid, already_void: r.alreadyVoid }));
      else out(ctx, t(ctx, r.alreadyVoid ? text(`附件 ${id} 早已作废，未作改动。\n`, `Attachment ${id} was already void; nothing changed.\n`) : text(`已作废附件 ${id}。\n`, `Voided attachment ${id}.\n`)));
    });
  };
}
