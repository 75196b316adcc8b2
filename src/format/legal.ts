// Renders the legal view (cases by stage, deadlines coming, candidates for a lawsuit with their reasons): text, Markdown, JSON, CSV, Excel.
import type { Lang } from '../domain/text.js';
import { inLang, pick } from '../domain/text.js';
import { fenToDisplay } from '../domain/money.js';
import { STAGE_TEXT, STATUS_TEXT } from '../domain/limitation.js';
import { REPEAT_THRESHOLD, type CandidateLine, type CandidateReason, type CaseLine, type DeadlineKind, type DeadlineLine, type LegalReport } from '../report/legal.js';
import { asJson, renderTable, type Column } from './table.js';
import { mdTable, money, tableAsCsv, type CsvCell, type DataTable } from './csv.js';
import type { RendererMap } from './render.js';
import { tableSheet, workbook } from './xlsx.js';

const T = inLang;

const DEADLINE_TEXT: Record<DeadlineKind, { zh: string; en: string }> = {
  'enforcement-application': { zh: '申请强制执行期限（判决履行期限届满后 2 年）', en: 'apply for enforcement (2 years after the last day of performance)' },
  'guarantee-period': { zh: '保证期间届满（期间内须向保证人主张或起诉）', en: 'guarantee period ends (act within it or the guarantor is released)' },
  'guarantor-limitation': { zh: '保证人的诉讼时效届满', en: "the guarantor's limitation runs out" },
};

export function reasonText(x: CandidateReason, lang: Lang): string {
  switch (x.code) {
    case 'expiring-large-balance':
      return T(lang, `诉讼时效 ${x.expires} 届满（还有 ${x.daysLeft} 天），欠款 ${fenToDisplay(x.balanceFen)} 元`, `limitation expires ${x.expires} (in ${x.daysLeft} days) with ${fenToDisplay(x.balanceFen)} owed`);
    case 'repeated-refusals':
      return T(lang, `拒签 ${x.count} 次（${x.dates.join('、')}）`, `refused to sign ${x.count} times (${x.dates.join(', ')})`);
    case 'broken-promises':
      return T(lang, `爽约 ${x.count} 次（承诺日期 ${x.dates.join('、')}）`, `${x.count} broken promises (due ${x.dates.join(', ')})`);
  }
}

function candidateReasons(c: CandidateLine, lang: Lang): string {
  const parts = c.reasons.map((x) => reasonText(x, lang));
  if (c.referredOn) parts.push(T(lang, `已于 ${c.referredOn} 移交法务`, `referred to the legal department on ${c.referredOn}`));
  return parts.join(T(lang, '；', '; '));
}

const balance = (x: { principalFen: number; interestFen: number }) => fenToDisplay(x.principalFen + x.interestFen);

function title(r: LegalReport, lang: Lang): string {
  return T(lang, `法务视图${r.township ? ` — ${r.township}` : ''}（截至 ${r.today}，提示 ${r.withinDays} 天内的期限）`, `Legal view${r.township ? ` — ${r.township}` : ''} (as of ${r.today}, deadlines within ${r.withinDays} days)`);
}

function counts(r: LegalReport, lang: Lang): string {
  const parts = r.stages.map((s) => `${pick(STAGE_TEXT[s.stage], lang)} ${s.loans.length}`);
  return T(
    lang,
    `各阶段案件：${parts.join('，')}；${r.withinDays} 天内的期限 ${r.deadlines.length} 项；起诉候选 ${r.candidates.length} 笔。`,
    `Cases by stage: ${parts.join(', ')}; ${r.deadlines.length} deadline(s) within ${r.withinDays} days; ${r.candidates.length} candidate(s) for a lawsuit.`,
  );
}

function footer(r: LegalReport, lang: Lang): string[] {
  return [
    T(
      lang,
      `起诉候选：尚未起诉、仍有欠款，且满足其一——诉讼时效即将届满且欠款不少于 ${fenToDisplay(r.minBalanceFen)} 元；拒签通知书 ${REPEAT_THRESHOLD} 次以上；爽约（含部分兑现）${REPEAT_THRESHOLD} 次以上。`,
      `Candidates: not yet filed, still owing, and at least one of — limitation expiring with at least ${fenToDisplay(r.minBalanceFen)} owed; ${REPEAT_THRESHOLD} or more refusals to sign a notice; ${REPEAT_THRESHOLD} or more broken (or partly kept) promises.`,
    ),
    T(lang, '本报告仅为辅助提示，不构成法律意见。', 'An aid, not legal advice.'),
  ];
}

const caseColumns = (lang: Lang): Column[] => [
  { header: T(lang, '合同编号', 'loan') },
  { header: T(lang, '借款人', 'borrower') },
  { header: T(lang, '村委', 'committee'), maxWidth: 16 },
  { header: T(lang, '阶段日期', 'since') },
  { header: T(lang, '法院', 'court'), maxWidth: 20 },
  { header: T(lang, '案号', 'case no.'), maxWidth: 24 },
  { header: T(lang, '律师', 'lawyer') },
  { header: T(lang, '履行期限/结果', 'perform by / result') },
  { header: T(lang, '欠款', 'owed'), align: 'right' },
];
const caseCells = (x: CaseLine): string[] => [x.loanNo, x.borrower, x.village, x.since, x.court ?? '', x.caseNo ?? '', x.lawyer ?? '', x.result ?? x.performBy ?? '', balance(x)];

const deadlineColumns = (lang: Lang): Column[] => [
  { header: T(lang, '合同编号', 'loan') },
  { header: T(lang, '借款人', 'borrower') },
  { header: T(lang, '期限', 'deadline'), maxWidth: 30 },
  { header: T(lang, '届至', 'date') },
  { header: T(lang, '剩余天数', 'days left'), align: 'right' },
  { header: T(lang, '保证人', 'guarantor') },
  { header: T(lang, '阶段', 'stage') },
];
const deadlineCells = (x: DeadlineLine, lang: Lang): string[] => [
  x.loanNo,
  x.borrower,
  DEADLINE_TEXT[x.kind][lang],
  x.date,
  String(x.daysLeft),
  x.guarantor ?? '',
  x.stage ? pick(STAGE_TEXT[x.stage], lang) : '',
];

const candidateColumns = (lang: Lang): Column[] => [
  { header: T(lang, '合同编号', 'loan') },
  { header: T(lang, '借款人', 'borrower') },
  { header: T(lang, '村委', 'committee'), maxWidth: 16 },
  { header: T(lang, '欠款', 'owed'), align: 'right' },
  { header: T(lang, '时效', 'limitation') },
  { header: T(lang, '原因', 'reasons'), maxWidth: 48 },
];
const candidateCells = (x: CandidateLine, lang: Lang): string[] => [
  x.loanNo,
  x.borrower,
  x.village,
  balance(x),
  x.status ? `${pick(STATUS_TEXT[x.status], lang)}${x.expires ? ` ${x.expires}` : ''}` : '-',
  candidateReasons(x, lang),
];

const none = (lang: Lang) => T(lang, '（无）\n', '(none)\n');

export function legalReportAsText(r: LegalReport, lang: Lang, opts: { ascii?: boolean; width?: number }): string {
  let out = `${title(r, lang)}\n${counts(r, lang)}\n`;
  for (const s of r.stages) {
    if (s.loans.length === 0) continue;
    out += `\n${T(lang, '阶段', 'Stage')}: ${pick(STAGE_TEXT[s.stage], lang)} (${s.loans.length})\n`;
    out += renderTable(caseColumns(lang), s.loans.map(caseCells), opts);
  }
  out += `\n${T(lang, `${r.withinDays} 天内的期限`, `Deadlines within ${r.withinDays} days`)}\n`;
  out += r.deadlines.length ? renderTable(deadlineColumns(lang), r.deadlines.map((x) => deadlineCells(x, lang)), opts) : none(lang);
  out += `\n${T(lang, '起诉候选', 'Candidates for a lawsuit')}\n`;
  out += r.candidates.length ? renderTable(candidateColumns(lang), r.candidates.map((x) => candidateCells(x, lang)), opts) : none(lang);
  return out + '\n' + footer(r, lang).join('\n') + '\n';
}

export function legalReportAsMarkdown(r: LegalReport, lang: Lang): string {
  const md = (cols: Column[], rows: string[][]) => (rows.length ? mdTable(cols.map((c) => c.header), rows, cols.map((c, i) => (c.align === 'right' ? i : -1)).filter((i) => i >= 0)) : none(lang));
  let out = `# ${title(r, lang)}\n\n${counts(r, lang)}\n`;
  for (const s of r.stages) {
    if (s.loans.length === 0) continue;
    out += `\n## ${T(lang, '阶段', 'Stage')}: ${pick(STAGE_TEXT[s.stage], lang)} (${s.loans.length})\n\n` + md(caseColumns(lang), s.loans.map(caseCells));
  }
  out += `\n## ${T(lang, `${r.withinDays} 天内的期限`, `Deadlines within ${r.withinDays} days`)}\n\n` + md(deadlineColumns(lang), r.deadlines.map((x) => deadlineCells(x, lang)));
  out += `\n## ${T(lang, '起诉候选', 'Candidates for a lawsuit')}\n\n` + md(candidateColumns(lang), r.candidates.map((x) => candidateCells(x, lang)));
  return out + '\n' + footer(r, lang).map((n) => `- ${n}`).join('\n') + '\n';
}

const loanJson = (x: { loanNo: string; borrower: string; township: string; village: string; officer: string | null; principalFen: number; interestFen: number }) => ({
  loan_no: x.loanNo,
  borrower: x.borrower,
  township: x.township,
  village: x.village,
  officer: x.officer,
  principal_fen: x.principalFen,
  interest_fen: x.interestFen,
});

function reasonJson(x: CandidateReason) {
  const base = (() => {
    switch (x.code) {
      case 'expiring-large-balance':
        return { code: x.code, expires: x.expires, days_left: x.daysLeft, balance_fen: x.balanceFen };
      case 'repeated-refusals':
      case 'broken-promises':
        return { code: x.code, count: x.count, dates: x.dates };
    }
  })();
  return { ...base, text: { zh: reasonText(x, 'zh'), en: reasonText(x, 'en') } };
}

export function legalReportJson(r: LegalReport) {
  return {
    today: r.today,
    township: r.township,
    within_days: r.withinDays,
    min_balance_fen: r.minBalanceFen,
    counts: Object.fromEntries(r.stages.map((s) => [s.stage, s.loans.length])),
    stages: Object.fromEntries(
      r.stages.map((s) => [
        s.stage,
        s.loans.map((x) => ({ ...loanJson(x), stage: x.stage, since: x.since, filed_on: x.filedOn, court: x.court, case_no: x.caseNo, lawyer: x.lawyer, perform_by: x.performBy, result: x.result })),
      ]),
    ),
    deadlines: r.deadlines.map((x) => ({ ...loanJson(x), kind: x.kind, date: x.date, days_left: x.daysLeft, guarantor: x.guarantor, stage: x.stage })),
    candidates: r.candidates.map((x) => ({ ...loanJson(x), status: x.status, expires: x.expires, days_left: x.daysLeft, referred_on: x.referredOn, reasons: x.reasons.map(reasonJson) })),
  };
}

const CSV_COLUMNS = [
  'section',
  'loan_no',
  'borrower',
  'township',
  'village',
  'officer',
  'principal',
  'interest',
  'stage',
  'stage_date',
  'court',
  'case_no',
  'lawyer',
  'perform_by',
  'result',
  'deadline_kind',
  'deadline_date',
  'days_left',
  'guarantor',
  'status',
  'expires',
  'reason_kinds',
] as const;

type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], CsvCell>>;
const row = (r: CsvRow): CsvCell[] => CSV_COLUMNS.map((c) => r[c] ?? null);
const loanCells = (x: { loanNo: string; borrower: string; township: string; village: string; officer: string | null; principalFen: number; interestFen: number }): CsvRow => ({
  loan_no: x.loanNo,
  borrower: x.borrower,
  township: x.township,
  village: x.village,
  officer: x.officer,
  principal: money(x.principalFen),
  interest: money(x.interestFen),
});

/** One table: a row per case (section `case`), per deadline (`deadline`) and per candidate (`candidate`), codes not words. */
function legalTable(r: LegalReport): DataTable {
  return {
    columns: CSV_COLUMNS,
    labels: { status: { zh: '诉讼时效状态', en: 'Limitation status' }, reason_kinds: { zh: '候选原因', en: 'Reasons' } },
    rows: [
      ...r.stages.flatMap((s) =>
        s.loans.map((x) => row({ section: 'case', ...loanCells(x), stage: x.stage, stage_date: x.since, court: x.court, case_no: x.caseNo, lawyer: x.lawyer, perform_by: x.performBy, result: x.result })),
      ),
      ...r.deadlines.map((x) => row({ section: 'deadline', ...loanCells(x), stage: x.stage, deadline_kind: x.kind, deadline_date: x.date, days_left: x.daysLeft, guarantor: x.guarantor })),
      ...r.candidates.map((x) =>
        row({ section: 'candidate', ...loanCells(x), stage: x.referredOn ? 'referred' : null, stage_date: x.referredOn, status: x.status, expires: x.expires, days_left: x.daysLeft, reason_kinds: x.reasons.map((y) => y.code).join(';') }),
      ),
    ],
  };
}

/** Three sheets: cases by stage, deadlines, candidates (reasons in words). */
function legalReportAsXlsx(r: LegalReport, lang: Lang): Promise<Uint8Array> {
  const head = title(r, lang);
  const cases = tableSheet(
    T(lang, '案件', 'Cases'),
    {
      columns: ['stage', 'loan_no', 'borrower', 'township', 'village', 'stage_date', 'filed_on', 'court', 'case_no', 'lawyer', 'perform_by', 'result', 'principal', 'interest'],
      rows: r.stages.flatMap((s) =>
        s.loans.map((x): CsvCell[] => [pick(STAGE_TEXT[s.stage], lang), x.loanNo, x.borrower, x.township, x.village, x.since, x.filedOn, x.court, x.caseNo, x.lawyer, x.performBy, x.result, money(x.principalFen), money(x.interestFen)]),
      ),
    },
    lang,
    { title: head, notes: [counts(r, lang), ...footer(r, lang)] },
  );
  const deadlines = tableSheet(
    T(lang, '期限', 'Deadlines'),
    { columns: ['loan_no', 'borrower', 'deadline_kind', 'deadline_date', 'days_left', 'guarantor'], rows: r.deadlines.map((x): CsvCell[] => [x.loanNo, x.borrower, DEADLINE_TEXT[x.kind][lang], x.date, x.daysLeft, x.guarantor]) },
    lang,
    { title: T(lang, `${r.withinDays} 天内的期限`, `Deadlines within ${r.withinDays} days`) },
  );
  const candidates = tableSheet(
    T(lang, '起诉候选', 'Candidates'),
    {
      columns: ['loan_no', 'borrower', 'township', 'village', 'principal', 'interest', 'expires', 'days_left', 'reasons'],
      labels: { reasons: { zh: '原因', en: 'Reasons' } },
      rows: r.candidates.map((x): CsvCell[] => [x.loanNo, x.borrower, x.township, x.village, money(x.principalFen), money(x.interestFen), x.expires, x.daysLeft, candidateReasons(x, lang)]),
    },
    lang,
    { title: T(lang, '起诉候选', 'Candidates for a lawsuit') },
  );
  return workbook([cases, deadlines, candidates]);
}

export const legalReportRenderers: RendererMap<'report legal', LegalReport> = {
  text: (r, o) => legalReportAsText(r, o.lang, { ascii: o.ascii, width: o.width }),
  md: (r, o) => legalReportAsMarkdown(r, o.lang),
  json: (r) => asJson(legalReportJson(r)),
  csv: (r, o) => tableAsCsv(legalTable(r), o.headers),
  xlsx: (r, o) => legalReportAsXlsx(r, o.lang),
};
