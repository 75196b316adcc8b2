// `fieldvisit import roster FILE`: load or re-load a borrower roster (CSV in UTF-8/GBK, or .xlsx).
import type { Command } from 'commander';
import { createRosterWriter, type RosterSummary, type RosterWriter } from '../../../db/roster.js';
import { ROSTER_FIELDS, parseRosterRow, type RosterField, type RosterRow } from '../../../import/parseRosterRow.js';
import { text } from '../../../domain/text.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { UsageError } from '../../../domain/errors.js';
import { runImport } from '../../importRunner.js';
import { today, type Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { globals, out, warn, withSession } from '../../runtime.js';
import { rosterSummaryAsJson, rosterSummaryAsText } from '../../../format/importSummary.js';

interface Opts {
  encoding?: string;
  sheet?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  errors?: string;
  json?: boolean;
  asOf?: string;
}

export function registerImportRoster(parent: Command, ctx: Context): void {
  const L = ctx.lang;
  const cmd = parent
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
    cmd,
    L,
    '导入或重新导入借款人花名册（按合同编号更新，重复导入不会重复写入）。',
    'Import or re-import the borrower roster (keyed by loan number; importing the same file again changes nothing).',
    ['fieldvisit import roster data/roster.csv', 'fieldvisit import roster 花名册.xlsx --sheet 涡水镇 --dry-run', 'type roster.csv | fieldvisit import roster - --json'],
  );
  cmd.action(async (file: string, opts: Opts, command: Command) => {
    void globals(command);
    const asOf = opts.asOf ?? today(ctx);
    if (!isValidIsoDate(asOf)) throw new UsageError(text(`--as-of 需要 YYYY-MM-DD 格式的日期，而不是“${asOf}”。`, `--as-of needs a YYYY-MM-DD date, not "${asOf}".`));
    await withSession(ctx, command, async ({ db }) => {
      const mergedFrom = new Map<string, { into: string; rows: number }>();
      // A repeated loan number is found through the writer (which rows wrote which loans), so memory does not grow
      // with a map of every loan number in the file.
      let w: RosterWriter | null = null;
      const outcome = await runImport<RosterField, RosterRow, RosterSummary>(
        ctx,
        db,
        {
          fields: ROSTER_FIELDS,
          parse: parseRosterRow,
          onePass: true,
          crossCheck(row) {
            const prev = w?.earlierLine(row.loanNo) ?? null;
            if (prev === null) return [];
            return [
              {
                field: 'loan_no',
                reason: text(`合同编号 ${row.loanNo} 在第 ${prev} 行已出现：每笔贷款只能出现一次`, `loan number ${row.loanNo} already appears on line ${prev}: each loan may appear once`),
                severity: 'error',
              },
            ];
          },
        },
        { file, encoding: opts.encoding, sheet: opts.sheet, dryRun: opts.dryRun, skipInvalid: opts.skipInvalid, errorsFile: opts.errors },
        () => {
          const writer = (w = createRosterWriter(db, asOf));
          return {
            write(row) {
              const r = writer.write(row);
              if (r.mergedFrom) {
                const m = mergedFrom.get(r.mergedFrom);
                if (m) m.rows++;
                else mergedFrom.set(r.mergedFrom, { into: r.mergedInto ?? '', rows: 1 });
              }
            },
            finish: () => writer.summary(),
          };
        },
      );
      const merged = [...mergedFrom.entries()].map(([from, m]) => ({ from, into: m.into, rows: m.rows }));
      if (opts.json) out(ctx, rosterSummaryAsJson(outcome, merged));
      else {
        const { body, notes } = rosterSummaryAsText(outcome, merged, ctx.lang, { ascii: !!globals(command).ascii });
        out(ctx, body);
        for (const n of notes) warn(ctx, n);
      }
    });
  });
}
