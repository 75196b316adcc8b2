// `fieldvisit report ...`: the report noun; each report registers its own verb.
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe } from '../../help.js';
import { registerMoreReports } from './more.js';

export function registerReport(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const report = program.command('report');
  describe(report, L, '报告：诉讼时效、账龄、催收员月报。', 'Reports: limitation, aging, officers.', [
    'fieldvisit report limitation --township 涡水镇',
    'fieldvisit report aging',
    'fieldvisit report officers --month 2026-11',
  ]);
  registerMoreReports(report, ctx);
}
