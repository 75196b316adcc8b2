// `fieldvisit place list` (action): the place tree with household and loan counts and balances, in any format the registry gives it.
import type { Command } from 'commander';
import { listPlaces, requireTownship } from '../../../db/places.js';
import { tableWidth, type Context } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitRendered } from '../../output.js';
import { outputFormat, type FormatFlags } from '../../outputFormat.js';
import { placeListRenderers } from '../../../format/places.js';

export function action(ctx: Context) {
  return async (opts: { township?: string } & FormatFlags, command: Command) => {
    const { format, headers } = outputFormat('place list', opts);
    await withSession(ctx, command, async ({ db }) => {
      const tid = opts.township ? requireTownship(db, opts.township).id : undefined;
      const rows = listPlaces(db, tid);
      await emitRendered(ctx, placeListRenderers, format, rows, { lang: ctx.lang, ascii: !!globals(command).ascii, width: tableWidth(ctx, opts.out), headers }, opts.out);
    }, { mustExist: true });
  };
}
