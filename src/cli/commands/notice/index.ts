// `fieldvisit notice issue|list`: the notice register (台账) — numbered notices from a loan, and which came back signed.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { issueNotice, listNotices } from '../../../db/notices.js';
import { loanByNo } from '../../../db/visits.js';
import { getSetting } from '../../../db/settings.js';
import { requireTownship } from '../../../db/places.js';
import { DataError, UsageError } from '../../../domain/errors.js';
import { DEFAULT_NOTICE_SERIES, NOTICE_TYPES, isNoticeType, isValidSeries } from '../../../domain/notice.js';
import { text } from '../../../domain/text.js';
import { noticeAsHtml, noticeAsText, noticeJson, noticesAsJson, noticesAsText } from '../../../format/notices.js';
import { asJson } from '../../../format/table.js';
import { nowIso, today, type Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { normaliseDate } from '../../../domain/dates.js';
import { globals, out, t, warn, withSession } from '../../runtime.js';

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
  issue.action(async (o: { loan?: string; type?: string; date?: string; out?: string; json?: boolean }, command: Command) => {
    if (!o.loan) throw new UsageError(text('请用 --loan 指明贷款的合同编号。', 'Name the loan with --loan.'));
    if (!o.type) throw new UsageError(text(`请用 --type 指明通知书类型：${NOTICE_TYPES.join('、')}。`, `Say which notice with --type: ${NOTICE_TYPES.join(', ')}.`));
    if (!isNoticeType(o.type)) throw new UsageError(text(`--type 的值“${o.type}”无效：可用 ${NOTICE_TYPES.join('、')}。`, `--type "${o.type}" is not known: use ${NOTICE_TYPES.join(', ')}.`));
    const day = today(ctx);
    const date = o.date ? normaliseDate(o.date, day) : day;
    if (!date) throw new UsageError(text(`--date 的值“${o.date}”不是日期。`, `--date "${o.date}" is not a date.`));
    if (date > day) throw new DataError(text(`发出日期 ${date} 在今天（${day}）之后。`, `The issue date ${date} is after today (${day}).`));
    const type = o.type;
    await withSession(ctx, command, ({ db }) => {
      const loan = loanByNo(db, o.loan!.trim());
      if (!loan) throw new DataError(text(`合同编号 ${o.loan} 不在花名册中。`, `Loan ${o.loan} is not on the roster.`));
      const series = getSetting(db, 'notice-series') ?? DEFAULT_NOTICE_SERIES;
      if (!isValidSeries(series)) {
        throw new DataError(text(`通知书编号格式“${series}”无效：请用 config set notice-series 设置，如 {township}-{year}-{seq:4}。`, `The notice series "${series}" is not valid: set one like {township}-{year}-{seq:4} with config set notice-series.`));
      }
      const row = issueNotice(db, { loanId: loan.loanId, type, issuedOn: date, series, recordedAt: nowIso(ctx) });
      if (type === 'guarantor' && !row.guarantor) warn(ctx, t(ctx, text('注意：这笔贷款没有登记保证人。', 'Warning: this loan has no guarantor on record.')));
      if (o.out) {
        const file = path.resolve(ctx.cwd, o.out);
        const body = /\.html?$/i.test(file) ? noticeAsHtml(row, ctx.lang) : noticeAsText(row, ctx.lang);
        fs.writeFileSync(file, body, 'utf8');
      }
      if (o.json) out(ctx, asJson(noticeJson(row)));
      else if (o.out) out(ctx, t(ctx, text(`已发出通知书 ${row.noticeNo}（${row.borrower}，${row.loanNo}），已写入 ${o.out}\n`, `Issued notice ${row.noticeNo} (${row.borrower}, ${row.loanNo}); written to ${o.out}\n`)));
      else out(ctx, noticeAsText(row, ctx.lang));
    });
  });

  const list = n
    .command('list')
    .option('--outstanding', h(L, '只列尚未签回的', 'only those not yet signed back'))
    .option('--township <name>', h(L, '乡镇', 'township'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(list, L, '列出台账中的每个编号：何时发出、发给谁、何时由谁签回，或尚未签回。', 'List each number in the register: issued when, for whom, signed back when and by whom, or outstanding.', [
    'fieldvisit notice list',
    'fieldvisit notice list --outstanding --json',
  ]);
  list.action(async (o: { outstanding?: boolean; township?: string; json?: boolean }, command: Command) => {
    await withSession(ctx, command, ({ db }) => {
      const townshipId = o.township ? requireTownship(db, o.township).id : undefined;
      const rows = listNotices(db, { outstanding: o.outstanding, townshipId });
      out(ctx, o.json ? noticesAsJson(rows) : noticesAsText(rows, ctx.lang, { ascii: !!globals(command).ascii }));
    });
  });
}
