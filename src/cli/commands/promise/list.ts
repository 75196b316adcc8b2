// `fieldvisit promise list` (action): every repayment intent as a promise — open, kept, partly kept or broken — in any format the registry gives it.
import type { Command } from 'commander';
import { listPromises } from '../../../db/promises.js';
import { requireTownship } from '../../../db/places.js';
import { UsageError } from '../../../domain/errors.js';
import { addDays } from '../../../domain/dates.js';
import { brokenByHousehold, isBroken } from '../../../domain/promise.js';
import { text } from '../../../domain/text.js';
import { promiseListRenderers, type PromiseListRow } from '../../../format/promises.js';
import { today, type Context, tableWidth } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitRendered } from '../../output.js';
import { intOption, outputFormat, type FormatFlags } from '../../outputFormat.js';

interface Opts extends FormatFlags {
  open?: boolean;
  broken?: boolean;
  dueWithin?: string;
  township?: string;
  officer?: string;
}

export function action(ctx: Context) {
  return async (o: Opts, command: Command) => {
    const { format, headers } = outputFormat('promise list', o);
    const n = o.dueWithin === undefined ? null : intOption('--due-within', o.dueWithin, 0);
    if ([o.open, o.broken, n !== null].filter(Boolean).length > 1) {
      throw new UsageError(text('--open、--broken、--due-within 只能选一个。', 'Use only one of --open, --broken, --due-within.'));
    }
    const day = today(ctx);
    await withSession(ctx, command, async ({ db }) => {
      const townshipId = o.township ? requireTownship(db, o.township).id : undefined;
      const all = listPromises(db, day, { townshipId, officer: o.officer });
      const broken = brokenByHousehold(all);
      const rows: PromiseListRow[] = all
        .filter((r) => (o.open ? r.status === 'open' : o.broken ? isBroken(r.status) : n !== null ? r.status === 'open' && r.dueDate <= addDays(day, n) : true))
        .map((r) => ({ ...r, brokenCount: broken.get(r.householdId) ?? 0 }));
      await emitRendered(ctx, promiseListRenderers, format, rows, { lang: ctx.lang, ascii: !!globals(command).ascii, width: tableWidth(ctx, o.out), headers }, o.out);
    }, { mustExist: true });
  };
}
