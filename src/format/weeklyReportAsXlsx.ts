// The weekly report as an Excel workbook: the summary in words (with the letterhead and signature lines when given), the table by committee with subtotals and totals, next week's promises, and the matters to escalate.
import type { Lang } from '../domain/text.js';
import type { WeeklyReport } from '../report/buildWeeklyReport.js';
import { columnLabel } from './columns.js';
import type { LetterheadLike } from './render.js';
import { money } from './csv.js';
import { FIGURE_COLUMNS, figureCells } from './weeklyReportAsCsv.js';
import { dateRange, sectionLabel, weeklyReportDoc, type Block } from './weeklyReportDoc.js';
import { workbook, type XRow, type XSheet } from './xlsx.js';

export interface WeeklyXlsxOptions {
  lang: Lang;
  letterhead?: LetterheadLike;
  /** The date on the signature line; the report's last day when absent. */
  today?: string;
}


function blockRows(b: Block): XRow[] {
  switch (b.kind) {
    case 'paragraph':
      return [{ cells: [b.text], style: 'prose' }];
    case 'list':
      return b.items.map((it, i) => ({ cells: [`${b.ordered ? `${i + 1}.` : '•'} ${it}`], style: 'prose' }));
    case 'table':
      return []; // the table has its own sheet, with typed figures
    case 'reconciliation':
      return b.lines.map((l) => ({ cells: [`${l.text} ${l.holds ? '✓' : '✗'}`], style: 'prose' }));
  }
}

function summarySheet(r: WeeklyReport, o: WeeklyXlsxOptions): XSheet {
  const zh = o.lang === 'zh';
  const doc = weeklyReportDoc(r, o.lang);
  const rows: XRow[] = [];
  const lh = o.letterhead;
  if (lh && (lh.institution || lh.branch)) {
    rows.push({ cells: [[lh.institution, lh.branch].filter(Boolean).join(' ')], style: 'title' });
    const contact = [lh.address ? `${zh ? '地址：' : 'Address: '}${lh.address}` : null, lh.phone ? `${zh ? '电话：' : 'Phone: '}${lh.phone}` : null].filter(Boolean);
    if (contact.length) rows.push({ cells: [contact.join(zh ? '　' : '   ')], style: 'note' });
  }
  rows.push({ cells: [doc.title], style: 'title' });
  if (doc.subtitle) rows.push({ cells: [doc.subtitle], style: 'note' });
  for (const part of doc.parts) {
    if (part.blocks.every((b) => b.kind === 'table')) continue;
    rows.push({ cells: [] }, { cells: [part.heading], style: 'heading' });
    for (const b of part.blocks) rows.push(...blockRows(b));
  }
  rows.push({ cells: [] }, { cells: [zh ? '分村委统计见“分村委统计”工作表。' : 'The figures by committee are on the "By committee" sheet.'], style: 'note' });
  if (lh) {
    const date = o.today ?? r.week.end;
    rows.push(
      { cells: [] },
      { cells: [`${zh ? '制表人：' : 'Preparer: '}${lh.preparer ?? ''}`], style: 'note' },
      { cells: [`${zh ? '审核人：' : 'Reviewer: '}${lh.reviewer ?? ''}`], style: 'note' },
      { cells: [`${zh ? '日期：' : 'Date: '}${dateRange(o.lang, date, date, true)}`], style: 'note' },
    );
  }
  return { name: zh ? '周报' : 'Report', rows, widths: [100] };
}

function committeeSheet(r: WeeklyReport, lang: Lang): XSheet {
  const zh = lang === 'zh';
  const head = ['township', 'area', 'village', ...FIGURE_COLUMNS].map((c) => columnLabel(c, lang));
  const rows: XRow[] = [{ cells: [weeklyReportDoc(r, lang).title], style: 'title' }, { cells: head, style: 'header' }];
  for (const s of r.sections) {
    for (const v of s.villages) rows.push({ cells: [s.township, s.area, v.village, ...figureCells(v)] });
    if (r.sections.length > 1) rows.push({ cells: [s.township, s.area, `${sectionLabel(s)} ${zh ? '小计' : 'subtotal'}`, ...figureCells(s)], style: 'subtotal' });
  }
  rows.push({ cells: [zh ? '合计' : 'Total', null, null, ...figureCells(r.totals)], style: 'total' });
  return { name: zh ? '分村委统计' : 'By committee', rows, freezeRows: 2 };
}

function nextWeekSheet(r: WeeklyReport, lang: Lang): XSheet {
  const zh = lang === 'zh';
  const due = r.nextWeek.promisesDue;
  const rows: XRow[] = [
    {
      cells: [zh ? `下周（${r.nextWeek.start} 至 ${r.nextWeek.end}）到期的还款承诺` : `Promises falling due ${r.nextWeek.start} to ${r.nextWeek.end}`],
      style: 'title',
    },
    { cells: ['promise_date', 'borrower', 'amount', 'township', 'village', 'group', 'loan_no'].map((c) => columnLabel(c, lang)), style: 'header' },
    ...due.map((p): XRow => ({ cells: [{ date: p.dueDate }, p.borrower, money(p.amountFen), p.township, p.village, p.group, p.loanNo] })),
    { cells: [zh ? '合计' : 'Total', `${due.length}${zh ? ' 笔' : due.length === 1 ? ' promise' : ' promises'}`, money(due.reduce((a, p) => a + p.amountFen, 0))], style: 'total' },
    { cells: [] },
    { cells: [zh ? `下周走访乡镇：${r.nextWeek.township ?? '（待定）'}` : `Next township: ${r.nextWeek.township ?? '(to be decided)'}`], style: 'note' },
  ];
  return { name: zh ? '下周跟进' : 'Next week', rows, freezeRows: 2 };
}

function mattersSheet(r: WeeklyReport, lang: Lang): XSheet {
  const zh = lang === 'zh';
  const labels = { former: zh ? '原村委' : 'Formerly', text: zh ? '事项' : 'Matter' };
  const rows: XRow[] = [
    { cells: [zh ? '需协调解决的事项' : 'Matters to escalate'], style: 'title' },
    { cells: [columnLabel('visit_date', lang), columnLabel('village', lang), columnLabel('group', lang), labels.former, columnLabel('borrower', lang), labels.text], style: 'header' },
    ...r.totals.matters.map((m): XRow => ({ cells: [{ date: m.date }, m.village, m.group, m.formerVillage, m.borrower, m.text] })),
  ];
  return { name: zh ? '需协调事项' : 'Matters', rows, freezeRows: 2 };
}

export function weeklyReportAsXlsx(r: WeeklyReport, o: WeeklyXlsxOptions): Promise<Uint8Array> {
  return workbook([summarySheet(r, o), committeeSheet(r, o.lang), nextWeekSheet(r, o.lang), mattersSheet(r, o.lang)]);
}
