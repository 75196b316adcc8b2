// Renders the officers report: text, Markdown, JSON, CSV.
import type { Lang } from '../domain/text.js';
import { fenToDisplay } from '../domain/money.js';
import type { OfficerLine, OfficerReport } from '../report/officers.js';
import { asJson, renderTable } from './table.js';
import { mdTable, money, percent, share, tableAsCsv, type CsvCell, type DataTable } from './csv.js';
import type { RendererMap } from './render.js';
import type { CsvHeaders } from './registry.js';
import { tableWorkbook } from './xlsx.js';

const headers = (zh: boolean) => [
  zh ? '催收员' : 'officer',
  zh ? '外访次数/指标' : 'visits / quota',
  zh ? '完成率' : 'of quota',
  zh ? '走访户数' : 'households',
  zh ? '签回通知书' : 'notices signed',
  zh ? '收回本金' : 'principal',
  zh ? '收回利息' : 'interest',
  zh ? '还款意向' : 'intents',
  zh ? '兑现/爽约' : 'kept / broken',
  zh ? '兑现率' : 'kept rate',
  zh ? '其他联系' : 'other contacts',
];

function cells(l: OfficerLine, lang: Lang): string[] {
  return [
    l.officer || (lang === 'zh' ? '合计' : 'total'),
    `${l.visits}/${l.quota}`,
    percent(l.quotaShare),
    String(l.households),
    String(l.noticesSigned),
    fenToDisplay(l.principalFen),
    fenToDisplay(l.interestFen),
    String(l.intents),
    `${l.promisesKept}/${l.promisesBroken}`,
    percent(l.keptRate),
    String(otherContacts(l)),
  ];
}

/** Calls, messages, letters and office contacts together (field visits are the quota's measure). */
function otherContacts(l: OfficerLine): number {
  return Object.values(l.contacts ?? {}).reduce((a, n) => a + n, 0);
}

function title(r: OfficerReport, lang: Lang): string {
  return lang === 'zh'
    ? `催收员月报 ${r.month}${r.township ? ` — ${r.township}` : ''}（${r.from} 至 ${r.to}，每月指标 ${r.quota} 次外访）`
    : `Officers, ${r.month}${r.township ? ` — ${r.township}` : ''} (${r.from} to ${r.to}, quota ${r.quota} field visits a month)`;
}

function note(r: OfficerReport, lang: Lang): string {
  return lang === 'zh'
    ? `承诺：本月到期的还款意向（截至 ${r.today}）；部分兑现计为爽约。作废的走访不计入。\n`
    : `Promises: repayment intents falling due in the month (as of ${r.today}); partly kept counts as broken. Void visits do not count.\n`;
}

export function officersAsText(r: OfficerReport, lang: Lang, opts: { ascii?: boolean; width?: number }): string {
  const zh = lang === 'zh';
  if (r.lines.length === 0) return `${title(r, lang)}\n${zh ? '本月没有走访记录。' : 'No visits this month.'}\n`;
  return `${title(r, lang)}\n` + renderTable(headers(zh).map((h, i) => ({ header: h, align: i === 0 ? ('left' as const) : ('right' as const) })), [...r.lines, r.total].map((l) => cells(l, lang)), opts) + note(r, lang);
}

export function officersAsMarkdown(r: OfficerReport, lang: Lang): string {
  const zh = lang === 'zh';
  return `# ${title(r, lang)}\n\n` + mdTable(headers(zh), [...r.lines, r.total].map((l) => cells(l, lang)), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) + '\n' + note(r, lang);
}

function lineJson(l: OfficerLine) {
  return {
    officer: l.officer || null,
    visits: l.visits,
    quota: l.quota,
    quota_share: l.quotaShare,
    households: l.households,
    notices_signed: l.noticesSigned,
    principal_fen: l.principalFen,
    interest_fen: l.interestFen,
    intents: l.intents,
    promises_kept: l.promisesKept,
    promises_broken: l.promisesBroken,
    promises_open: l.promisesOpen,
    kept_rate: l.keptRate,
    contacts_by_channel: l.contacts ?? {},
  };
}

export function officersAsJson(r: OfficerReport): string {
  return asJson({ month: r.month, from: r.from, to: r.to, today: r.today, quota: r.quota, township: r.township, officers: r.lines.map(lineJson), total: lineJson(r.total) });
}

function lineCells(l: OfficerLine, officer: string | null): CsvCell[] {
  return [
    officer,
    l.visits,
    l.quota,
    share(l.quotaShare),
    l.households,
    l.noticesSigned,
    money(l.principalFen),
    money(l.interestFen),
    l.intents,
    l.promisesKept,
    l.promisesBroken,
    l.promisesOpen,
    share(l.keptRate),
    otherContacts(l),
  ];
}

const OFFICER_COLUMNS = ['officer', 'visits', 'quota', 'quota_share', 'households', 'notices_signed', 'principal', 'interest', 'intents', 'promises_kept', 'promises_broken', 'promises_open', 'kept_rate', 'other_contacts'];
const OFFICER_LABELS = {
  principal: { zh: '收回本金', en: 'Principal collected' },
  interest: { zh: '收回利息', en: 'Interest collected' },
  other_contacts: { zh: '其他方式联系', en: 'Other contacts' },
};

export function officersAsCsv(r: OfficerReport, headers: CsvHeaders = 'en'): string {
  return tableAsCsv({ columns: OFFICER_COLUMNS, labels: OFFICER_LABELS, rows: r.lines.map((l) => lineCells(l, l.officer)) }, headers);
}

/** The officers and, in bold, their total. */
function officersWorkbookTable(r: OfficerReport, lang: Lang): DataTable {
  return { columns: OFFICER_COLUMNS, labels: OFFICER_LABELS, rows: [...r.lines.map((l) => lineCells(l, l.officer)), lineCells(r.total, lang === 'zh' ? '合计' : 'Total')] };
}

export const officersRenderers: RendererMap<'report officers', OfficerReport> = {
  text: (r, o) => officersAsText(r, o.lang, { ascii: o.ascii, width: o.width }),
  md: (r, o) => officersAsMarkdown(r, o.lang),
  json: (r) => officersAsJson(r),
  csv: (r, o) => officersAsCsv(r, o.headers),
  xlsx: (r, o) =>
    tableWorkbook(o.lang === 'zh' ? '催收员月报' : 'Officers', officersWorkbookTable(r, o.lang), o.lang, {
      title: title(r, o.lang),
      styleOf: (i) => (i === r.lines.length ? 'total' : undefined),
      notes: [note(r, o.lang).trim()],
    }),
};
