// `fieldvisit visit show ID` (action): one visit with its outcomes and its attachments (never their bytes).
import type { Command } from 'commander';
import { visitById } from '../../../db/visitList.js';
import { attachmentsOfVisit } from '../../../db/attachments.js';
import { DataError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { visitShowAsJson, visitShowAsText } from '../../../format/attachments.js';
import { tableWidth, type Context } from '../../context.js';
import { globals, out, withSession } from '../../runtime.js';
import { parseVisitId } from './attach.js';

export function action(ctx: Context) {
  return async (idArg: string, opts: { json?: boolean }, command: Command) => {
    const id = parseVisitId(idArg);
    await withSession(
      ctx,
      command,
      ({ db }) => {
        const v = visitById(db, id);
        if (!v) throw new DataError(text(`没有编号为 ${id} 的走访记录：用 fieldvisit visit list --all 查看编号。`, `No visit with id ${id}: see fieldvisit visit list --all for the ids.`));
        const atts = attachmentsOfVisit(db, id);
        out(ctx, opts.json ? visitShowAsJson(v, atts) : visitShowAsText(v, atts, ctx.lang, { ascii: !!globals(command).ascii, width: tableWidth(ctx) }));
      },
      { mustExist: true },
    );
  };
}
