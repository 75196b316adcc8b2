// A visit and its outcomes, and the rules a visit must satisfy before it is saved.
import type { Fen } from './money.js';
import type { IsoDate } from './dates.js';
import { inPerson, type Channel, type ContactEvidence, type NotSignedReason, type OutcomeKind, type SignedBy } from './outcomes.js';
import { text, type Text } from './text.js';
import { createHash } from 'node:crypto';

export interface OutcomeInput {
  kind: OutcomeKind;
  /** null: covers all of the household's loans (never for cash). */
  loanId: number | null;
  noticeNo?: string | null;
  /** notice-signed: who signed; null: the borrower, or the guarantor when the notice number is a guarantor notice. */
  signedBy?: SignedBy | null;
  /** intent / cash: who promised or paid (default the borrower). A guarantor's act never changes the borrower's clock. */
  by?: SignedBy | null;
  relation?: string | null;
  reason?: NotSignedReason | null;
  where?: string | null;
  principalFen?: Fen | null;
  interestFen?: Fen | null;
  promiseAmountFen?: Fen | null;
  promiseDate?: IsoDate | null;
  text?: string | null;
}

export interface VisitInput {
  uid?: string;
  originDb?: string;
  householdId: number;
  borrowerId: number | null;
  visitDate: IsoDate;
  officer: string;
  note?: string | null;
  escalate?: string | null;
  source: 'cli' | 'import' | 'merge';
  externalId?: string | null;
  createdAt: string;
  outcomes: OutcomeInput[];
  /** How the contact was made (default a field visit) and the evidence of a remote one. */
  evidence?: ContactEvidence;
}

/** Which rule a problem breaks, so a caller can word it for its own input (flags, a file's columns). */
export type VisitRule =
  | 'future-date'
  | 'officer-missing'
  | 'no-outcome'
  | 'signed-and-not-signed'
  | 'cash-amount'
  | 'intent-amount'
  | 'intent-date'
  | 'promise-before-visit'
  | 'not-signed-reason'
  | 'demand-channel'
  | 'delivered-before-contact';

/** One broken rule: which rule, the VisitInput/OutcomeInput field it is about, and the message for flags. */
export interface VisitProblem {
  rule: VisitRule;
  field: 'visitDate' | 'officer' | 'outcomes' | 'principalFen' | 'promiseAmountFen' | 'promiseDate' | 'reason' | 'channel' | 'deliveredOn';
  text: Text;
}

/**
 * The checks that need no database: what each outcome must carry, dates, amounts. Without `today` the visit date is
 * not checked against it (a file's rows are checked for the future where today is known).
 */
export function visitProblems(v: VisitInput, today?: IsoDate): VisitProblem[] {
  const errs: VisitProblem[] = [];
  const add = (rule: VisitRule, field: VisitProblem['field'], t: Text) => errs.push({ rule, field, text: t });
  if (today !== undefined && v.visitDate > today) {
    add('future-date', 'visitDate', text(`走访日期 ${v.visitDate} 在今天（${today}）之后：不能记录未来的走访`, `the visit date ${v.visitDate} is after today (${today}): a visit cannot be in the future`));
  }
  if (!v.officer.trim()) add('officer-missing', 'officer', text('缺少催收员（--officer，或用 fieldvisit config set officer 设置默认值）', 'the officer is missing (--officer, or set a default with fieldvisit config set officer)'));
  if (v.outcomes.length === 0) add('no-outcome', 'outcomes', text('至少要有一项走访结果', 'a visit needs at least one outcome'));
  const channel: Channel = v.evidence?.channel ?? 'visit';
  const kinds = new Set(v.outcomes.map((o) => o.kind));
  if (kinds.has('notice-signed') && kinds.has('not-signed')) {
    const sameLoan = v.outcomes.filter((o) => o.kind === 'notice-signed').some((a) => v.outcomes.some((b) => b.kind === 'not-signed' && b.loanId === a.loanId));
    if (sameLoan) add('signed-and-not-signed', 'outcomes', text('同一笔贷款不能同时“签回”和“未签回”', 'one loan cannot be both signed and not signed in one visit'));
  }
  for (const o of v.outcomes) {
    switch (o.kind) {
      case 'cash':
        if ((o.principalFen ?? 0) + (o.interestFen ?? 0) <= 0) {
          add('cash-amount', 'principalFen', text('现金收回需要本金（--principal）或利息（--interest）金额', 'cash needs a principal (--principal) or interest (--interest) amount'));
        }
        break;
      case 'intent':
        if (!o.promiseAmountFen || o.promiseAmountFen <= 0) add('intent-amount', 'promiseAmountFen', text('还款意向需要承诺金额（--promise-amount）', 'an intent needs the promised amount (--promise-amount)'));
        if (!o.promiseDate) add('intent-date', 'promiseDate', text('还款意向需要承诺日期（--promise-date）', 'an intent needs the promised date (--promise-date)'));
        else if (v.visitDate && o.promiseDate < v.visitDate) {
          add('promise-before-visit', 'promiseDate', text(`承诺日期 ${o.promiseDate} 早于走访日期`, `the promised date ${o.promiseDate} is before the visit`));
        }
        break;
      case 'not-signed':
        if (!o.reason) add('not-signed-reason', 'reason', text('未签回需要原因（--reason away|refused|not-found|deceased|other）', 'not-signed needs a reason (--reason away|refused|not-found|deceased|other)'));
        break;
      case 'notice-signed':
        break;
      case 'note':
        break;
      case 'statute-expired':
        break;
      case 'demand':
        if (inPerson(channel)) {
          add('demand-channel', 'channel', text('“发出催收”用于短信/微信、信函或律师函（--channel message|letter|lawyer-letter）；当面催收请记签回或未签回通知书', 'a demand goes out by message, letter or lawyer’s letter (--channel message|letter|lawyer-letter); in person, record the notice signed or not signed'));
        }
        break;
    }
  }
  const delivered = v.evidence?.deliveredOn;
  if (delivered && delivered < v.visitDate) {
    add('delivered-before-contact', 'deliveredOn', text(`送达日期 ${delivered} 早于发出日期 ${v.visitDate}`, `the delivery date ${delivered} is before the contact's date ${v.visitDate}`));
  }
  if (today !== undefined && delivered && delivered > today) {
    add('delivered-before-contact', 'deliveredOn', text(`送达日期 ${delivered} 在今天之后`, `the delivery date ${delivered} is after today`));
  }
  return errs;
}

/** The same checks as messages only (what `visit log` and the save refuse with). */
export function checkVisit(v: VisitInput, today: IsoDate): Text[] {
  return visitProblems(v, today).map((p) => p.text);
}

/** The outcome fields beyond loan, date, officer, kinds and amounts; optional so older callers still fit. */
export interface DedupeExtras {
  noticeNo?: string | null;
  signedBy?: string | null;
  relation?: string | null;
  promiseDate?: string | null;
  reason?: string | null;
  where?: string | null;
  note?: string | null;
  escalate?: string | null;
}

const EXTRA_KEYS: (keyof DedupeExtras)[] = ['noticeNo', 'signedBy', 'relation', 'promiseDate', 'reason', 'where', 'note', 'escalate'];

/**
 * Identifies "the same row again" in a visits file without a visit_id: loan, date, officer, outcomes, amounts and
 * every other outcome field (notice number, who signed, promised date, reason, where, note, escalate), so two rows
 * that differ in anything are never taken for one. A row with none of the extra fields keeps the key it always had.
 */
export function dedupeKey(parts: { loanNo: string; visitDate: string; officer: string; outcomes: string[]; amounts: (number | null | undefined)[] } & DedupeExtras): string {
  let s = [parts.loanNo, parts.visitDate, parts.officer.trim(), [...parts.outcomes].sort().join(';'), parts.amounts.map((a) => a ?? '').join(',')].join('|');
  for (const k of EXTRA_KEYS) {
    const v = parts[k]?.trim();
    if (v) s += `|${k}=${JSON.stringify(v)}`;
  }
  return createHash('sha256').update(s).digest('hex').slice(0, 32);
}

/** What one row of a visits file records, for telling "the same visit again" from "another visit under the same id". */
export interface VisitContent extends DedupeExtras {
  loanNo: string;
  visitDate: string;
  officer: string;
  outcomes: string[];
  principalFen: number | null;
  interestFen: number | null;
  promiseAmountFen: number | null;
}

/**
 * A key over everything a visit row records, with the amounts normalised as they are stored (an empty interest on a
 * cash row is 0; an amount of an outcome not recorded is none) and the borrower signing written as no signer.
 */
export function visitContentKey(c: VisitContent): string {
  const has = (k: string) => c.outcomes.includes(k);
  return dedupeKey({
    ...c,
    signedBy: c.signedBy === 'borrower' ? null : c.signedBy,
    amounts: [has('cash') ? (c.principalFen ?? 0) : null, has('cash') ? (c.interestFen ?? 0) : null, has('intent') ? c.promiseAmountFen : null],
    promiseDate: has('intent') ? c.promiseDate : null,
  });
}
