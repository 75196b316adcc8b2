// `fieldvisit agenda` (action): the households to visit next, each with its reasons, grouped by committee and group for a day's route.
import type { Command } from 'commander';
import { clockScopeIsFew, comparePlaceOrder, eachHouseholdClockFacts } from '../../../db/limitation.js';
import { householdAgendaCursor, householdPromiseCursor, loanOfficers, type HouseholdAgendaFacts } from '../../../db/agenda.js';
import { DataError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { DEFAULT_EXPIRING_DAYS } from '../../../domain/limitation.js';
import { agendaCollector } from '../../../report/agenda.js';
import { isOutstanding, loanClockRow } from '../../../report/limitation.js';
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
      // Streamed a household at a time (loans with their clocks, the household's facts, its promises), keeping only
      // the most urgent --limit households: memory does not grow with the number of loans.
      const top = agendaCollector({ today: now, periodYears: periodYears(db), withinDays: within, township: opts.township ?? null, village: opts.village ?? null, limit });
      // The cursors open at the first household, once the loans' pass has set up (it writes a TEMP table first).
      let facts: ReturnType<typeof householdAgendaCursor> | undefined;
      let promises: ReturnType<typeof householdPromiseCursor> | undefined;
      let fact: IteratorResult<HouseholdAgendaFacts> | undefined;
      let few: boolean | undefined;
      try {
        eachHouseholdClockFacts(db, { ...place, officer }, now, (house) => {
          const hh = house[0]!.householdId;
          // Driven by the scope's households when the pass holds a few loans (a township, an officer's loans).
          few ??= clockScopeIsFew(db);
          facts ??= householdAgendaCursor(db, now, { ...place, officer }, few);
          promises ??= householdPromiseCursor(db, now, { townshipId: place.townshipId }, few);
          fact ??= facts.next();
          while (!fact.done && fact.value.householdId < hh) fact = facts.next();
          const ps = promises.take(hh);
          if (fact.done || fact.value.householdId !== hh) return;
          const rows = house.filter(isOutstanding).map((x) => loanClockRow(x, top.options));
          if (rows.length === 0) return;
          rows.sort((a, b) => comparePlaceOrder(a.facts, b.facts));
          top.add(rows, fact.value, ps);
        });
      } finally {
        facts?.return?.();
        promises?.close();
      }
      const a = top.finish();
      await emitRendered(ctx, agendaRenderers, format, a, { lang: ctx.lang, headers }, opts.out);
    }, { mustExist: true });
  };
}
