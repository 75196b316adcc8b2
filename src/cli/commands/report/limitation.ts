// `fieldvisit report limitation`: every loan's limitation date, days left and status, with guarantee periods ending soon.
import type { Command } from 'commander';
import { Option } from 'commander';
import { loanClockFacts } from '../../../db/limitation.js';
import { DEFAULT_EXPIRING_DAYS, LIMITATION_STATUSES, type LimitationStatus } from '../../../domain/limitation.js';
import { buildLimitationReport } from '../../../report/limitation.js';
import { limitationReportAsCsv, limitationReportAsJson, limitationReportAsMarkdown, limitationReportAsText } from '../../../format/limitation.js';
import { today, type Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { globals, out, withSession } from '../../runtime.js';
import { addFormatOptions, intOption, outputFormat, periodYears, placeFilter } from '../../outputFormat.js';

export function registerReportLimitation(reportCmd: Command, ctx: Context): void {
  const L = ctx.lang;
  const cmd = reportCmd
    .command('limitation')
    .option('--township <name>', h(L, '只看一个乡镇', 'one township only'))
    .option('--village <name>', h(L, '只看一个村委', 'one village committee only'))
    .addOption(new Option('--status <status>', h(L, '只看一种状态', 'one status only')).choices([...LIMITATION_STATUSES]))
    .option('--within <days>', h(L, '剩余天数不超过此数即为“即将届满”，也是保证期间的提示窗口（默认 30）', '"expiring" when at most this many days are left; also the guarantee window (default 30)'));
  addFormatOptions(cmd, L);
  describe(
    cmd,
    L,
    '诉讼时效报告：每笔贷款的到期日、最后一次中断、届满日、剩余天数和状态，最紧急的在前；并列出即将结束的保证期间。仅为辅助提示，不构成法律意见。',
    'Limitation report: every loan with its due date, last interruption, expiry date, days left and status, most urgent first; with guarantee periods ending soon. An aid, not legal advice.',
    ['fieldvisit report limitation --township 涡水镇', 'fieldvisit report limitation --status expiring --csv > expiring.csv'],
  );
  cmd.action(async (opts: { township?: string; village?: string; status?: LimitationStatus; within?: string; format?: string; json?: boolean; csv?: boolean }, command: Command) => {
    const fmt = outputFormat(opts);
    const within = intOption('--within', opts.within, DEFAULT_EXPIRING_DAYS);
    await withSession(ctx, command, ({ db }) => {
      const now = today(ctx);
      const facts = loanClockFacts(db, placeFilter(db, opts.township, opts.village), now);
      const r = buildLimitationReport(facts, { today: now, periodYears: periodYears(db), withinDays: within, township: opts.township ?? null, status: opts.status ?? null });
      const ascii = !!globals(command).ascii;
      out(ctx, fmt === 'json' ? limitationReportAsJson(r) : fmt === 'csv' ? limitationReportAsCsv(r) : fmt === 'md' ? limitationReportAsMarkdown(r, ctx.lang) : limitationReportAsText(r, ctx.lang, { ascii }));
    });
  });
}
