// `fieldvisit report …`: the reports supervisors read. Every report verb is defined here; its action is ./<verb>.ts, loaded when it runs.
import type { Command } from 'commander';
import { Option } from 'commander';
import { LIMITATION_STATUSES } from '../../../domain/limitationStatus.js';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';
import { addFormatOptions } from '../../outputFormat.js';

/** Creates the `report` noun and its verbs. */
export function registerReport(program: Command, ctx: Context): Command {
  const L = ctx.lang;
  const report = program.command('report');
  describe(
    report,
    L,
    '报表：每周乡镇走访汇总、诉讼时效、账龄、催收员月报、催收费用、法务视图。',
    'Reports: the weekly township visit summary, limitation, aging, officers, costs, the legal view.',
    [
      'fieldvisit report weekly --week 2026-W47 --next 香坪镇',
      'fieldvisit report limitation --township 涡水镇 --status expiring',
      'fieldvisit report aging',
      'fieldvisit report officers --month 2026-11',
      'fieldvisit report costs --month 2026-11',
      'fieldvisit report legal --within 60',
    ],
  );

  const weekly = report
    .command('weekly')
    .option('--week <week>', h(L, 'ISO 周，如 2026-W47（默认：本周）', 'ISO week, e.g. 2026-W47 (default: this week)'))
    .option('--from <date>', h(L, '起始日期（与 --to 一起用，代替 --week）', 'first day (with --to, instead of --week)'))
    .option('--to <date>', h(L, '结束日期（含）', 'last day (inclusive)'))
    .option('--township <name>', h(L, '只看一个乡镇（默认：本周走访过的所有乡镇）', 'one township only (default: every township visited)'))
    .option('--officer <name>', h(L, '只看一名催收员的走访', "one officer's visits only"))
    .option('--next <township>', h(L, '下周计划走访的乡镇', 'the township planned for next week'))
    .option('--trace', h(L, 'JSON 中每个数字附上对应的农户和走访编号', 'JSON: list the households and visits behind every figure'));
  addFormatOptions(weekly, L, 'report weekly');
  describe(
    weekly,
    L,
    '每周乡镇走访汇总：按乡镇和片区写成文字，附需协调事项、下周计划、分村委统计表和核对等式。',
    'The weekly township visit summary: prose per township and area, matters to escalate, next week, a table per committee and a reconciliation.',
    [
      'fieldvisit report weekly --week 2026-W47 --next 香坪镇',
      'fieldvisit report weekly --township 涡水镇 --format md --out 周报.md',
      'fieldvisit report weekly --week 2026-W47 --json --trace',
      'fieldvisit report weekly --from 2026-11-16 --to 2026-11-20 --out week.html',
      'fieldvisit report weekly --week 2026-W47 --out 周报.xlsx',
      'fieldvisit report weekly --week 2026-W47 --plain',
    ],
  );
  lazyAction(weekly, ctx, () => import('./weekly.js'));

  const limitation = report
    .command('limitation')
    .option('--township <name>', h(L, '只看一个乡镇', 'one township only'))
    .option('--village <name>', h(L, '只看一个村委', 'one village committee only'))
    .addOption(new Option('--status <status>', h(L, '只看一种状态', 'one status only')).choices([...LIMITATION_STATUSES]))
    .option('--within <days>', h(L, '剩余天数不超过此数即为“即将届满”，也是保证期间的提示窗口（默认 30）', '"expiring" when at most this many days are left; also the guarantee window (default 30)'));
  addFormatOptions(limitation, L, 'report limitation');
  describe(
    limitation,
    L,
    '诉讼时效报告：每笔贷款的到期日、最后一次中断、届满日、剩余天数和状态，最紧急的在前；并列出即将结束的保证期间。仅为辅助提示，不构成法律意见。',
    'Limitation report: every loan with its due date, last interruption, expiry date, days left and status, most urgent first; with guarantee periods ending soon. An aid, not legal advice.',
    ['fieldvisit report limitation --township 涡水镇', 'fieldvisit report limitation --status expiring --out expiring.csv'],
  );
  lazyAction(limitation, ctx, () => import('./limitation.js'));

  const aging = report.command('aging').option('--township <name>', h(L, '只看一个乡镇', 'one township only'));
  addFormatOptions(aging, L, 'report aging');
  describe(
    aging,
    L,
    '账龄报告：按逾期时间（90 天内、90–365 天、1–2 年、2–3 年、3 年以上）汇总未收回本金、利息和户数，以及每档已收回的比例。',
    'Aging report: outstanding principal, interest and households by time past due (under 90 days, 90–365 days, 1–2, 2–3, over 3 years), with the share recovered in each bucket.',
    ['fieldvisit report aging --township 涡水镇', 'fieldvisit report aging --out aging.csv'],
  );
  lazyAction(aging, ctx, () => import('./aging.js'));

  const officers = report
    .command('officers')
    .option('--month <yyyy-mm>', h(L, '月份，如 2026-11（默认本月）', 'month, e.g. 2026-11 (default: this month)'))
    .option('--township <name>', h(L, '只看一个乡镇', 'one township only'));
  addFormatOptions(officers, L, 'report officers');
  describe(
    officers,
    L,
    '催收员月报：外访次数对照指标（默认每月 25 次，fieldvisit config set visit-quota 修改）、走访户数、签回通知书、收回现金（本金、利息）、还款意向、承诺兑现与爽约（兑现率）。作废的走访不计入。',
    'Officers report for a month: field visits against the quota (25 a month unless set with fieldvisit config set visit-quota), households visited, notices signed, cash collected (principal, interest), intents, promises kept and broken (kept rate). Void visits do not count.',
    ['fieldvisit report officers --month 2026-11', 'fieldvisit report officers --month 2026-11 --format md'],
  );
  lazyAction(officers, ctx, () => import('./officers.js'));

  const costs = report
    .command('costs')
    .option('--month <yyyy-mm>', h(L, '月份，如 2026-11（默认：截至今天的全部记录）', 'month, e.g. 2026-11 (default: everything up to today)'))
    .option('--township <name>', h(L, '只看一个乡镇（按贷款所在乡镇）', "one township only (the loan's)"));
  addFormatOptions(costs, L, 'report costs');
  describe(
    costs,
    L,
    '催收费用报告：按类别、按人员、按案件（贷款）汇总费用，对照同一范围和期间收回的外访现金，给出合计和费用占收回比。作废的费用和走访不计入。',
    'Collection cost report: costs by kind, by officer and by case (loan), against the field cash recovered in the same scope and period, with totals and the cost-to-recovery ratio. Void costs and visits do not count.',
    ['fieldvisit report costs --month 2026-11', 'fieldvisit report costs --township 涡水镇 --out 费用.xlsx', 'fieldvisit report costs --month 2026-10 --json'],
  );
  lazyAction(costs, ctx, () => import('./costs.js'));

  const legal = report
    .command('legal')
    .option('--township <name>', h(L, '只看一个乡镇', 'one township only'))
    .option('--within <days>', h(L, '提示多少天内到来的期限，也是“即将届满”的天数（默认 30）', 'show deadlines within this many days; also the "expiring" window (default 30)'))
    .option('--min-balance <yuan>', h(L, '“欠款较大”的起点（元，默认 10000）', 'what counts as a large balance, in yuan (default 10000)'));
  addFormatOptions(legal, L, 'report legal');
  describe(
    legal,
    L,
    '法务视图：各诉讼阶段的贷款（loan legal 登记的），即将到来的期限（判决后申请执行、保证期间、保证人诉讼时效），以及起诉候选（时效即将届满且欠款较大、多次拒签、多次爽约），逐笔列明原因。仅为辅助提示，不构成法律意见。',
    "The legal view: loans in each stage of a case (recorded with loan legal), deadlines coming (applying for enforcement after a judgment, guarantee periods, the guarantor's limitation), and candidates for a lawsuit (expiring soon with a large balance, repeated refusals, repeated broken promises), each with its reasons. An aid, not legal advice.",
    ['fieldvisit report legal', 'fieldvisit report legal --township 涡水镇 --within 60', 'fieldvisit report legal --min-balance 5000 --out 法务.xlsx'],
  );
  lazyAction(legal, ctx, () => import('./legal.js'));
  return report;
}
