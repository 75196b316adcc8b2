// `fieldvisit report …`: the reports supervisors read. Each report is a verb registered here.
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe } from '../../help.js';
import { registerReportWeekly } from './weekly.js';
import { registerMoreReports } from './more.js';

/** Creates the `report` noun and its verbs. */
export function registerReport(program: Command, ctx: Context): Command {
  const report = program.command('report');
  describe(
    report,
    ctx.lang,
    '报表：每周乡镇走访汇总、诉讼时效、账龄、催收员月报。',
    'Reports: the weekly township visit summary, limitation, aging, officers.',
    [
      'fieldvisit report weekly --week 2026-W47 --next 香坪镇',
      'fieldvisit report limitation --township 涡水镇 --status expiring',
      'fieldvisit report aging',
      'fieldvisit report officers --month 2026-11',
    ],
  );
  registerReportWeekly(report, ctx);
  registerMoreReports(report, ctx);
  return report;
}
