// `fieldvisit agenda` (action): the households to visit next, each with its reasons, grouped by committee and group for a day's route.
import type { Command } from 'commander';
import { loanClockFacts } from '../../../db/limitation.js';
import { householdAgendaFacts, loanOfficers } from '../../../db/agenda.js';
import { DataError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
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
  return async (opts: { township?: string; village?: string; within?: string; limit?: string; officer?: string } & FormatFlags, command: Command) => {
    const { format, headers } = outputFormat('agenda', opts);
    const within = intOption('--within', opts.within, DEFAULT_EXPIRING_DAYS);
    const limit = opts.limit === undefined ? null : intOption('--limit', opts.limit, 0, 1);
    await withSession(ctx, command, async ({ db }) => {
      const now = today(ctx);
      const place = placeFilter(db, opts.township, opts.village);
      const officer = opts.officer?.trim() || undefined;
      if (officer !== undefined && !loanOfficers(db).includes(officer)) {
        const known = loanOfficers(db);
        throw new DataError(
          text(`花名册中没有管户员“${officer}”的贷款。花名册上的管户员：${known.join('、') || '（无）'}。`, `No loan on the roster is managed by "${officer}". Officers on the roster: ${known.join(', ') || '(none)'}.`),
        );
      }
      const a = buildAgenda(loanClockFacts(db, { ...place, officer }, now), householdAgendaFacts(db, now, { ...place, officer }), listPromises(db, now, { townshipId: place.townshipId }), {
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
