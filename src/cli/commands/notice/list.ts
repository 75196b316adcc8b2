// `fieldvisit notice list` (action): the register — issued when, for whom, signed back when and by whom — as a table, JSON or CSV.
import type { Command } from 'commander';
import { listNotices } from '../../../db/notices.js';
import { requireTownship } from '../../../db/places.js';
import { noticesAsJson, noticesAsText } from '../../../format/notices.js';
import type { Context } from '../../context.js';
import { globals, out, withSession } from '../../runtime.js';

export function action(ctx: Context) {
  return async (o: { outstanding?: boolean; township?: string; json?: boolean }, command: Command) => {
    await withSession(ctx, command, ({ db }) => {
      const townshipId = o.township ? requireTownship(db, o.township).id : undefined;
      const rows = listNotices(db, { outstanding: o.outstanding, townshipId });
      out(ctx, o.json ? noticesAsJson(rows) : noticesAsText(rows, ctx.lang, { ascii: !!globals(command).ascii }));
    });
  };
}
