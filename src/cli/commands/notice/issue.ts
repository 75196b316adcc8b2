// `fieldvisit notice issue` (action): the next number in the series, filled from the loan, printed or written as a two-copy A4 page.
import type { Command } from 'commander';
import { issueNotice } from '../../../db/notices.js';
import { getSetting, readLetterhead } from '../../../db/settings.js';
import { DataError, UsageError } from '../../../domain/errors.js';
import { DEFAULT_NOTICE_SERIES, NOTICE_TYPES, isNoticeType, isValidSeries } from '../../../domain/notice.js';
import { text } from '../../../domain/text.js';
import { noticeJson } from '../../../format/notices.js';
import { asJson } from '../../../format/table.js';
import { nowIso, today, type Context } from '../../context.js';
import { normaliseDate } from '../../../domain/dates.js';
import { out, t, withSession } from '../../runtime.js';
import { prepareOutFile, type OutFile } from '../../outFile.js';
import { requireLoan } from '../../lookups.js';
import { loanClockFacts } from '../../../db/limitation.js';
import { loanClockRow } from '../../../report/limitation.js';
import { DEFAULT_EXPIRING_DAYS } from '../../../domain/limitation.js';
import { periodYears } from '../../scope.js';
import { renderNotice, warnNoLender } from './render.js';

export function action(ctx: Context) {
  return async (o: { loan?: string; type?: string; date?: string; payBy?: string; force?: boolean; out?: string; json?: boolean }, command: Command) => {
    if (!o.loan) throw new UsageError(text('请用 --loan 指明贷款的合同编号。', 'Name the loan with --loan.'));
    if (!o.type) throw new UsageError(text(`请用 --type 指明通知书类型：${NOTICE_TYPES.join('、')}。`, `Say which notice with --type: ${NOTICE_TYPES.join(', ')}.`));
    if (!isNoticeType(o.type)) throw new UsageError(text(`--type 的值“${o.type}”无效：可用 ${NOTICE_TYPES.join('、')}。`, `--type "${o.type}" is not known: use ${NOTICE_TYPES.join(', ')}.`));
    const day = today(ctx);
    const date = o.date ? normaliseDate(o.date, day) : day;
    if (!date) throw new UsageError(text(`--date 的值“${o.date}”不是日期。`, `--date "${o.date}" is not a date.`));
    if (date > day) throw new DataError(text(`发出日期 ${date} 在今天（${day}）之后。`, `The issue date ${date} is after today (${day}).`));
    let payBy: string | null = null;
    if (o.payBy !== undefined) {
      payBy = normaliseDate(o.payBy, day);
      if (!payBy) throw new UsageError(text(`--pay-by 的值“${o.payBy}”不是日期：请写成 YYYY-MM-DD。`, `--pay-by "${o.payBy}" is not a date: write it as YYYY-MM-DD.`));
      if (payBy < date) {
        throw new UsageError(
          text(`--pay-by（${payBy}）早于发出日期（${date}）：还款期限不能在通知书发出之前。`, `--pay-by (${payBy}) is before the issue date (${date}): a notice cannot ask for payment before it is issued.`),
        );
      }
    }
    const type = o.type;
    await withSession(ctx, command, ({ db }) => {
      const loan = requireLoan(db, o.loan!);
      const series = getSetting(db, 'notice-series') ?? DEFAULT_NOTICE_SERIES;
      if (!isValidSeries(series)) {
        throw new DataError(text(`通知书编号格式“${series}”无效：请用 config set notice-series 设置，如 {township}-{year}-{seq:4}。`, `The notice series "${series}" is not valid: set one like {township}-{year}-{seq:4} with config set notice-series.`));
      }
      // A guarantor who is released (no timely act within the guarantee period, art. 693) or whose own limitation has
      // run out owes nothing enforceable: demanding of them is most likely a mistake. --force issues it anyway.
      if (type === 'guarantor' && !o.force) {
        const now = today(ctx);
        const [facts] = loanClockFacts(db, { loanId: loan.loanId }, now);
        const g = facts ? loanClockRow(facts, { today: now, periodYears: periodYears(db), withinDays: DEFAULT_EXPIRING_DAYS }).guarantee : null;
        if (g && (g.state === 'released' || g.state === 'limitation-expired')) {
          throw new DataError(
            text(
              `保证人 ${g.guarantor} ${g.state === 'released' ? '已免除保证责任' : '的诉讼时效已届满'}：${g.why.zh} 如确需发出，请加 --force。未使用编号。`,
              `Guarantor ${g.guarantor} ${g.state === 'released' ? 'is released' : "is past their own limitation"}: ${g.why.en} To issue it anyway, add --force. No number was used.`,
            ),
          );
        }
      }
      const letterhead = readLetterhead(db);
      // The output file is checked (its temporary file created) before a number is drawn: a bad path uses no number.
      const file: OutFile | null = o.out ? prepareOutFile(ctx, o.out) : null;
      try {
        const row = issueNotice(db, { loanId: loan.loanId, type, issuedOn: date, series, recordedAt: nowIso(ctx), payBy, force: !!o.force });
        warnNoLender(ctx, letterhead);
        if (file) {
          file.commit(
            renderNotice(row, ctx.lang, file.path, { letterhead }),
            text(`通知书 ${row.noticeNo} 已登记，可用 notice print ${row.noticeNo} 重新打印。`, `Notice ${row.noticeNo} was registered; print it again with notice print ${row.noticeNo}.`),
          );
        }
        if (o.json) out(ctx, asJson(noticeJson(row)));
        else if (o.out) out(ctx, t(ctx, text(`已发出通知书 ${row.noticeNo}（${row.borrower}，${row.loanNo}），已写入 ${o.out}\n`, `Issued notice ${row.noticeNo} (${row.borrower}, ${row.loanNo}); written to ${o.out}\n`)));
        else out(ctx, renderNotice(row, ctx.lang, null, { letterhead }));
      } finally {
        file?.discard();
      }
    });
  };
}
