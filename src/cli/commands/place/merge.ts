// `fieldvisit place merge` (action): record a committee merge; its groups and households move, remembering where they came from.
import type { Command } from 'commander';
import { mergeVillage, requireTownship } from '../../../db/places.js';
import { UsageError } from '../../../domain/errors.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { text } from '../../../domain/text.js';
import { nowIso, today, type Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { asJson } from '../../../format/table.js';

export function action(ctx: Context) {
  return async (old: string, opts: { into: string; township?: string; date?: string; json?: boolean }, command: Command) => {
    if (opts.date !== undefined && !isValidIsoDate(opts.date)) {
      throw new UsageError(text(`--date 需要 YYYY-MM-DD 格式的日期，而不是“${opts.date}”。`, `--date needs a YYYY-MM-DD date, not "${opts.date}".`));
    }
    await withSession(ctx, command, ({ db }) => {
      const tid = opts.township ? requireTownship(db, opts.township).id : undefined;
      const r = mergeVillage(db, { old, into: opts.into, townshipId: tid, date: opts.date ?? today(ctx), recordedAt: nowIso(ctx) });
      if (opts.json) out(ctx, asJson(r));
      else if (r.alreadyMerged) out(ctx, t(ctx, text(`“${r.old}”早已合并进“${r.into}”，没有变化。\n`, `"${r.old}" was already merged into "${r.into}"; nothing changed.\n`)));
      else
        out(
          ctx,
          t(
            ctx,
            text(
              `已将${r.township}“${r.old}”合并进“${r.into}”：移入 ${r.groups} 个组、${r.households} 户。\n`,
              `Merged "${r.old}" into "${r.into}" (${r.township}): moved ${r.groups} group(s) and ${r.households} household(s).\n`,
            ),
          ),
        );
    });
  };
}
