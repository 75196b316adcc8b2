// `fieldvisit agenda` (action): the households to visit next, each with its reasons, grouped by committee and group for a day's route.
import type { Command } from 'commander';
import { loanClockFacts } from '../../../db/limitation.js';
import { householdAgendaFacts } from '../../../db/agenda.js';
import { listPromises } from '../../../db/promises.js';
import { DEFAULT_EXPIRING_DAYS } from '../../../domain/limitation.js';
import { buildAgenda } from '../../../report/agenda.js';
import { agendaRenderers } from '../../../format/agenda.js';
import { today, type Context } from '../../context.js';
import { withSession } from '../../runtime.js';
import { emitRendered } from '../../output.js';
import { intOption, outputFormat, type FormatFlags } from '../../outputFormat.js';
import { periodYears, placeFilter } from '../../scope.js';

export function action(ctx: Context) {
  return async (opts: { township?: string; village?: string; within?: string; limit?: string; } & FormatFlags, command: Command) => {
    const { format, headers } = outputFormat('agenda', opts);
    const within = intOption('--within', opts.within, DEFAULT_EXPIRING_DAYS);
    const limit = opts.limit === undefined ? null : intOption('--limit', opts.limit, 0, 1);
    await withSession(ctx, command, async ({ db }) => {
      const now = today(ctx);
      const place = placeFilter(db, opts.township, opts.village);
      const a = buildAgenda(loanClockFacts(db, place, now), householdAgendaFacts(db, now, place), listPromises(db, now, { townshipId: place.townshipId }), {
        today: now,
        periodYears: periodYears(db),
        withinDays: within,
        township: opts.township ?? null,
        village: opts.village ?? null,
        limit,
      });
      await emitRendered(ctx, agendaRenderers, format, a, { lang: ctx.lang, headers }, opts.out);
    }, { mustExist: true });
  };
}
