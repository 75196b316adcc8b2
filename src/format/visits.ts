// Renders visits: the household brief shown before logging, the summary to confirm, the visit list, saved visits as JSON.
import { pick, type Lang } from '../domain/text.js';
import { fenToDisplay } from '../domain/money.js';
import { CHANNEL_LABELS, inPerson, OUTCOME_LABELS, REASON_LABELS } from '../domain/outcomes.js';
import { maskPhone } from '../domain/idNumber.js';
import type { OutcomeInput } from '../domain/visit.js';
import type { BorrowerDetail } from '../db/borrowers.js';
import type { OutcomeRow, VisitRow } from '../db/visitList.js';
import type { PromiseRow } from '../db/promises.js';
import { asJson, renderTable } from './table.js';
import { money, tableAsCsv, type CsvCell, type DataTable } from './csv.js';
import type { RendererMap } from './render.js';
import type { CsvHeaders } from './registry.js';
import { tableWorkbook } from './xlsx.js';
import { loansTable, place, stanceLine, statusText } from './borrowers.js';

const PROMISE_STATUS_LABELS: Record<string, { zh: string; en: string }> = {
  open: { zh: '未到期', en: 'open' },
  kept: { zh: '已兑现', en: 'kept' },
  'partly-kept': { zh: '部分兑现', en: 'partly kept' },
  broken: { zh: '爽约', en: 'broken' },
};

export function promiseStatusLabel(s: string, lang: Lang): string {
  return pick(PROMISE_STATUS_LABELS[s] ?? { zh: s, en: s }, lang);
}

type OutcomeLike = Pick<OutcomeInput, 'kind' | 'noticeNo' | 'signedBy' | 'by' | 'relation' | 'reason' | 'where' | 'principalFen' | 'interestFen' | 'promiseAmountFen' | 'promiseDate' | 'text'>;

/** One outcome in a few words: "cash: principal 300.00, interest 200.00 (WS-2021-0005)". */
export function outcomeText(o: OutcomeLike, loanNo: string | null, lang: Lang): string {
  const zh = lang === 'zh';
  const label = pick(OUTCOME_LABELS[o.kind], lang);
  const parts: string[] = [];
  switch (o.kind) {
    case 'notice-signed':
      if (o.noticeNo) parts.push(zh ? `编号 ${o.noticeNo}` : `no. ${o.noticeNo}`);
      if (o.signedBy === 'relative') parts.push(zh ? `${o.relation ?? '亲属'}代签` : `signed by ${o.relation ?? 'a relative'}`);
      if (o.signedBy === 'guarantor') parts.push(zh ? '保证人签收' : 'signed by the guarantor');
      break;
    case 'not-signed':
      if (o.reason) parts.push(pick(REASON_LABELS[o.reason], lang) + (o.where ? (zh ? `（${o.where}）` : ` (${o.where})`) : ''));
      break;
    case 'cash':
      parts.push(zh ? `本金 ${fenToDisplay(o.principalFen ?? 0)}，利息 ${fenToDisplay(o.interestFen ?? 0)}` : `principal ${fenToDisplay(o.principalFen ?? 0)}, interest ${fenToDisplay(o.interestFen ?? 0)}`);
      if (o.by && o.by !== 'borrower') parts.push(zh ? (o.by === 'guarantor' ? '保证人代还' : '亲属代还') : `paid by the ${o.by}`);
      break;
    case 'intent':
      parts.push(zh ? `${fenToDisplay(o.promiseAmountFen ?? 0)} 元，${o.promiseDate} 前` : `${fenToDisplay(o.promiseAmountFen ?? 0)} by ${o.promiseDate}`);
      if (o.by && o.by !== 'borrower') parts.push(zh ? (o.by === 'guarantor' ? '保证人承诺' : '亲属承诺') : `promised by the ${o.by}`);
      break;
    case 'note':
      if (o.text) parts.push(o.text);
      break;
    case 'statute-expired':
      break;
  }
  const loan = loanNo ? (zh ? `［${loanNo}］` : ` [${loanNo}]`) : '';
  return parts.length ? `${label}${zh ? '：' : ': '}${parts.join(zh ? '，' : ', ')}${loan}` : `${label}${loan}`;
}

export interface HouseholdBrief {
  detail: BorrowerDetail;
  lastVisits: VisitRow[];
  promises: PromiseRow[];
  brokenPromises: number;
}

/** What the officer sees before answering: status, stance and approach, loans and balances, last visits, open promises. */
export function householdBriefAsText(b: HouseholdBrief, lang: Lang, opts: { ascii?: boolean; width?: number } = {}): string {
  const zh = lang === 'zh';
  const d = b.detail;
  const lines = [`${d.name}  #${d.borrowerId}   ${place(d)}`, `${zh ? '状态' : 'Status'}: ${statusText(d, lang)}`];
  if (d.status === 'deceased') lines.push(zh ? '！借款人已登记死亡：核实后向继承人或家属了解代为清偿的意愿。' : '! Recorded as deceased: verify, then ask the heirs or family about repaying on the estate’s behalf.');
  const st = stanceLine(d.stance, lang);
  if (st) lines.push(`${zh ? '类型' : 'Stance'}: ${st}`);
  if (b.brokenPromises > 0) lines.push(zh ? `爽约次数：${b.brokenPromises}` : `Broken promises: ${b.brokenPromises}`);
  let s = lines.join('\n') + '\n' + loansTable(d.householdLoans, lang, opts);
  const open = b.promises.filter((p) => p.status === 'open');
  if (open.length) {
    s += (zh ? '未到期的还款承诺：' : 'Open promises:') + '\n';
    for (const p of open) s += `  ${fenToDisplay(p.amountFen)} ${zh ? '承诺于' : 'by'} ${p.dueDate}${zh ? '，已还 ' : ', paid so far '}${fenToDisplay(p.paidByDueFen)}${p.loanNo ? `  [${p.loanNo}]` : ''}\n`;
  }
  if (b.lastVisits.length) {
    s += (zh ? '最近走访：' : 'Last visits:') + '\n';
    for (const v of b.lastVisits) s += `  ${v.visitDate} ${v.officer}  ${v.outcomes.map((o) => outcomeText({ ...o, by: o.actedBy }, o.loanNo, lang)).join(zh ? '；' : '; ')}\n`;
  } else s += (zh ? '此前没有走访记录。' : 'No earlier visits.') + '\n';
  return s;
}

/** The summary shown before "Save this visit?". */
export function visitDraftAsText(
  d: { visitDate: string; officer: string; note: string | null; escalate: string | null; outcomes: OutcomeInput[] },
  who: string,
  loanNos: Map<number, string>,
  lang: Lang,
): string {
  const zh = lang === 'zh';
  const lines = [
    zh ? '—— 将保存 ——' : '—— About to save ——',
    `${zh ? '借款人' : 'Borrower'}: ${who}`,
    `${zh ? '日期' : 'Date'}: ${d.visitDate}   ${zh ? '催收员' : 'Officer'}: ${d.officer}`,
    ...d.outcomes.map((o) => `  • ${outcomeText(o, o.loanId === null ? null : (loanNos.get(o.loanId) ?? null), lang)}${o.loanId === null && o.kind !== 'note' ? (zh ? '（该户全部贷款）' : ' (all the household’s loans)') : ''}`),
  ];
  if (d.note) lines.push(`${zh ? '说明' : 'Note'}: ${d.note}`);
  if (d.escalate) lines.push(`${zh ? '需协助' : 'For the supervisor'}: ${d.escalate}`);
  return lines.join('\n') + '\n';
}

function outcomeJson(o: OutcomeRow) {
  return {
    outcome_id: o.outcomeId,
    kind: o.kind,
    loan_no: o.loanNo,
    notice_no: o.noticeNo,
    signed_by: o.signedBy,
    acted_by: o.actedBy,
    relation: o.relation,
    reason: o.reason,
    where: o.where,
    principal_fen: o.principalFen,
    interest_fen: o.interestFen,
    promise_amount_fen: o.promiseAmountFen,
    promise_date: o.promiseDate,
    text: o.text,
  };
}

export function visitJson(v: VisitRow) {
  return {
    visit_id: v.visitId,
    uid: v.uid,
    visit_date: v.visitDate,
    officer: v.officer,
    household_id: v.householdId,
    borrower_id: v.borrowerId,
    borrower: v.borrower,
    township: v.township,
    village: v.village,
    group: v.group,
    note: v.note,
    escalate: v.escalate,
    source: v.source,
    external_id: v.externalId,
    created_at: v.createdAt,
    channel: v.channel,
    evidence:
      inPerson(v.channel)
        ? null
        : { delivery: v.delivery, delivered_on: v.deliveredOn, delivered_to: maskPhone(v.deliveredTo), tracking_no: v.trackingNo, recording: v.recording === null ? null : v.recording === 1 },
    void: v.void ? { reason: v.void.reason, voided_by: v.void.by, voided_at: v.void.at } : null,
    outcomes: v.outcomes.map(outcomeJson),
  };
}

export function savedVisitAsJson(v: VisitRow, warnings: string[]): string {
  return asJson({ ...visitJson(v), warnings });
}

export function savedVisitAsText(v: VisitRow, lang: Lang): string {
  const zh = lang === 'zh';
  const via = v.channel === 'visit' ? '' : zh ? `（${pick(CHANNEL_LABELS[v.channel], lang)}）` : ` (${pick(CHANNEL_LABELS[v.channel], lang)})`;
  const head = zh ? `已保存走访 #${v.visitId}${via}：${v.borrower}，${v.visitDate}，${v.officer}` : `Saved visit #${v.visitId}${via}: ${v.borrower}, ${v.visitDate}, ${v.officer}`;
  return [head, ...v.outcomes.map((o) => `  • ${outcomeText({ ...o, by: o.actedBy }, o.loanNo, lang)}`)].join('\n') + '\n';
}

export function visitsAsJson(rows: VisitRow[]): string {
  return asJson(rows.map(visitJson));
}

/**
 * Visits for a spreadsheet: one row per outcome (a visit with three outcomes is three rows sharing visit_id), so
 * cash and promised amounts can be summed by column; amounts in yuan; void visits (with --all) carry void_reason.
 */
export function visitsTable(rows: VisitRow[]): DataTable {
  const out: CsvCell[][] = [];
  for (const v of rows) {
    const visit = [v.visitId, v.uid, v.visitDate, v.officer, v.householdId, v.borrowerId, v.borrower, v.township, v.village, v.group];
    const tail = [v.note, v.escalate, v.source, v.externalId, v.createdAt, v.void?.reason ?? null, v.void?.by ?? null, v.void?.at ?? null];
    const outcomes = v.outcomes.length ? v.outcomes : [null];
    for (const o of outcomes) {
      out.push([
        ...visit,
        o?.kind,
        o?.loanNo,
        o?.noticeNo,
        o?.signedBy,
        o?.relation,
        o?.reason,
        o?.where,
        money(o?.principalFen),
        money(o?.interestFen),
        money(o?.promiseAmountFen),
        o?.promiseDate,
        o?.text,
        ...tail,
      ]);
    }
  }
  return {
    columns: [
      'visit_id', 'uid', 'visit_date', 'officer', 'household_id', 'borrower_id', 'borrower', 'township', 'village', 'group',
      'outcome', 'loan_no', 'notice_no', 'signed_by', 'relation', 'reason', 'where', 'principal', 'interest', 'promise_amount', 'promise_date', 'text',
      'note', 'escalate', 'source', 'external_id', 'created_at', 'void_reason', 'voided_by', 'voided_at',
    ],
    labels: { principal: { zh: '收回本金', en: 'Principal paid' }, interest: { zh: '收回利息', en: 'Interest paid' } },
    rows: out,
  };
}

export function visitsAsCsv(rows: VisitRow[], headers: CsvHeaders = 'en'): string {
  return tableAsCsv(visitsTable(rows), headers);
}

export function visitsAsText(rows: VisitRow[], lang: Lang, opts: { ascii?: boolean; width?: number } = {}): string {
  const zh = lang === 'zh';
  if (rows.length === 0) return zh ? '没有符合条件的走访记录。\n' : 'No visits match.\n';
  const table = renderTable(
    [
      { header: zh ? '编号' : 'id', align: 'right' },
      { header: zh ? '日期' : 'date' },
      { header: zh ? '催收员' : 'officer' },
      { header: zh ? '借款人' : 'borrower' },
      { header: zh ? '村委' : 'village', maxWidth: 26 },
      { header: zh ? '结果' : 'outcomes', maxWidth: 56 },
    ],
    rows.map((v) => [
      v.visitId,
      v.visitDate,
      v.officer,
      v.borrower,
      [v.village, v.group].filter(Boolean).join(' '),
      (v.void ? (zh ? `【作废：${v.void.reason}】` : `[VOID: ${v.void.reason}] `) : '') +
        v.outcomes
          // A payment's id is what `reconcile confirm` takes.
          .map((o) => outcomeText({ ...o, by: o.actedBy }, o.loanNo, lang) + (o.kind === 'cash' ? (zh ? `（收款编号 ${o.outcomeId}）` : ` (payment ${o.outcomeId})`) : ''))
          .join('\n') +
        (v.escalate ? '\n' + (zh ? `需协助：${v.escalate}` : `for the supervisor: ${v.escalate}`) : ''),
    ]),
    opts,
  );
  return table + (zh ? `共 ${rows.length} 次走访\n` : `${rows.length} visit${rows.length === 1 ? '' : 's'}\n`);
}

export const visitListRenderers: RendererMap<'visit list', VisitRow[]> = {
  text: (rows, o) => visitsAsText(rows, o.lang, { ascii: o.ascii, width: o.width }),
  json: (rows) => visitsAsJson(rows),
  csv: (rows, o) => visitsAsCsv(rows, o.headers),
  xlsx: (rows, o) => tableWorkbook(o.lang === 'zh' ? '走访记录' : 'Visits', visitsTable(rows), o.lang),
};
