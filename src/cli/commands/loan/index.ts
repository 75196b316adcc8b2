// `fieldvisit loan clock|mark`: explain a loan's limitation date; record a lawsuit or a demand by public notice (definitions; actions in ./<verb>.ts).
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';

export function registerLoan(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const loan = program.command('loan');
  describe(loan, L, '贷款：诉讼时效说明；登记起诉或公告催收。', 'Loans: explain the limitation clock; record a lawsuit or a public-notice demand.', [
    'fieldvisit loan clock WS-2022-0024',
    'fieldvisit loan mark WS-2022-0019 --lawsuit 2026-11-20',
  ]);

  const clock = loan
    .command('clock')
    .argument('<ref>', h(L, '合同编号（或身份证号、借款人编号：显示其全部贷款）', 'loan number (or ID number or borrower id: all their loans)'))
    .option('--within <days>', h(L, '剩余天数不超过此数即为“即将届满”（默认 30）', '"expiring" when at most this many days are left (default 30)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    clock,
    L,
    '说明一笔贷款的诉讼时效：到期日、每次中断（日期、方式、走访编号）、适用的规则和结果；并列出保证期间。仅为辅助提示，不构成法律意见。',
    'Explain a loan’s limitation date: due date, each interrupting event (date, kind, visit), the rule applied and the result; with the guarantee period. An aid, not legal advice.',
    ['fieldvisit loan clock WS-2022-0024', 'fieldvisit loan clock WS-2013-0016 --json'],
  );
  lazyAction(clock, ctx, () => import('./clock.js'));

  const mark = loan
    .command('mark')
    .argument('<loan>', h(L, '合同编号', 'loan number'))
    .option('--lawsuit <date>', h(L, '起诉日期（中断时效）', 'date the lawsuit was filed (interrupts)'))
    .option('--public-notice <date>', h(L, '公告催收日期（借款人下落不明时，中断时效）', 'date of a demand by public notice for a missing borrower (interrupts)'))
    .option('--note <text>', h(L, '备注，如案号或报纸名称', 'note, e.g. the case number or the newspaper'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    mark,
    L,
    '登记起诉或公告催收：两者都中断诉讼时效（《民法典》第195条）。同一日期重复登记不会重复记录。',
    'Record a lawsuit filed or a demand by public notice: both interrupt the limitation period (Civil Code art. 195). Recording the same date twice records it once.',
    ['fieldvisit loan mark WS-2022-0019 --lawsuit 2026-11-20 --note "(2026)桂0123民初456号"', 'fieldvisit loan mark WS-2022-0015 --public-notice 2026-11-01'],
  );
  lazyAction(mark, ctx, () => import('./mark.js'));
}
