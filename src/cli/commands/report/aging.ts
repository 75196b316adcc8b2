// `fieldvisit report aging`: outstanding principal, interest and households by how long past due.
import type { Command } from 'commander';
import { agingLoans } from '../../../db/aging.js';
import { buildAging } from '../../../report/aging.js';
import { agingAsCsv, agingAsJson, agingAsMarkdown, agingAsText } from '../../../format/aging.js';
import { today, type Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { globals, out, withSession } from '../../runtime.js';
import { addFormatOptions, outputFormat, placeFilter } from '../../outputFormat.js';

export function registerReportAging(reportCmd: Command, ctx: Context): void {
  const L = ctx.lang;
  const cmd = reportCmd.command('aging').option('--township <name>', h(L, '只看一个乡镇', 'one township only'));
  addFormatOptions(cmd, L);
  describe(
    cmd,
    L,
    '账龄报告：按逾期时间（90 天内、90–365 天、1–2 年、2–3 年、3 年以上）汇总未收回本金、利息和户数，以及每档已收回的比例。',
    'Aging report: outstanding principal, interest and households by time past due (under 90 days, 90–365 days, 1–2, 2–3, over 3 years), with the share recovered in each bucket.',
    ['fieldvisit report aging --township 涡水镇', 'fieldvisit report aging --csv > aging.csv'],
  );
  cmd.action(async (opts: { township?: string; format?: string; json?: boolean; csv?: boolean }, command: Command) => {
    const fmt = outputFormat(opts);
    await withSession(ctx, command, ({ db }) => {
      const now = today(ctx);
      const r = buildAging(agingLoans(db, now, placeFilter(db, opts.township, undefined)), now, opts.township ?? null);
      out(ctx, fmt === 'json' ? agingAsJson(r) : fmt === 'csv' ? agingAsCsv(r) : fmt === 'md' ? agingAsMarkdown(r, ctx.lang) : agingAsText(r, ctx.lang, { ascii: !!globals(command).ascii }));
    });
  });
}
