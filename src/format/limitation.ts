// Renders a loan's limitation clock and the limitation report: text, Markdown, JSON, CSV.
import type { Lang } from '../domain/text.js';
import { pick } from '../domain/text.js';
import { fenToDisplay } from '../domain/money.js';
import { addYears } from '../domain/dates.js';
import { ACTOR_TEXT, EFFECT_TEXT, EVENT_KIND_SHORT, EVENT_KIND_TEXT, STAGE_TEXT, STATUS_TEXT, clockSummary, type ClockEventUsed, type GuaranteeClock, type LimitationClock } from '../domain/limitation.js';
import type { LimitationReport, LoanClockRow } from '../report/limitation.js';
import { guarantorDeadline } from '../domain/guarantee.js';
import { asJson, renderTable } from './table.js';
import { csvCell, mdTable, money, tableAsCsv, toCsv, type CsvCell, type DataTable } from './csv.js';
import type { RendererMap } from './render.js';
import type { CsvHeaders } from './registry.js';
import { tableSheet, workbook } from './xlsx.js';

function place(r: LoanClockRow): string {
  return [r.facts.township, r.facts.village, r.facts.group].filter(Boolean).join(' / ');
}

export function guaranteeJson(g: GuaranteeClock | null) {
  return g
    ? {
        guarantor: g.guarantor,
        type: g.type,
        type_source: g.typeSource,
        ends: g.ends,
        source: g.source,
        days_left: g.daysLeft,
        status: g.status,
        state: g.state,
        acted_on: g.actedOn,
        act_kind: g.actKind,
        limitation_ends: g.limitationEnds,
        limitation_days_left: g.limitationDaysLeft,
        why: { zh: g.why.zh, en: g.why.en },
      }
    : null;
}

/** What an event is, in words: the kind (with the legal stage) and whose act it is. */
export function eventLabel(e: ClockEventUsed, lang: Lang): string {
  let s = e.kind === 'legal' && e.stage ? pick(STAGE_TEXT[e.stage], lang) : pick(EVENT_KIND_TEXT[e.kind], lang);
  const who = e.kind === 'relative-signed' ? null : e.actor;
  if (who && who !== 'borrower') s += lang === 'zh' ? `（${pick(ACTOR_TEXT[who], lang)}）` : ` (${pick(ACTOR_TEXT[who], lang)})`;
  if (e.kind === 'public-notice' && e.medium) s += lang === 'zh' ? `［${e.medium}］` : ` [${e.medium}]`;
  if (e.performBy) s += lang === 'zh' ? `，履行期限 ${e.performBy}` : `, perform by ${e.performBy}`;
  if (e.detail) s += ` (${e.detail})`;
  return s;
}

function eventRef(e: ClockEventUsed): string {
  return e.visitId ? `#${e.visitId}` : e.markId ? `mark ${e.markId}` : e.legalId ? `legal ${e.legalId}` : '';
}

function eventJson(e: ClockEventUsed) {
  return {
    date: e.date,
    kind: e.kind,
    stage: e.stage ?? null,
    actor: e.kind === 'relative-signed' ? 'relative' : (e.actor ?? null),
    effect: e.effect,
    why: { zh: e.why.zh, en: e.why.en },
    expires_after: e.expiresAfter,
    visit_id: e.visitId ?? null,
    mark_id: e.markId ?? null,
    legal_id: e.legalId ?? null,
    medium: e.medium ?? null,
    perform_by: e.performBy ?? null,
    detail: e.detail ?? null,
  };
}

export function clockJson(c: LimitationClock) {
  return {
    due_date: c.dueDate,
    period_years: c.periodYears,
    expires: c.expires,
    suspended: c.suspended,
    status: c.status,
    days_left: c.daysLeft,
    last_interruption: c.lastInterruption ? { date: c.lastInterruption.date, kind: c.lastInterruption.kind, visit_id: c.lastInterruption.visitId ?? null } : null,
    rule: { code: c.rule.code, zh: c.rule.text.zh, en: c.rule.text.en },
    events: c.events.map(eventJson),
    start: c.start,
    start_reason: c.startReason,
    deadline_kind: c.deadlineKind,
    waived_on: c.waivedOn,
    judgment: c.judgment ? { date: c.judgment.date, perform_by: c.judgment.performBy } : null,
    enforcement_applied_on: c.enforcementAppliedOn,
    closed: c.closed,
    steps: clockSteps(c),
    reconfirmed_on: c.reconfirmedOn,
    outer_limit: c.outerLimit,
    officer_finding: c.officerFinding ? { date: c.officerFinding.date, visit_id: c.officerFinding.visitId, disagrees: c.officerFinding.disagrees } : null,
    summary: clockSummary(c),
  };
}

export function loanClockJson(r: LoanClockRow) {
  const f = r.facts;
  const j = clockJson(r.clock!);
  return {
    loan_no: f.loanNo,
    borrower_id: f.borrowerId,
    borrower: f.borrower,
    household_id: f.householdId,
    township: f.township,
    village: f.village,
    group: f.group,
    officer: f.officer,
    principal_fen: f.principalFen,
    interest_fen: f.interestFen,
    borrower_status: f.status,
    deceased_on: f.deceasedOn,
    heir: f.heirName,
    heir_known_on: f.heirKnownOn,
    // clockJson's fields named one by one (same order): an object literal of known shape, which JSON.stringify walks
    // faster than one made by spreading (a JSON row is written per loan of the report).
    due_date: j.due_date,
    period_years: j.period_years,
    expires: j.expires,
    suspended: j.suspended,
    status: j.status,
    days_left: j.days_left,
    last_interruption: j.last_interruption,
    rule: j.rule,
    events: j.events,
    start: j.start,
    start_reason: j.start_reason,
    deadline_kind: j.deadline_kind,
    waived_on: j.waived_on,
    judgment: j.judgment,
    enforcement_applied_on: j.enforcement_applied_on,
    closed: j.closed,
    steps: j.steps,
    reconfirmed_on: j.reconfirmed_on,
    outer_limit: j.outer_limit,
    officer_finding: j.officer_finding,
    summary: j.summary,
    guarantee: guaranteeJson(r.guarantee),
  };
}

export function loanClocksAsJson(rows: LoanClockRow[], single: boolean): string {
  return asJson(single ? loanClockJson(rows[0]!) : rows.map(loanClockJson));
}

/** The chain a lawyer checks, step by step: the start, each event with whose act and the article, the result. */
export function clockSteps(c: LimitationClock) {
  const start = {
    date: c.start,
    what:
      c.startReason === 'acceleration'
        ? { zh: `提前到期日 ${c.start}（合同到期日 ${c.dueDate}）`, en: `acceleration on ${c.start} (contract due date ${c.dueDate})` }
        : { zh: `到期日 ${c.dueDate}`, en: `due date ${c.dueDate}` },
    rule: { zh: `诉讼时效 ${c.periodYears} 年自此起算（《民法典》第188条）`, en: `the ${c.periodYears}-year period runs from here (Civil Code art. 188)` },
    expires: null as string | null,
  };
  const steps = [start];
  for (const e of c.events) {
    steps.push({
      date: e.date,
      what: { zh: eventLabel(e, 'zh'), en: eventLabel(e, 'en') },
      rule: { zh: `${EFFECT_TEXT[e.effect].zh}：${e.why.zh}`, en: `${EFFECT_TEXT[e.effect].en}: ${e.why.en}` },
      expires: e.expiresAfter,
    });
  }
  steps.push({ date: c.expires ?? '', what: { zh: '结果', en: 'result' }, rule: { zh: c.rule.text.zh, en: c.rule.text.en }, expires: c.expires });
  return steps;
}

function guaranteeLine(g: GuaranteeClock, lang: Lang): string {
  const zh = lang === 'zh';
  const state: Record<GuaranteeClock['state'], [string, string]> = {
    'period-running': [`保证期间还有 ${g.daysLeft} 天`, `${g.daysLeft} days of the guarantee period left`],
    released: ['保证人已免责', 'the guarantor is released'],
    'limitation-running': [`保证人的诉讼时效至 ${g.limitationEnds}，还有 ${g.limitationDaysLeft} 天`, `the guarantor's limitation runs until ${g.limitationEnds}, ${g.limitationDaysLeft} days left`],
    'limitation-expired': [`保证人的诉讼时效已于 ${g.limitationEnds} 届满`, `the guarantor's limitation expired on ${g.limitationEnds}`],
  };
  return zh
    ? `保证人 ${g.guarantor}：${state[g.state][0]}。${g.why.zh}`
    : `Guarantor ${g.guarantor}: ${state[g.state][1]}. ${g.why.en}`;
}

export function loanClockAsText(r: LoanClockRow, lang: Lang, opts: { ascii?: boolean; width?: number }): string {
  const zh = lang === 'zh';
  const c = r.clock!;
  const f = r.facts;
  const lines: string[] = [];
  lines.push(`${f.loanNo}  ${f.borrower}  (${place(r)})`);
  lines.push(
    zh
      ? `到期日：${c.dueDate}   时效期间：${c.periodYears} 年   余额：本金 ${fenToDisplay(f.principalFen)}，利息 ${fenToDisplay(f.interestFen)}`
      : `Due date: ${c.dueDate}   period: ${c.periodYears} years   owed: principal ${fenToDisplay(f.principalFen)}, interest ${fenToDisplay(f.interestFen)}`,
  );
  if (f.deceasedOn) {
    lines.push(
      zh
        ? `借款人于 ${f.deceasedOn} 死亡；继承人：${f.heirName ? `${f.heirName}（${f.heirKnownOn} 确定）` : '未确定'}`
        : `Borrower died on ${f.deceasedOn}; heir: ${f.heirName ? `${f.heirName} (known since ${f.heirKnownOn})` : 'not known'}`,
    );
  }
  let out = lines.join('\n') + '\n';
  if (c.events.length) {
    out += renderTable(
      [
        { header: zh ? '日期' : 'date' },
        { header: zh ? '事件（谁的行为）' : 'event (whose act)', maxWidth: 30 },
        { header: zh ? '记录' : 'record', align: 'right' },
        { header: zh ? '效果与依据' : 'effect and basis', maxWidth: 48 },
        { header: zh ? '此后届满' : 'then ends' },
      ],
      [
        // The first step of the chain: where the period starts and the article that starts it.
        [c.start, pick(clockSteps(c)[0]!.what, lang), '', pick(clockSteps(c)[0]!.rule, lang), addYears(c.start, c.periodYears)],
        ...c.events.map((e) => [e.date, eventLabel(e, lang), eventRef(e), `${pick(EFFECT_TEXT[e.effect], lang)}: ${pick(e.why, lang)}`, e.expiresAfter ?? '-']),
      ],
      opts,
    );
  } else {
    out += zh ? '没有中断时效的记录。\n' : 'No interrupting event on record.\n';
  }
  const tail: string[] = [];
  tail.push(`${zh ? '规则' : 'Rule'}: ${pick(c.rule.text, lang)}`);
  tail.push(`${zh ? '结果' : 'Result'}: ${pick(clockSummary(c), lang)}  [${pick(STATUS_TEXT[c.status], lang)}]`);
  if (c.startReason === 'acceleration') tail.push(zh ? `起算日：${c.start}（提前到期，早于合同到期日 ${c.dueDate}）` : `Start: ${c.start} (acceleration, earlier than the contract due date ${c.dueDate})`);
  tail.push(zh ? `最长保护期限：${c.outerLimit}（起算日起 20 年）` : `Outer limit: ${c.outerLimit} (20 years from the start)`);
  if (c.officerFinding) {
    const fnd = c.officerFinding;
    tail.push(
      fnd.disagrees
        ? zh
          ? `注意：催收员于 ${fnd.date}（走访 #${fnd.visitId}）记录“已丧失诉讼时效”，但按上述规则当日仍在时效内；两者并列，请核实。`
          : `Note: the officer recorded "statute expired" on ${fnd.date} (visit #${fnd.visitId}), but by these rules the claim was still within time that day; both are shown, please check.`
        : zh
          ? `催收员于 ${fnd.date}（走访 #${fnd.visitId}）记录“已丧失诉讼时效”，与计算一致。`
          : `The officer recorded "statute expired" on ${fnd.date} (visit #${fnd.visitId}), in line with the computation.`,
    );
  }
  if (r.guarantee) tail.push(guaranteeLine(r.guarantee, lang));
  tail.push(zh ? '本结果仅为辅助提示，不构成法律意见。' : 'An aid, not legal advice.');
  return out + tail.join('\n') + '\n';
}

function daysLeftText(c: LimitationClock): string {
  return c.daysLeft === null ? '-' : String(c.daysLeft);
}

function statusCell(c: LimitationClock, lang: Lang): string {
  let s = pick(STATUS_TEXT[c.status], lang);
  if (c.status === 'reconfirmed') s += ` ${c.reconfirmedOn}`;
  if (c.suspended) s += lang === 'zh' ? '（中止）' : ' (suspended)';
  if (c.officerFinding?.disagrees) s += lang === 'zh' ? '；催收员记为已过时效' : '; officer: expired';
  return s;
}

function lastCell(c: LimitationClock, lang: Lang): string {
  const l = c.lastInterruption;
  return l ? `${l.date} ${pick(EVENT_KIND_SHORT[l.kind], lang)}` : '';
}

function reportHeader(r: LimitationReport, lang: Lang): string {
  const zh = lang === 'zh';
  const c = r.counts;
  return zh
    ? `诉讼时效报告${r.township ? ` — ${r.township}` : ''}（截至 ${r.today}，时效 ${r.periodYears} 年，${r.withinDays} 天内届满为“即将届满”）\n` +
        `时效内 ${c.running} 笔，即将届满 ${c.expiring} 笔，已届满 ${c.expired} 笔，届满后重新确认 ${c.reconfirmed} 笔。\n`
    : `Limitation report${r.township ? ` — ${r.township}` : ''} (as of ${r.today}, period ${r.periodYears} years, "expiring" = within ${r.withinDays} days)\n` +
        `${c.running} running, ${c.expiring} expiring, ${c.expired} expired, ${c.reconfirmed} reconfirmed after expiry.\n`;
}

function reportFooter(r: LimitationReport, lang: Lang): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  if (r.disagreements) parts.push(zh ? `${r.disagreements} 笔贷款催收员记录与计算结果不一致，请核实。` : `${r.disagreements} loans where the officer's "statute expired" disagrees with the computation: check them.`);
  if (r.noDueDate.length)
    parts.push(zh ? `${r.noDueDate.length} 笔贷款没有到期日，无法计算：${r.noDueDate.map((x) => x.facts.loanNo).join('、')}。` : `${r.noDueDate.length} loans have no due date and cannot be computed: ${r.noDueDate.map((x) => x.facts.loanNo).join(', ')}.`);
  parts.push(zh ? '本报告仅为辅助提示，不构成法律意见。' : 'An aid, not legal advice.');
  return parts.join('\n') + '\n';
}

const headers = (zh: boolean) => [
  zh ? '合同编号' : 'loan',
  zh ? '借款人' : 'borrower',
  zh ? '村委' : 'committee',
  zh ? '到期日' : 'due',
  zh ? '最后中断' : 'last interruption',
  zh ? '届满日' : 'expires',
  zh ? '剩余天数' : 'days left',
  zh ? '状态' : 'status',
];

function cells(x: LoanClockRow, lang: Lang): string[] {
  const c = x.clock!;
  return [x.facts.loanNo, x.facts.borrower, x.facts.village, c.dueDate, lastCell(c, lang), c.expires ?? '-', daysLeftText(c), statusCell(c, lang)];
}

function guaranteeRows(r: LimitationReport, lang: Lang) {
  return r.guaranteesEnding.map((x) => {
    const d = guarantorDeadline(x.guarantee, r.withinDays)!;
    const what = d.kind === 'period' ? (lang === 'zh' ? '保证期间（须主张）' : 'guarantee period (act)') : lang === 'zh' ? '保证人诉讼时效' : "guarantor's limitation";
    return [x.facts.loanNo, x.facts.borrower, x.guarantee!.guarantor, what, d.date, String(d.daysLeft)];
  });
}
const guaranteeHeaders = (zh: boolean) => [zh ? '合同编号' : 'loan', zh ? '借款人' : 'borrower', zh ? '保证人' : 'guarantor', zh ? '期限' : 'deadline', zh ? '至' : 'ends', zh ? '剩余天数' : 'days left'];

export function limitationReportAsText(r: LimitationReport, lang: Lang, opts: { ascii?: boolean; width?: number }): string {
  const zh = lang === 'zh';
  let out = reportHeader(r, lang);
  if (r.rows.length === 0) out += zh ? '没有符合条件的贷款。\n' : 'No loan matches.\n';
  else
    out += renderTable(
      headers(zh).map((h, i) => ({ header: h, align: i === 6 ? ('right' as const) : ('left' as const), maxWidth: i === 4 || i === 7 ? 26 : undefined })),
      r.rows.map((x) => cells(x, lang)),
      opts,
    );
  if (r.guaranteesEnding.length) {
    out += zh ? `\n${r.withinDays} 天内结束的保证期间（须在期间内向保证人主张）：\n` : `\nGuarantee periods ending within ${r.withinDays} days (demand of the guarantor before they end):\n`;
    out += renderTable(guaranteeHeaders(zh).map((h, i) => ({ header: h, align: i === 5 ? ('right' as const) : ('left' as const) })), guaranteeRows(r, lang), opts);
  }
  return out + reportFooter(r, lang);
}

export function limitationReportAsMarkdown(r: LimitationReport, lang: Lang): string {
  const zh = lang === 'zh';
  let out = `# ${reportHeader(r, lang).split('\n')[0]}\n\n${reportHeader(r, lang).split('\n')[1]}\n\n`;
  out += r.rows.length ? mdTable(headers(zh), r.rows.map((x) => cells(x, lang)), [6]) : (zh ? '没有符合条件的贷款。' : 'No loan matches.') + '\n';
  if (r.guaranteesEnding.length) {
    out += `\n## ${zh ? `${r.withinDays} 天内结束的保证期间` : `Guarantee periods ending within ${r.withinDays} days`}\n\n`;
    out += mdTable(guaranteeHeaders(zh), guaranteeRows(r, lang), [5]);
  }
  return out + '\n' + reportFooter(r, lang);
}

export function limitationReportAsJson(r: LimitationReport): string {
  return asJson({
    today: r.today,
    township: r.township,
    period_years: r.periodYears,
    within_days: r.withinDays,
    status_filter: r.statusFilter,
    counts: r.counts,
    loans: r.rows.map(loanClockJson),
    guarantees_ending: r.guaranteesEnding.map((x) => ({ loan_no: x.facts.loanNo, borrower: x.facts.borrower, ...guaranteeJson(x.guarantee) })),
    no_due_date: r.noDueDate.map((x) => x.facts.loanNo),
    disagreements: r.disagreements,
  });
}

const LIMITATION_COLUMNS = [
  'loan_no',
  'borrower',
  'township',
  'village',
  'group',
  'principal',
  'interest',
  'due_date',
  'last_interruption',
  'last_interruption_kind',
  'expires',
  'days_left',
  'status',
  'suspended',
  'reconfirmed_on',
  'rule',
  'officer_finding',
  'officer_disagrees',
  'guarantor',
  'guarantee_ends',
] as const;

/** One loan's row of the CSV and of the workbook's first sheet. */
function limitationCells(x: LoanClockRow): CsvCell[] {
  const c = x.clock!;
  return [
    x.facts.loanNo,
    x.facts.borrower,
    x.facts.township,
    x.facts.village,
    x.facts.group,
    money(x.facts.principalFen),
    money(x.facts.interestFen),
    c.dueDate,
    c.lastInterruption?.date,
    c.lastInterruption?.kind,
    c.expires,
    c.daysLeft,
    c.status,
    c.suspended ? 'yes' : 'no',
    c.reconfirmedOn,
    c.rule.code,
    c.officerFinding?.date,
    c.officerFinding ? (c.officerFinding.disagrees ? 'yes' : 'no') : null,
    x.guarantee?.guarantor,
    x.guarantee?.ends,
  ];
}

/** Every loan's clock, amounts in yuan: the CSV's rows and the workbook's first sheet. */
function limitationTable(r: LimitationReport): DataTable {
  return { columns: LIMITATION_COLUMNS, rows: r.rows.map(limitationCells) };
}

/**
 * The limitation report written piece by piece (src/cli/limitationStream.ts), byte for byte what the CSV and JSON
 * renderers give for the whole report: `head` before the loans, one `loan` per row (most urgent first), then `tail`
 * once the guarantee periods and loans without a due date are known.
 */
export interface LimitationStreamFormat {
  head(r: LimitationReportHead): string;
  /** One loan's text, and the text before it (after the head or after the previous loan). */
  loan(x: LoanClockRow): string;
  before(first: boolean): string;
  /** Between the loans and the guarantee periods. */
  afterLoans(anyLoan: boolean): string;
  guarantee(x: LoanClockRow): string;
  /** After the guarantee periods: the loans without a due date and the rest. */
  tail(r: LimitationReportHead, anyGuarantee: boolean, noDueDate: string[]): string;
}

export type LimitationReportHead = Omit<LimitationReport, 'rows' | 'guaranteesEnding' | 'noDueDate'>;


export function limitationJsonStream(): LimitationStreamFormat {
  // The whole report's JSON with markers where the arrays go: the text around them is what asJson would print.
  const MARK = '\u0000';
  const skeleton = (r: LimitationReportHead) =>
    asJson({
      today: r.today,
      township: r.township,
      period_years: r.periodYears,
      within_days: r.withinDays,
      status_filter: r.statusFilter,
      counts: r.counts,
      loans: `${MARK}L`,
      guarantees_ending: `${MARK}G`,
      no_due_date: `${MARK}N`,
      disagreements: r.disagreements,
    });
  const parts = (r: LimitationReportHead) => {
    const s = skeleton(r);
    const [a, rest] = s.split(`"\\u0000L"`) as [string, string];
    const [b, rest2] = rest.split(`"\\u0000G"`) as [string, string];
    const [c, d] = rest2.split(`"\\u0000N"`) as [string, string];
    return { a, b, c, d };
  };
  // indent(JSON.stringify(v, null, 2), 4) without a pass of a regular expression over the text: v stringified two
  // levels down (inside {"a": [v]}) has every line after its first indented by 4 more; the wrapper is cut off. JSON
  // strings escape their newlines, so every newline of the text is a line of the layout in both.
  const WRAP_HEAD = '{\n  "a": [\n    '.length;
  const WRAP_TAIL = '\n  ]\n}'.length;
  const item = (v: unknown) => {
    const s = JSON.stringify({ a: [v] }, null, 2);
    return s.slice(WRAP_HEAD, s.length - WRAP_TAIL);
  };
  const close = (any: boolean) => (any ? '\n  ]' : '[]');
  let cached: ReturnType<typeof parts> | null = null;
  return {
    head: (r) => {
      // The counts are known before the first loan is written (the loans are spooled and sorted first).
      cached = parts(r);
      return cached.a;
    },
    loan: (x) => item(loanClockJson(x)),
    before: (first) => (first ? '[\n    ' : ',\n    '),
    afterLoans: (any) => close(any) + cached!.b,
    guarantee: (x) => item({ loan_no: x.facts.loanNo, borrower: x.facts.borrower, ...guaranteeJson(x.guarantee) }),
    tail: (r, any, noDue) => {
      const p = parts(r);
      return close(any) + p.c + (noDue.length ? '[\n' + noDue.map((n) => '    ' + JSON.stringify(n)).join(',\n') + '\n  ]' : '[]') + p.d;
    },
  };
}

/**
 * One row as csvRows prints it (csv-stringify with CRLF, quoting a cell that holds a comma, a quote or a line break and
 * doubling its quotes), built directly: csv-stringify's per-call set-up was a tenth of the streamed CSV's CPU.
 * test/unit/limitationCsvRow.test.ts compares the two on awkward cells.
 */
export function csvRow(row: CsvCell[]): string {
  let out = '';
  for (let i = 0; i < row.length; i++) {
    const v = csvCell(row[i]);
    const s = typeof v === 'number' ? String(v) : v;
    if (i) out += ',';
    out += /[,"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }
  return out + '\r\n';
}

export function limitationCsvStream(headers: CsvHeaders = 'en'): LimitationStreamFormat {
  return {
    head: () => toCsv(LIMITATION_COLUMNS, [], headers),
    loan: (x) => csvRow(limitationCells(x)),
    before: () => '',
    afterLoans: () => '',
    guarantee: () => '',
    tail: () => '',
  };
}

export function limitationReportAsCsv(r: LimitationReport, headers: CsvHeaders = 'en'): string {
  return tableAsCsv(limitationTable(r), headers);
}

/** Two sheets: every loan's clock (with the counts above and the caveats below), and the guarantee periods ending soon. */
function limitationReportAsXlsx(r: LimitationReport, lang: Lang): Promise<Uint8Array> {
  const zh = lang === 'zh';
  const [head, counts] = reportHeader(r, lang).trimEnd().split('\n') as [string, string];
  const loans = tableSheet(zh ? '诉讼时效' : 'Limitation', limitationTable(r), lang, { title: head, notes: [counts, ...reportFooter(r, lang).trimEnd().split('\n')] });
  const guarantees = tableSheet(
    zh ? '保证期间' : 'Guarantee periods',
    {
      columns: ['loan_no', 'borrower', 'guarantor', 'guarantee_ends', 'days_left'],
      rows: r.guaranteesEnding.map((x) => {
        const d = guarantorDeadline(x.guarantee, r.withinDays)!;
        return [x.facts.loanNo, x.facts.borrower, x.guarantee!.guarantor, d.date, d.daysLeft];
      }),
    },
    lang,
    { title: zh ? `${r.withinDays} 天内结束的保证期间（须在期间内向保证人主张）` : `Guarantee periods ending within ${r.withinDays} days (demand of the guarantor before they end)` },
  );
  return workbook([loans, guarantees]);
}

export const limitationRenderers: RendererMap<'report limitation', LimitationReport> = {
  text: (r, o) => limitationReportAsText(r, o.lang, { ascii: o.ascii, width: o.width }),
  md: (r, o) => limitationReportAsMarkdown(r, o.lang),
  json: (r) => limitationReportAsJson(r),
  csv: (r, o) => limitationReportAsCsv(r, o.headers),
  xlsx: (r, o) => limitationReportAsXlsx(r, o.lang),
};
