// `fieldvisit report officers --month` (action): each officer's field visits against the quota, cash, intents, promises kept.
import { monthOption } from '../../monthOption.js';
import type { Command } from 'commander';
import { officerActivity } from '../../../db/officers.js';
import { listPromises } from '../../../db/promises.js';
import { getSetting } from '../../../db/settings.js';
import { buildOfficerReport } from '../../../report/officers.js';
import { officersRenderers } from '../../../format/officers.js';
import { today, type Context, tableWidth } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitRendered } from '../../output.js';
import { outputFormat, type FormatFlags } from '../../outputFormat.js';
import { placeFilter } from '../../scope.js';

export const DEFAULT_VISIT_QUOTA = 25;

export function action(ctx: Context) {
  return async (opts: { month?: string; township?: string; } & FormatFlags, command: Command) => {
    const { format, headers } = outputFormat('report officers', opts);
    const now = today(ctx);
    const m = monthOption(opts.month ?? now.slice(0, 7))!;
    await withSession(ctx, command, async ({ db }) => {
      const place = placeFilter(db, opts.township, undefined);
      const q = getSetting(db, 'visit-quota');
      const quota = q && /^\d+$/.test(q) ? Number(q) : DEFAULT_VISIT_QUOTA;
      const activity = officerActivity(db, m.start, m.end, place);
      const promises = listPromises(db, now, { townshipId: place.townshipId, dueFrom: m.start, dueTo: m.end });
      const r = buildOfficerReport(activity, promises, { month: m.month, from: m.start, to: m.end, today: now, quota, township: opts.township ?? null });
      await emitRendered(ctx, officersRenderers, format, r, { lang: ctx.lang, ascii: !!globals(command).ascii, width: tableWidth(ctx, opts.out), headers }, opts.out);
    }, { mustExist: true });
  };
}
