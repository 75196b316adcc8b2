// `fieldvisit notice list` (action): the register — issued when, for whom, signed back when and by whom — in any format the registry gives it.
import type { Command } from 'commander';
import { listNotices } from '../../../db/notices.js';
import { requireTownship } from '../../../db/places.js';
import { noticeListRenderers } from '../../../format/notices.js';
import { tableWidth, type Context } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitRendered } from '../../output.js';
import { outputFormat, type FormatFlags } from '../../outputFormat.js';

export function action(ctx: Context) {
  return async (o: { outstanding?: boolean; township?: string } & FormatFlags, command: Command) => {
    const { format, headers } = outputFormat('notice list', o);
    await withSession(ctx, command, async ({ db }) => {
      const townshipId = o.township ? requireTownship(db, o.township).id : undefined;
      const rows = listNotices(db, { outstanding: o.outstanding, townshipId });
      await emitRendered(ctx, noticeListRenderers, format, rows, { lang: ctx.lang, ascii: !!globals(command).ascii, width: tableWidth(ctx, o.out), headers }, o.out);
    }, { mustExist: true });
  };
}
