// `fieldvisit loan mark void ID --reason TEXT` (action): the record stays, marked void with who, when and why, and counts nowhere.
import type { Command } from 'commander';
import { text } from '../../../domain/text.js';
import { asJson } from '../../../format/table.js';
import { nowIso, type Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { voidById } from './recordedBy.js';

export function action(ctx: Context) {
  return async (idArg: string, own: { reason?: string; officer?: string; json?: boolean }, command: Command) => {
    // --officer and --json are also options of the parent verb, which commander hands them to: read up the chain.
    const opts = { ...own, ...(command.optsWithGlobals() as typeof own) };
    await withSession(ctx, command, ({ db }) => {
      const r = voidById(db, 'loan_marks', idArg, opts.reason, opts.officer, nowIso(ctx));
      if (opts.json) out(ctx, asJson({ id: r.id, uid: r.uid, already_void: r.alreadyVoid }));
      else out(ctx, t(ctx, r.alreadyVoid ? text(`记录 ${r.id} 早已作废，未作改动。\n`, `Record ${r.id} was already void; nothing changed.\n`) : text(`已作废记录 ${r.id}。\n`, `Voided record ${r.id}.\n`)));
    });
  };
}
