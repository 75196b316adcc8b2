// `fieldvisit report weekly` (action): the week's township visit summary, in every format the registry gives it (text, Markdown, JSON, CSV, a printable page, Excel, WeChat text).
import type { Command } from 'commander';
import { addDays, isValidIsoDate, parseIsoWeek, weekOf, type IsoDate } from '../../../domain/dates.js';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { requireTownship } from '../../../db/places.js';
import { weekFacts } from '../../../db/weekly.js';
import { listPromises } from '../../../db/promises.js';
import { readLetterhead } from '../../../db/settings.js';
import { buildWeeklyReport, type ReportWeek } from '../../../report/buildWeeklyReport.js';
import { weeklyRenderers } from '../../../format/weeklyReport.js';
import { today, type Context, tableWidth } from '../../context.js';
import { globals, warn, t, withSession } from '../../runtime.js';
import { emitRendered } from '../../output.js';
import { outputFormat, type FormatFlags } from '../../outputFormat.js';

interface WeeklyOptions extends FormatFlags {
  week?: string;
  from?: string;
  to?: string;
  township?: string;
  officer?: string;
  next?: string;
  trace?: boolean;
}

function dateFlag(name: string, v: string): IsoDate {
  if (!isValidIsoDate(v)) throw new UsageError(text(`${name} 需要 YYYY-MM-DD 格式的日期，而不是“${v}”。`, `${name} needs a YYYY-MM-DD date, not "${v}".`));
  return v;
}

/** --week, or --from with --to, else the ISO week (Monday to Sunday) holding today. */
export function resolveWeek(opts: WeeklyOptions, todayDate: IsoDate): ReportWeek {
  if (opts.week !== undefined && (opts.from !== undefined || opts.to !== undefined)) {
    throw new UsageError(text('--week 与 --from/--to 只能选一种。', 'Give either --week or --from/--to, not both.'));
  }
  if (opts.week !== undefined) {
    const w = parseIsoWeek(opts.week);
    if (!w) throw new UsageError(text(`--week 需要 ISO 周，如 2026-W47，而不是“${opts.week}”。`, `--week needs an ISO week such as 2026-W47, not "${opts.week}".`));
    return w;
  }
  if (opts.from !== undefined || opts.to !== undefined) {
    if (opts.from === undefined || opts.to === undefined) {
      throw new UsageError(text('--from 和 --to 需要一起给出。', '--from and --to go together: give both.'));
    }
    const start = dateFlag('--from', opts.from);
    const end = dateFlag('--to', opts.to);
    if (end < start) throw new UsageError(text(`--to（${end}）早于 --from（${start}）。`, `--to (${end}) is before --from (${start}).`));
    const w = weekOf(start);
    return { start, end, iso: w.start === start && w.end === end ? w.iso : null };
  }
  return weekOf(todayDate);
}

export function action(ctx: Context) {
  return async (opts: WeeklyOptions, command: Command) => {
    const { format, headers } = outputFormat('report weekly', opts);
    const week = resolveWeek(opts, today(ctx));
    if (opts.trace && format !== 'json') warn(ctx, t(ctx, text('--trace 只对 JSON 输出有效，已忽略。', '--trace applies to JSON output only; ignored.')));
    await withSession(
      ctx,
      command,
      async ({ db }) => {
        const township = opts.township !== undefined ? requireTownship(db, opts.township) : undefined;
        const facts = weekFacts(db, { start: week.start, end: week.end, townshipId: township?.id, officer: opts.officer });
        const next = { start: addDays(week.end, 1), end: addDays(week.end, 7) };
        const townships = new Set(facts.townships.map((x) => x.townshipId));
        // Promise status as it stood at the end of the report's week, so an old week's report reads the same later.
        const promisesDue = listPromises(db, week.end, { dueFrom: next.start, dueTo: next.end, townshipId: township?.id, officer: opts.officer }).filter(
          (p) => p.status === 'open' && facts.townships.some((x) => x.township === p.township) && townships.size > 0,
        );
        const r = buildWeeklyReport({
          week,
          scope: { township: township?.name ?? null, officer: opts.officer ?? null },
          facts,
          nextWeek: { ...next, promisesDue, township: opts.next ?? null },
        });
        if (r.sections.length === 0) {
          warn(
            ctx,
            t(
              ctx,
              text(
                `${week.start} 至 ${week.end} 没有走访记录${township ? `（${township.name}）` : ''}：用 fieldvisit import visits 导入，或换一周（--week）。`,
                `No visits from ${week.start} to ${week.end}${township ? ` in ${township.name}` : ''}: import some with fieldvisit import visits, or pick another --week.`,
              ),
            ),
          );
        }
        await emitRendered(
          ctx,
          weeklyRenderers,
          format,
          r,
          { lang: ctx.lang, color: ctx.color && opts.out === undefined, trace: !!opts.trace, ascii: !!globals(command).ascii, width: tableWidth(ctx, opts.out), headers, today: today(ctx), letterhead: readLetterhead(db) },
          opts.out,
        );
      },
      { mustExist: true },
    );
  };
}
