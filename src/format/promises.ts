// Renders the promise list: who promised what by when, what came, the status, and each borrower's broken-promise count.
import type { Lang } from '../domain/text.js';
import { fenToDisplay } from '../domain/money.js';
import type { PromiseRow } from '../db/promises.js';
import { asJson, renderTable } from './table.js';
import { money, tableAsCsv, type DataTable } from './csv.js';
import type { RendererMap } from './render.js';
import type { CsvHeaders } from './registry.js';
import { tableWorkbook } from './xlsx.js';
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
export function promisesTable(rows: PromiseListRow[]): DataTable {
  return {
    columns: ['visit_id', 'visit_date', 'officer', 'borrower_id', 'borrower', 'township', 'village', 'group', 'loan_no', 'amount', 'promise_date', 'paid_by_date', 'paid_since', 'status', 'broken_count'],
    rows: rows.map((p) => [
      p.visitId,
      p.visitDate,
      p.officer,
      p.borrowerId,
      p.borrower,
      p.township,
      p.village,
      p.group,
      p.loanNo,
      money(p.amountFen),
      p.dueDate,
      money(p.paidByDueFen),
      money(p.paidSinceFen),
      p.status,
      p.brokenCount,
    ]),
  };
}

export function promisesAsCsv(rows: PromiseListRow[], headers: CsvHeaders = 'en'): string {
  return tableAsCsv(promisesTable(rows), headers);
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

export const promiseListRenderers: RendererMap<'promise list', PromiseListRow[]> = {
  text: (rows, o) => promisesAsText(rows, o.lang, { ascii: o.ascii, width: o.width }),
  json: (rows) => promisesAsJson(rows),
  csv: (rows, o) => promisesAsCsv(rows, o.headers),
  xlsx: (rows, o) => {
    const t = promisesTable(rows);
    t.rows.push([null, null, null, null, o.lang === 'zh' ? '合计' : 'Total', null, null, null, null, money(rows.reduce((a, p) => a + p.amountFen, 0))]);
    return tableWorkbook(o.lang === 'zh' ? '还款承诺' : 'Promises', t, o.lang, { styleOf: (i) => (i === rows.length ? 'total' : undefined) });
  },
};
