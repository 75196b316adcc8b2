// `fieldvisit place list` (action): the place tree with household and loan counts and balances, as a table, JSON or CSV.
import type { Command } from 'commander';
import { listPlaces, requireTownship } from '../../../db/places.js';
import { tableWidth, type Context } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitOutput } from '../../output.js';
import { listFormat } from '../../outputFormat.js';
import { placesAsCsv, placesAsJson, placesAsText } from '../../../format/places.js';

export function action(ctx: Context) {
  return async (opts: { township?: string; json?: boolean; csv?: boolean; out?: string }, command: Command) => {
    const fmt = listFormat(opts);
    await withSession(ctx, command, ({ db }) => {
      const tid = opts.township ? requireTownship(db, opts.township).id : undefined;
      const rows = listPlaces(db, tid);
      emitOutput(ctx, fmt === 'json' ? placesAsJson(rows) : fmt === 'csv' ? placesAsCsv(rows) : placesAsText(rows, ctx.lang, { ascii: !!globals(command).ascii, width: tableWidth(ctx, opts.out) }), opts.out, fmt === 'csv');
    }, { mustExist: true });
  };
}
