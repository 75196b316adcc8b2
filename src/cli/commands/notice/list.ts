// `fieldvisit notice list` (action): the register — issued when, for whom, signed back when and by whom — as a table, JSON or CSV.
import type { Command } from 'commander';
import { listNotices } from '../../../db/notices.js';
import { requireTownship } from '../../../db/places.js';
import { noticesAsCsv, noticesAsJson, noticesAsText } from '../../../format/notices.js';
import { tableWidth, type Context } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitOutput } from '../../output.js';
import { listFormat } from '../../outputFormat.js';

export function action(ctx: Context) {
  return async (o: { outstanding?: boolean; township?: string; json?: boolean; csv?: boolean; out?: string }, command: Command) => {
    const fmt = listFormat(o);
    await withSession(ctx, command, ({ db }) => {
      const townshipId = o.township ? requireTownship(db, o.township).id : undefined;
      const rows = listNotices(db, { outstanding: o.outstanding, townshipId });
      emitOutput(ctx, fmt === 'json' ? noticesAsJson(rows) : fmt === 'csv' ? noticesAsCsv(rows) : noticesAsText(rows, ctx.lang, { ascii: !!globals(command).ascii, width: tableWidth(ctx, o.out) }), o.out, fmt === 'csv');
    }, { mustExist: true });
  };
}
