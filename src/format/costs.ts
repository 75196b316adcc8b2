// Renders the cost list and the cost report (by kind, officer and case against cash recovered): text, Markdown, JSON, CSV, Excel.
import type { Lang, Text } from '../domain/text.js';
import { inLang, pick, text } from '../domain/text.js';
import { localIsoDate } from '../domain/isoDate.js';
import { fenToDisplay } from '../domain/money.js';
import { COST_KIND_TEXT, costRatio, type CostKind } from '../domain/cost.js';
import type { CostRow } from '../db/costs.js';
import type { CostReport } from '../report/costs.js';
import { asJson, renderTable, type Column } from './table.js';
import { mdTable, money, percent, share, tableAsCsv, type CsvCell, type DataTable } from './csv.js';
import type { RendererMap } from './render.js';
import { tableSheet, tableWorkbook, workbook } from './xlsx.js';

const kindName = (k: CostKind, lang: Lang) => pick(COST_KIND_TEXT[k], lang);
const T = inLang;

// ---------------------------------------------------------------- the list

/** The local calendar day of a recorded instant (stored in UTC); the text as stored when it is not an instant. */
function localDay(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso.slice(0, 10) : localIsoDate(d);
}

function costJson(c: CostRow) {
  return {
    id: c.id,
    uid: c.uid,
    loan_no: c.loanNo,
    borrower: c.borrower,
    township: c.township,
    village: c.village,
    kind: c.kind,
    amount_fen: c.amountFen,
    date: c.date,
    officer: c.officer,
    note: c.note,
    recorded_at: c.recordedAt,
    void: c.voidedAt ? { reason: c.voidReason, voided_by: c.voidedBy, voided_at: c.voidedAt } : null,
  };
}

export function costsTable(rows: CostRow[]): DataTable {
  return {
    columns: ['cost_id', 'cost_date', 'loan_no', 'borrower', 'township', 'village', 'cost_kind', 'amount', 'officer', 'note', 'created_at', 'void_reason', 'voided_by', 'voided_at'],
    labels: { amount: text('金额', 'Amount') },
    rows: rows.map((c) => [c.id, c.date, c.loanNo, c.borrower, c.township, c.village, c.kind, money(c.amountFen), c.officer, c.note, c.recordedAt, c.voidReason, c.voidedBy, c.voidedAt]),
  };
}

export function costsAsText(rows: CostRow[], lang: Lang, opts: { ascii?: boolean; width?: number } = {}): string {
  if (rows.length === 0) return T(lang, '没有符合条件的费用记录。\n', 'No costs match.\n');
  const table = renderTable(
    [
      { header: T(lang, '编号', 'id'), align: 'right' },
      { header: T(lang, '日期', 'date') },
      { header: T(lang, '合同编号', 'loan') },
      { header: T(lang, '借款人', 'borrower') },
      { header: T(lang, '类别', 'kind') },
      { header: T(lang, '金额', 'amount'), align: 'right' },
      { header: T(lang, '经办人', 'officer') },
      { header: T(lang, '备注', 'note'), maxWidth: 30 },
    ],
    rows.map((c) => [
      `#${c.id}`,
      c.date,
      c.loanNo,
      c.borrower,
      kindName(c.kind, lang),
      fenToDisplay(c.amountFen),
      c.officer,
      [c.note, c.voidedAt ? T(lang, `【已作废：${c.voidReason}（${c.voidedBy}，${localDay(c.voidedAt)}）】`, `[VOID: ${c.voidReason} (${c.voidedBy}, ${localDay(c.voidedAt)})]`) : null].filter(Boolean).join(' '),
    ]),
    opts,
  );
  const live = rows.filter((c) => !c.voidedAt);
  const total = live.reduce((s, c) => s + c.amountFen, 0);
  const voided = rows.length - live.length;
  return (
    table +
    T(
      lang,
      `共 ${live.length} 笔费用，合计 ${fenToDisplay(total)} 元${voided ? `（另有 ${voided} 笔已作废，不计入）` : ''}\n`,
      `${live.length} cost${live.length === 1 ? '' : 's'}, ${fenToDisplay(total)} in all${voided ? ` (${voided} void, not counted)` : ''}\n`,
    )
  );
}

export const costListRenderers: RendererMap<'cost list', CostRow[]> = {
  text: (rows, o) => costsAsText(rows, o.lang, { ascii: o.ascii, width: o.width }),
  json: (rows) => asJson(rows.map(costJson)),
  csv: (rows, o) => tableAsCsv(costsTable(rows), o.headers),
  xlsx: (rows, o) => {
    const t = costsTable(rows);
    const live = rows.filter((c) => !c.voidedAt);
    t.rows.push([null, null, null, null, null, null, T(o.lang, '合计（不含作废）', 'Total (void excluded)'), money(live.reduce((s, c) => s + c.amountFen, 0))]);
    return tableWorkbook(T(o.lang, '费用', 'Costs'), t, o.lang, { styleOf: (i) => (i === rows.length ? 'total' : undefined) });
  },
};

// ---------------------------------------------------------------- the report

function period(r: CostReport, lang: Lang): string {
  if (r.month) return T(lang, `${r.month}（${r.from} 至 ${r.to}）`, `${r.month} (${r.from} to ${r.to})`);
  return T(lang, `截至 ${r.to} 的全部记录`, `everything recorded up to ${r.to}`);
}

function title(r: CostReport, lang: Lang): string {
  return T(lang, `催收费用报告${r.township ? ` — ${r.township}` : ''}：${period(r, lang)}`, `Collection costs${r.township ? ` — ${r.township}` : ''}: ${period(r, lang)}`);
}

function summary(r: CostReport, lang: Lang): string {
  const t = r.totals;
  return T(
    lang,
    `费用 ${t.costs} 笔，合计 ${fenToDisplay(t.costFen)} 元；同期收回现金 ${t.payments} 笔，合计 ${fenToDisplay(t.recoveredFen)} 元（本金 ${fenToDisplay(t.recoveredPrincipalFen)}，利息 ${fenToDisplay(t.recoveredInterestFen)}）；费用占收回比 ${percent(t.ratio)}。`,
    `${t.costs} cost${t.costs === 1 ? '' : 's'}, ${fenToDisplay(t.costFen)} in all; cash recovered in the same scope and period: ${t.payments} payment${t.payments === 1 ? '' : 's'}, ${fenToDisplay(t.recoveredFen)} (principal ${fenToDisplay(t.recoveredPrincipalFen)}, interest ${fenToDisplay(t.recoveredInterestFen)}); cost to recovery ${percent(t.ratio)}.`,
  );
}

function notes(r: CostReport, lang: Lang): string[] {
  return [
    T(
      lang,
      `不属于任何有费用贷款的收回现金：${fenToDisplay(r.totals.recoveredElsewhereFen)} 元（按案件的合计加上这一项等于收回总额）。`,
      `Cash recovered on loans with no cost in the period: ${fenToDisplay(r.totals.recoveredElsewhereFen)} (the case lines plus this make the total).`,
    ),
    T(
      lang,
      '收回现金 = 期间内、范围内贷款上已记录的外访现金收回（作废的走访不计）；只出现在信贷台账里的柜面还款不计入。费用占收回比 = 费用 ÷ 收回现金，无收回时为“-”。作废的费用不计入。',
      'Cash recovered = field cash payments recorded on the scope’s loans in the period (void visits excluded); payments seen only in the back office’s ledger are not counted. Cost to recovery = costs ÷ cash recovered, "-" when nothing was recovered. Void costs are left out.',
    ),
  ];
}

/** The case lines' cost against the cash recovered on those loans. */
function caseTotalRatio(r: CostReport): number | null {
  return costRatio(r.totals.costFen, r.totals.recoveredFen - r.totals.recoveredElsewhereFen);
}

interface Section {
  heading: Text;
  columns: Column[];
  rows: (string | number)[][];
  total: (string | number)[];
}

function sections(r: CostReport, lang: Lang): Section[] {
  const t = r.totals;
  const totalLabel = T(lang, '合计', 'total');
  const moneyCol = (zh: string, en: string): Column => ({ header: T(lang, zh, en), align: 'right' });
  return [
    {
      heading: text('按费用类别', 'By kind'),
      columns: [{ header: T(lang, '类别', 'kind') }, moneyCol('笔数', 'costs'), moneyCol('金额', 'amount'), moneyCol('占比', 'share')],
      rows: r.byKind.map((k) => [kindName(k.kind, lang), k.costs, fenToDisplay(k.costFen), percent(k.share)]),
      total: [totalLabel, t.costs, fenToDisplay(t.costFen), t.costFen > 0 ? '100.0%' : '-'],
    },
    {
      heading: text('按经办人（费用）与催收员（收回）', 'By officer (who spent; who collected)'),
      columns: [{ header: T(lang, '人员', 'officer') }, moneyCol('费用笔数', 'costs'), moneyCol('费用', 'cost'), moneyCol('收回笔数', 'payments'), moneyCol('收回现金', 'recovered'), moneyCol('费用占收回比', 'cost/recovered')],
      rows: r.byOfficer.map((x) => [x.officer, x.costs, fenToDisplay(x.costFen), x.payments, fenToDisplay(x.recoveredFen), percent(x.ratio)]),
      total: [totalLabel, t.costs, fenToDisplay(t.costFen), t.payments, fenToDisplay(t.recoveredFen), percent(t.ratio)],
    },
    {
      heading: text('按案件（贷款）', 'By case (loan)'),
      columns: [
        { header: T(lang, '合同编号', 'loan') },
        { header: T(lang, '借款人', 'borrower') },
        { header: T(lang, '村委', 'committee'), maxWidth: 20 },
        moneyCol('费用笔数', 'costs'),
        moneyCol('费用', 'cost'),
        moneyCol('收回现金', 'recovered'),
        moneyCol('费用占收回比', 'cost/recovered'),
      ],
      rows: r.byCase.map((x) => [x.loanNo, x.borrower, x.village, x.costs, fenToDisplay(x.costFen), fenToDisplay(x.recoveredFen), percent(x.ratio)]),
      total: [totalLabel, '', '', t.costs, fenToDisplay(t.costFen), fenToDisplay(t.recoveredFen - t.recoveredElsewhereFen), percent(caseTotalRatio(r))],
    },
  ];
}

export function costReportAsText(r: CostReport, lang: Lang, opts: { ascii?: boolean; width?: number }): string {
  let out = `${title(r, lang)}\n${summary(r, lang)}\n`;
  for (const s of sections(r, lang)) {
    out += `\n${pick(s.heading, lang)}\n`;
    out += s.rows.length ? renderTable(s.columns, [...s.rows, s.total], opts) : T(lang, '（无）\n', '(none)\n');
  }
  return out + '\n' + notes(r, lang).join('\n') + '\n';
}

export function costReportAsMarkdown(r: CostReport, lang: Lang): string {
  let out = `# ${title(r, lang)}\n\n${summary(r, lang)}\n`;
  for (const s of sections(r, lang)) {
    out += `\n## ${pick(s.heading, lang)}\n\n`;
    const right = s.columns.map((c, i) => (c.align === 'right' ? i : -1)).filter((i) => i >= 0);
    const bold = s.total.map((c) => (c === '' ? '' : `**${c}**`));
    out += s.rows.length ? mdTable(s.columns.map((c) => c.header), [...s.rows, bold], right) : T(lang, '（无）\n', '(none)\n');
  }
  return out + '\n' + notes(r, lang).map((n) => `- ${n}`).join('\n') + '\n';
}

export function costReportJson(r: CostReport) {
  const t = r.totals;
  return {
    today: r.today,
    month: r.month,
    from: r.from,
    to: r.to,
    township: r.township,
    totals: {
      costs: t.costs,
      cost_fen: t.costFen,
      payments: t.payments,
      recovered_principal_fen: t.recoveredPrincipalFen,
      recovered_interest_fen: t.recoveredInterestFen,
      recovered_fen: t.recoveredFen,
      recovered_elsewhere_fen: t.recoveredElsewhereFen,
      ratio: t.ratio,
    },
    by_kind: r.byKind.map((k) => ({ kind: k.kind, costs: k.costs, cost_fen: k.costFen, share: k.share })),
    by_officer: r.byOfficer.map((x) => ({ officer: x.officer, costs: x.costs, cost_fen: x.costFen, payments: x.payments, recovered_fen: x.recoveredFen, ratio: x.ratio })),
    by_case: r.byCase.map((x) => ({
      loan_no: x.loanNo,
      borrower: x.borrower,
      township: x.township,
      village: x.village,
      costs: x.costs,
      cost_fen: x.costFen,
      payments: x.payments,
      recovered_fen: x.recoveredFen,
      ratio: x.ratio,
    })),
  };
}

/** One table for CSV: a row per kind, officer and case, then the total; `section` says which. */
function costReportTable(r: CostReport): DataTable {
  const t = r.totals;
  const rows: CsvCell[][] = [
    ...r.byKind.map((k): CsvCell[] => ['kind', k.kind, null, null, null, k.costs, money(k.costFen), null, null, share(k.share)]),
    ...r.byOfficer.map((x): CsvCell[] => ['officer', x.officer, null, null, null, x.costs, money(x.costFen), x.payments, money(x.recoveredFen), share(x.ratio)]),
    ...r.byCase.map((x): CsvCell[] => ['case', x.loanNo, x.borrower, x.township, x.village, x.costs, money(x.costFen), x.payments, money(x.recoveredFen), share(x.ratio)]),
    ['total', null, null, null, null, t.costs, money(t.costFen), t.payments, money(t.recoveredFen), share(t.ratio)],
  ];
  return { columns: ['section', 'key', 'borrower', 'township', 'village', 'costs', 'cost', 'payments', 'recovered', 'cost_ratio'], rows };
}

/** Three sheets (by kind, by officer, by case), each with its total in bold; money as numbers in #,##0.00. */
function costReportAsXlsx(r: CostReport, lang: Lang): Promise<Uint8Array> {
  const t = r.totals;
  const head = title(r, lang);
  const total = T(lang, '合计', 'Total');
  const kinds = tableSheet(
    T(lang, '按类别', 'By kind'),
    {
      columns: ['cost_kind', 'costs', 'cost', 'cost_ratio'],
      labels: { cost_ratio: text('占比', 'Share') },
      rows: [...r.byKind.map((k): CsvCell[] => [kindName(k.kind, lang), k.costs, money(k.costFen), share(k.share)]), [total, t.costs, money(t.costFen), share(t.costFen > 0 ? 1 : null)]],
    },
    lang,
    { title: head, styleOf: (i) => (i === r.byKind.length ? 'total' : undefined), notes: [summary(r, lang), ...notes(r, lang)] },
  );
  const officers = tableSheet(
    T(lang, '按人员', 'By officer'),
    {
      columns: ['officer', 'costs', 'cost', 'payments', 'recovered', 'cost_ratio'],
      rows: [
        ...r.byOfficer.map((x): CsvCell[] => [x.officer, x.costs, money(x.costFen), x.payments, money(x.recoveredFen), share(x.ratio)]),
        [total, t.costs, money(t.costFen), t.payments, money(t.recoveredFen), share(t.ratio)],
      ],
    },
    lang,
    { title: head, styleOf: (i) => (i === r.byOfficer.length ? 'total' : undefined) },
  );
  const caseRecovered = t.recoveredFen - t.recoveredElsewhereFen;
  const cases = tableSheet(
    T(lang, '按案件', 'By case'),
    {
      columns: ['loan_no', 'borrower', 'township', 'village', 'costs', 'cost', 'payments', 'recovered', 'cost_ratio'],
      rows: [
        ...r.byCase.map((x): CsvCell[] => [x.loanNo, x.borrower, x.township, x.village, x.costs, money(x.costFen), x.payments, money(x.recoveredFen), share(x.ratio)]),
        [total, null, null, null, t.costs, money(t.costFen), r.byCase.reduce((s, x) => s + x.payments, 0), money(caseRecovered), share(caseTotalRatio(r))],
      ],
    },
    lang,
    { title: head, styleOf: (i) => (i === r.byCase.length ? 'total' : undefined), notes: [notes(r, lang)[0]!] },
  );
  return workbook([kinds, officers, cases]);
}

export const costReportRenderers: RendererMap<'report costs', CostReport> = {
  text: (r, o) => costReportAsText(r, o.lang, { ascii: o.ascii, width: o.width }),
  md: (r, o) => costReportAsMarkdown(r, o.lang),
  json: (r) => asJson(costReportJson(r)),
  csv: (r, o) => tableAsCsv(costReportTable(r), o.headers),
  xlsx: (r, o) => costReportAsXlsx(r, o.lang),
};
