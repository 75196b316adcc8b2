// `fieldvisit import …`: bring files from the back office into the database (definitions; the actions are ./roster.ts and ./visits.ts).
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';

export function registerImport(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const cmd = program.command('import');
  describe(cmd, L, '导入花名册或走访记录文件。', 'Import roster or visit files.', ['fieldvisit import roster data/roster.csv']);

  const roster = cmd
    .command('roster')
    .argument('<file>', h(L, 'CSV 或 .xlsx 文件；- 表示标准输入', 'CSV or .xlsx file; - for standard input'))
    .option('--encoding <enc>', h(L, '文件编码：auto、utf8、gbk', 'file encoding: auto, utf8, gbk'), 'auto')
    .option('--sheet <name>', h(L, '.xlsx 的工作表名（默认第一个）', 'sheet of an .xlsx file (default: the first)'))
    .option('--as-of <date>', h(L, '花名册余额的截止日期（默认今天）；此日及以后记录的收款从余额中扣减', 'date the balances were exported (default today); payments recorded on or after it reduce them'))
    .option('--dry-run', h(L, '只校验并显示将要发生的变化，不写入', 'check and show what would change; write nothing'))
    .option('--skip-invalid', h(L, '写入正确的行，报告错误的行', 'write the good rows and report the bad ones'))
    .option('--errors <file>', h(L, '把所有错误写入 CSV 文件', 'write every problem to a CSV file'))
    .option('--json', h(L, '以 JSON 输出结果', 'print the summary as JSON'));
  describe(
    roster,
    L,
    '导入或重新导入借款人花名册（按合同编号更新，重复导入不会重复写入）。',
    'Import or re-import the borrower roster (keyed by loan number; importing the same file again changes nothing).',
    ['fieldvisit import roster data/roster.csv', 'fieldvisit import roster 花名册.xlsx --sheet 涡水镇 --dry-run', 'type roster.csv | fieldvisit import roster - --json'],
  );
  lazyAction(roster, ctx, () => import('./roster.js'));

  const visits = cmd
    .command('visits')
    .argument('<file>', h(L, 'CSV 或 .xlsx 文件；- 表示标准输入', 'CSV or .xlsx file; - for standard input'))
    .option('--encoding <enc>', h(L, '文件编码：auto、utf8、gbk', 'file encoding: auto, utf8, gbk'), 'auto')
    .option('--sheet <name>', h(L, '.xlsx 的工作表名（默认第一个）', 'sheet of an .xlsx file (default: the first)'))
    .option('--dry-run', h(L, '只校验并显示将要发生的变化，不写入', 'check and show what would change; write nothing'))
    .option('--skip-invalid', h(L, '写入正确的行，报告错误的行', 'write the good rows and report the bad ones'))
    .option('--errors <file>', h(L, '把所有错误写入 CSV 文件', 'write every problem to a CSV file'))
    .option('--json', h(L, '以 JSON 输出结果', 'print the summary as JSON'));
  describe(
    visits,
    L,
    '批量导入走访记录（全部成功才写入；带 visit_id 的文件重复导入不会重复记录）。',
    'Import visits in bulk (all or nothing; with visit_id, importing the same file again records nothing new).',
    ['fieldvisit import visits data/visits.csv', 'fieldvisit import visits 走访.xlsx --dry-run --errors problems.csv'],
  );
  lazyAction(visits, ctx, () => import('./visits.js'));
}
