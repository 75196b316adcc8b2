// `fieldvisit notice issue|list`: the notice register (台账) — numbered notices from a loan, and which came back signed (definitions; actions in ./<verb>.ts).
import type { Command } from 'commander';
import { NOTICE_TYPES } from '../../../domain/notice.js';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';
import { addFormatOptions } from '../../outputFormat.js';

export function registerNotice(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const n = program.command('notice');
  describe(n, L, '催收通知书台账：编号发出、签回、未签回。', 'The notice register: issue numbered notices, see which came back signed.', [
    'fieldvisit notice issue --loan WS-2022-0001 --type overdue-loan --out notice.html',
    'fieldvisit notice list --outstanding',
  ]);

  const issue = n
    .command('issue')
    .option('--loan <no>', h(L, '合同编号（必填）', 'loan number (required)'))
    .option('--type <type>', h(L, `通知书类型（必填）：${NOTICE_TYPES.join('、')}`, `notice type (required): ${NOTICE_TYPES.join(', ')}`))
    .option('--date <date>', h(L, '发出日期（默认今天）', 'date issued (default today)'))
    .option('--out <file>', h(L, '写入文件：.html 为可打印的 A4 页面（两联），其他为文本', 'write to a file: .html is a printable A4 page (two copies), anything else text'))
    .option('--json', h(L, '以 JSON 输出登记的通知书', 'print the registered notice as JSON'));
  describe(
    issue,
    L,
    '按编号序列（默认 乡镇-年份-0001，可用 config set notice-series 修改）发出一份通知书，借款人、金额和日期取自贷款；一式两联（借款人留存联和回执联）。',
    'Issue a notice with the next number in the series (default <township>-<year>-0001; change with config set notice-series), filled from the loan; two copies (the borrower’s and the receipt).',
    [
      'fieldvisit notice issue --loan WS-2022-0001 --type overdue-loan',
      'fieldvisit notice issue --loan WS-2022-0002 --type guarantor --out 通知书.html',
    ],
  );
  lazyAction(issue, ctx, () => import('./issue.js'));

  const list = n
    .command('list')
    .option('--outstanding', h(L, '只列尚未签回的', 'only those not yet signed back'))
    .option('--township <name>', h(L, '乡镇', 'township'));
  addFormatOptions(list, L, 'notice list');
  describe(list, L, '列出台账中的每个编号：何时发出、发给谁、何时由谁签回，或尚未签回。', 'List each number in the register: issued when, for whom, signed back when and by whom, or outstanding.', [
    'fieldvisit notice list',
    'fieldvisit notice list --outstanding --json',
    'fieldvisit notice list --csv --out notices.csv',
  ]);
  lazyAction(list, ctx, () => import('./list.js'));
}
