// Renders the promise list: who promised what by when, what came, the status, and each borrower's broken-promise count.
import type { Lang } from '../domain/text.js';
import { fenToDisplay, fenToPlain } from '../domain/money.js';
import type { PromiseRow } from '../db/promises.js';
import { asJson, renderTable } from './table.js';
import { toCsv } from './csv.js';
import { promiseStatusLabel } from './visits.js';

export interface PromiseListRow extends PromiseRow {
  /** Broken (or partly kept) promises of this borrower's household, over all time. */
  brokenCount: number;
}

export function promisesAsJson(rows: PromiseListRow[]): string {
  return asJson(
    rows.map((p) => ({
      visit_id: p.visitId,
      visit_date: p.visitDate,
      officer: p.officer,
      borrower_id: p.borrowerId,
      borrower: p.borrower,
      township: p.township,
      village: p.village,
      group: p.group,
      loan_no: p.loanNo,
      amount_fen: p.amountFen,
      promise_date: p.dueDate,
      paid_by_date_fen: p.paidByDueFen,
      paid_since_fen: p.paidSinceFen,
      status: p.status,
      broken_count: p.brokenCount,
    })),
  );
}

/** The same fields as promisesAsJson, amounts in yuan (amount, paid_by_date, paid_since). */
export function promisesAsCsv(rows: PromiseListRow[]): string {
  return toCsv(
    ['visit_id', 'visit_date', 'officer', 'borrower_id', 'borrower', 'township', 'village', 'group', 'loan_no', 'amount', 'promise_date', 'paid_by_date', 'paid_since', 'status', 'broken_count'],
    rows.map((p) => [
      p.visitId,
      p.visitDate,
      p.officer,
      p.borrowerId,
      p.borrower,
      p.township,
      p.village,
      p.group,
      p.loanNo,
      fenToPlain(p.amountFen),
      p.dueDate,
      fenToPlain(p.paidByDueFen),
      fenToPlain(p.paidSinceFen),
      p.status,
      p.brokenCount,
    ]),
  );
}

export function promisesAsText(rows: PromiseListRow[], lang: Lang, opts: { ascii?: boolean; width?: number } = {}): string {
  const zh = lang === 'zh';
  if (rows.length === 0) return zh ? '没有符合条件的还款承诺。\n' : 'No promises match.\n';
  const table = renderTable(
    [
      { header: zh ? '借款人' : 'borrower' },
      { header: zh ? '村委' : 'village', maxWidth: 24 },
      { header: zh ? '承诺金额' : 'amount', align: 'right' },
      { header: zh ? '承诺日期' : 'date' },
      { header: zh ? '已还' : 'paid', align: 'right' },
      { header: zh ? '状态' : 'status' },
      { header: zh ? '爽约次数' : 'broken', align: 'right' },
      { header: zh ? '走访' : 'visit' },
    ],
    rows.map((p) => [
      p.borrower,
      [p.village, p.group].filter(Boolean).join(' '),
      fenToDisplay(p.amountFen),
      p.dueDate,
      fenToDisplay(p.status === 'open' ? p.paidSinceFen : p.paidByDueFen),
      promiseStatusLabel(p.status, lang),
      p.brokenCount,
      `#${p.visitId} ${p.visitDate}`,
    ]),
    opts,
  );
  const total = rows.reduce((s, p) => s + p.amountFen, 0);
  return table + (zh ? `共 ${rows.length} 项承诺，合计 ${fenToDisplay(total)} 元\n` : `${rows.length} promise${rows.length === 1 ? '' : 's'}, ${fenToDisplay(total)} in all\n`);
}
