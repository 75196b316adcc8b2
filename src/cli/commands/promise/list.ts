// `fieldvisit promise list` (action): every repayment intent as a promise — open, kept, partly kept or broken — as a table, JSON or CSV.
import type { Command } from 'commander';
import { listPromises } from '../../../db/promises.js';
import { requireTownship } from '../../../db/places.js';
import { UsageError } from '../../../domain/errors.js';
import { addDays } from '../../../domain/dates.js';
import { brokenByHousehold, isBroken } from '../../../domain/promise.js';
import { text } from '../../../domain/text.js';
import { promisesAsCsv, promisesAsJson, promisesAsText, type PromiseListRow } from '../../../format/promises.js';
import { today, type Context, tableWidth } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitOutput } from '../../output.js';
import { intOption, listFormat } from '../../outputFormat.js';

interface Opts {
  open?: boolean;
  broken?: boolean;
  dueWithin?: string;
  township?: string;
  officer?: string;
  json?: boolean;
  csv?: boolean;
  out?: string;
}

export function action(ctx: Context) {
  return async (o: Opts, command: Command) => {
    const fmt = listFormat(o);
    const n = o.dueWithin === undefined ? null : intOption('--due-within', o.dueWithin, 0);
    if ([o.open, o.broken, n !== null].filter(Boolean).length > 1) {
      throw new UsageError(text('--open、--broken、--due-within 只能选一个。', 'Use only one of --open, --broken, --due-within.'));
    }
    const day = today(ctx);
    await withSession(ctx, command, ({ db }) => {
      const townshipId = o.township ? requireTownship(db, o.township).id : undefined;
      const all = listPromises(db, day, { townshipId, officer: o.officer });
      const broken = brokenByHousehold(all);
      const rows: PromiseListRow[] = all
        .filter((r) => (o.open ? r.status === 'open' : o.broken ? isBroken(r.status) : n !== null ? r.status === 'open' && r.dueDate <= addDays(day, n) : true))
        .map((r) => ({ ...r, brokenCount: broken.get(r.householdId) ?? 0 }));
      emitOutput(ctx, fmt === 'json' ? promisesAsJson(rows) : fmt === 'csv' ? promisesAsCsv(rows) : promisesAsText(rows, ctx.lang, { ascii: !!globals(command).ascii, width: tableWidth(ctx, o.out) }), o.out, fmt === 'csv');
    }, { mustExist: true });
  };
}
