// `fieldvisit cost add|void|list`: what collecting each loan cost (travel, postage, court fees, lawyer, other) (definitions; actions in ./<verb>.ts).
import type { Command } from 'commander';
import { Option } from 'commander';
import { COST_KINDS } from '../../../domain/cost.js';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';
import { addFormatOptions } from '../../outputFormat.js';

export function registerCost(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const cost = program.command('cost');
  describe(cost, L, '催收费用：按案件（贷款）登记差旅、邮寄、诉讼费、律师费等支出，作废与列表。', 'Collection costs: record what each case (loan) cost — travel, postage, court fees, lawyer, other — void and list them.', [
    'fieldvisit cost add --loan WS-2022-0019 --kind travel --amount 120.00 --date 2026-11-20',
    'fieldvisit cost list --month 2026-11',
  ]);

  const add = cost
    .command('add')
    .option('--loan <no>', h(L, '合同编号（必填）', 'loan number (required)'))
    .addOption(new Option('--kind <kind>', h(L, '类别：travel 差旅、postage 邮寄、court-fee 诉讼费、lawyer 律师费、other 其他（必填）', 'kind: travel, postage, court-fee, lawyer, other (required)')).choices([...COST_KINDS]))
    .option('--amount <yuan>', h(L, '金额（元，最多两位小数，必须大于 0；必填）', 'amount in yuan (at most two decimals, more than zero; required)'))
    .option('--date <date>', h(L, '支出日期，如 2026-11-20（不能晚于今天；必填）', 'date spent, YYYY-MM-DD (not after today; required)'))
    .option('--officer <name>', h(L, '经办人（默认 config set officer 的值）', 'who spent it (default: config set officer)'))
    .option('--note <text>', h(L, '备注，如票据号、行程', 'note, e.g. the receipt number or the trip'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    add,
    L,
    '登记一笔催收费用，记在一笔贷款（案件）上；显示费用编号。金额按元输入、以分保存。费用记录只增不改：录错了用 cost void 作废后重录。',
    'Record one cost of collecting a loan (a case); prints the cost id. The amount is in yuan and kept in fen. Costs are never edited: void a wrong one with cost void and record it again.',
    [
      'fieldvisit cost add --loan WS-2022-0019 --kind travel --amount 120.00 --date 2026-11-20 --officer 张明',
      'fieldvisit cost add --loan WS-2022-0019 --kind court-fee --amount 1,050 --date 2026-11-21 --note "受理费"',
      'fieldvisit cost add --loan WS-2022-0019 --kind postage --amount 23.50 --date 2026-11-18 --json',
    ],
  );
  lazyAction(add, ctx, () => import('./add.js'));

  const voidCmd = cost
    .command('void')
    .argument('<id>', h(L, '费用编号（cost list 中显示）', 'cost id (shown by cost list)'))
    .option('--reason <text>', h(L, '作废原因（必填）', 'why it is void (required)'))
    .option('--officer <name>', h(L, '作废人（默认 config set officer 的值）', 'who voids it (default: config set officer)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(voidCmd, L, '作废一笔费用：记录保留，注明谁、何时、为何作废，不再计入任何报表（cost list --all 仍可看到）。', 'Void a cost: it is kept with who, when and why, and counts in no report (cost list --all still shows it).', [
    'fieldvisit cost void 3 --reason "重复登记"',
  ]);
  lazyAction(voidCmd, ctx, () => import('./void.js'));

  const list = cost
    .command('list')
    .option('--loan <no>', h(L, '只看一笔贷款', 'one loan only'))
    .option('--township <name>', h(L, '只看一个乡镇', 'one township only'))
    .option('--month <yyyy-mm>', h(L, '只看一个月份的支出，如 2026-11', 'costs dated in one month, e.g. 2026-11'))
    .option('--all', h(L, '连同已作废的费用（标明作废原因）', 'void costs too (marked, with the reason)'));
  addFormatOptions(list, L, 'cost list');
  describe(list, L, '列出费用：编号、日期、贷款、借款人、类别、金额、经办人、备注；合计不含作废的费用。', 'List costs: id, date, loan, borrower, kind, amount, officer, note; the total leaves void costs out.', [
    'fieldvisit cost list --loan WS-2022-0019',
    'fieldvisit cost list --month 2026-11 --township 涡水镇',
    'fieldvisit cost list --all --out costs.xlsx',
  ]);
  lazyAction(list, ctx, () => import('./list.js'));
}
