// `fieldvisit report …`: the reports supervisors read. Each report is a verb registered here.
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe } from '../../help.js';
import { registerReportWeekly } from './weekly.js';

/** Creates the `report` noun and its verbs; later reports add one register call here. */
export function registerReport(program: Command, ctx: Context): Command {
  const report = program.command('report');
  describe(report, ctx.lang, '报表：每周乡镇走访汇总等。', 'Reports: the weekly township visit summary and more.', [
    'fieldvisit report weekly --week 2026-W47 --next 香坪镇',
  ]);
  registerReportWeekly(report, ctx);
  return report;
}
