// Renders the aging report: text, Markdown, JSON, CSV.
import type { Lang } from '../domain/text.js';
import { pick } from '../domain/text.js';
import { fenToDisplay } from '../domain/money.js';
import { AGING_BUCKET_TEXT, type AgingLine, type AgingReport } from '../report/aging.js';
import { asJson, renderTable } from './table.js';
import { mdTable, money, percent, share, tableAsCsv, type DataTable } from './csv.js';
import type { RendererMap } from './render.js';
import type { CsvHeaders } from './registry.js';
import { tableWorkbook } from './xlsx.js';

function label(l: AgingLine, lang: Lang): string {
  return l.bucket === 'total' ? (lang === 'zh' ? '合计' : 'total') : pick(AGING_BUCKET_TEXT[l.bucket], lang);
}

const headers = (zh: boolean) => [
  zh ? '逾期时间' : 'past due',
  zh ? '户数' : 'households',
  zh ? '笔数' : 'loans',
  zh ? '未收本金' : 'principal',
  zh ? '未收利息' : 'interest',
  zh ? '已收本金' : 'recovered principal',
  zh ? '已收利息' : 'recovered interest',
  zh ? '收回比例' : 'recovered share',
];

function cells(l: AgingLine, lang: Lang): string[] {
  return [
    label(l, lang),
    String(l.households),
    String(l.loans),
    fenToDisplay(l.principalFen),
    fenToDisplay(l.interestFen),
    fenToDisplay(l.recoveredPrincipalFen),
    fenToDisplay(l.recoveredInterestFen),
    percent(l.recoveredShare),
  ];
}

function title(r: AgingReport, lang: Lang): string {
  return lang === 'zh' ? `账龄报告${r.township ? ` — ${r.township}` : ''}（截至 ${r.today}）` : `Aging report${r.township ? ` — ${r.township}` : ''} (as of ${r.today})`;
}

function note(lang: Lang): string {
  return lang === 'zh'
    ? '收回比例 = 已记录的还款 ÷（已记录的还款 + 未收余额）；按贷款当前的逾期时间分档。合计行的户数为不重复户数。\n'
    : 'Recovered share = payments on record ÷ (payments on record + still owed), by each loan’s current time past due. The total counts each household once.\n';
}

export function agingAsText(r: AgingReport, lang: Lang, opts: { ascii?: boolean; width?: number }): string {
  const zh = lang === 'zh';
  const rows = [...r.lines, r.total].map((l) => cells(l, lang));
  return `${title(r, lang)}\n` + renderTable(headers(zh).map((h, i) => ({ header: h, align: i === 0 ? ('left' as const) : ('right' as const) })), rows, opts) + note(lang);
}

export function agingAsMarkdown(r: AgingReport, lang: Lang): string {
  const zh = lang === 'zh';
  return `# ${title(r, lang)}\n\n` + mdTable(headers(zh), [...r.lines, r.total].map((l) => cells(l, lang)), [1, 2, 3, 4, 5, 6, 7]) + '\n' + note(lang);
}

function lineJson(l: AgingLine) {
  return {
    bucket: l.bucket,
    households: l.households,
    loans: l.loans,
    principal_fen: l.principalFen,
    interest_fen: l.interestFen,
    recovered_principal_fen: l.recoveredPrincipalFen,
    recovered_interest_fen: l.recoveredInterestFen,
    recovered_share: l.recoveredShare,
  };
}

export function agingAsJson(r: AgingReport): string {
  return asJson({ today: r.today, township: r.township, buckets: r.lines.map(lineJson), total: lineJson(r.total) });
}

/** Every bucket and the total; the bucket as its code (CSV) or, given a language, its name (a workbook). */
function agingTable(r: AgingReport, lang?: Lang): DataTable {
  return {
    columns: ['bucket', 'households', 'loans', 'principal', 'interest', 'recovered_principal', 'recovered_interest', 'recovered_share'],
    labels: { principal: { zh: '未收本金', en: 'Principal owed' }, interest: { zh: '未收利息', en: 'Interest owed' } },
    rows: [...r.lines, r.total].map((l) => [
      lang ? label(l, lang) : l.bucket,
      l.households,
      l.loans,
      money(l.principalFen),
      money(l.interestFen),
      money(l.recoveredPrincipalFen),
      money(l.recoveredInterestFen),
      share(l.recoveredShare),
    ]),
  };
}

export function agingAsCsv(r: AgingReport, headers: CsvHeaders = 'en'): string {
  return tableAsCsv(agingTable(r), headers);
}

export const agingRenderers: RendererMap<'report aging', AgingReport> = {
  text: (r, o) => agingAsText(r, o.lang, { ascii: o.ascii, width: o.width }),
  md: (r, o) => agingAsMarkdown(r, o.lang),
  json: (r) => agingAsJson(r),
  csv: (r, o) => agingAsCsv(r, o.headers),
  xlsx: (r, o) =>
    tableWorkbook(o.lang === 'zh' ? '账龄' : 'Aging', agingTable(r, o.lang), o.lang, {
      title: title(r, o.lang),
      styleOf: (i) => (i === r.lines.length ? 'total' : undefined),
      notes: [note(o.lang).trim()],
    }),
};
