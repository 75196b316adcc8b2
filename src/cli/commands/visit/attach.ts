// `fieldvisit visit attach ID FILE...` (action): attach proof files to a recorded visit, all of them or none.
import type { Command } from 'commander';
import { getSetting } from '../../../db/settings.js';
import { attachToVisit } from '../../../db/attachments.js';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { maskPersonal } from '../../../domain/idNumber.js';
import { readAttachments } from '../../../import/readAttachment.js';
import { attachResultAsText, attachResultJson } from '../../../format/attachments.js';
import { asJson } from '../../../format/table.js';
import { nowIso, tableWidth, type Context } from '../../context.js';
import { globals, out, withSession } from '../../runtime.js';

/** A visit id as `visit list` shows it (`12` or `#12`); anything else is a usage error naming it. */
export function parseVisitId(idArg: string): number {
  if (!/^#?\d{1,12}$/.test(idArg.trim())) {
    throw new UsageError(text(`“${maskPersonal(idArg)}”不是走访编号：用 fieldvisit visit list 查看。`, `"${maskPersonal(idArg)}" is not a visit id: see fieldvisit visit list.`));
  }
  return Number(idArg.trim().replace('#', ''));
}


export function action(ctx: Context) {
  return async (idArg: string, files: string[], opts: { officer?: string; json?: boolean }, command: Command) => {
    const id = parseVisitId(idArg);
    const read = readAttachments(files, ctx.cwd, 'FILE');
    await withSession(
      ctx,
      command,
      ({ db }) => {
        const by = opts.officer?.trim() || getSetting(db, 'officer');
        // Who added a piece of proof is part of the record, as who logged the visit is.
        if (!by) throw new UsageError(text('请用 --officer 写明添加人（或先 fieldvisit config set officer 姓名）。', 'Say who is adding the files with --officer (or set a default: fieldvisit config set officer NAME).'));
        const r = attachToVisit(db, id, read, by, nowIso(ctx));
        out(ctx, opts.json ? asJson(attachResultJson(r)) : attachResultAsText(r, ctx.lang, { ascii: !!globals(command).ascii, width: tableWidth(ctx) }));
      },
      { mustExist: true },
    );
  };
}
