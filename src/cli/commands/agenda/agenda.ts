// `fieldvisit agenda` (action): the households to visit next, each with its reasons, grouped by committee and group for a day's route.
import type { Command } from 'commander';
import { loanClockFacts } from '../../../db/limitation.js';
import { householdAgendaFacts } from '../../../db/agenda.js';
import { listPromises } from '../../../db/promises.js';
import { DEFAULT_EXPIRING_DAYS } from '../../../domain/limitation.js';
import { buildAgenda } from '../../../report/agenda.js';
import { agendaAsCsv, agendaAsJson, agendaAsMarkdown, agendaAsText } from '../../../format/agenda.js';
import { today, type Context } from '../../context.js';
import { withSession } from '../../runtime.js';
import { emitOutput } from '../../output.js';
import { intOption, outputFormat } from '../../outputFormat.js';
import { periodYears, placeFilter } from '../../scope.js';

export function action(ctx: Context) {
  return async (opts: { township?: string; village?: string; within?: string; limit?: string; format?: string; json?: boolean; csv?: boolean; out?: string }, command: Command) => {
    const fmt = outputFormat(opts);
    const within = intOption('--within', opts.within, DEFAULT_EXPIRING_DAYS);
    const limit = opts.limit === undefined ? null : intOption('--limit', opts.limit, 0, 1);
    await withSession(ctx, command, ({ db }) => {
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
      emitOutput(ctx, fmt === 'json' ? agendaAsJson(a) : fmt === 'csv' ? agendaAsCsv(a, ctx.lang) : fmt === 'md' ? agendaAsMarkdown(a, ctx.lang) : agendaAsText(a, ctx.lang), opts.out, fmt === 'csv');
    }, { mustExist: true });
  };
}
