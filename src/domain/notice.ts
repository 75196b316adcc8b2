// Collection notice types (the seven bank templates) and the numbering series of the notice register (台账).
import type { Lang, Text } from './text.js';
import type { IsoDate } from './dates.js';
import { fenToDisplay, yuanInCapitals, type Fen } from './money.js';
import { writtenDate } from './letterhead.js';

export const NOTICE_TYPES = [
  'interest-reminder',
  'overdue-interest',
  'overdue-loan',
  'maturity-reminder',
  'matured-loan',
  'guarantor',
  'acceleration',
] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

export interface NoticeTypeInfo {
  label: Text;
}

export const NOTICE_TYPE_INFO: Record<NoticeType, NoticeTypeInfo> = {
  'interest-reminder': { label: { zh: '提示付息通知书', en: 'interest payment reminder' } },
  'overdue-interest': { label: { zh: '催收欠息通知书', en: 'overdue interest collection notice' } },
  'overdue-loan': { label: { zh: '催收逾期贷款本息通知书', en: 'overdue principal and interest collection notice' } },
  'maturity-reminder': { label: { zh: '提示归还到期贷款通知书', en: 'maturity reminder' } },
  'matured-loan': { label: { zh: '催收到期贷款通知书', en: 'matured loan collection notice' } },
  guarantor: { label: { zh: '督促履行保证责任通知书', en: 'guarantor demand notice' } },
  acceleration: { label: { zh: '贷款提前到期通知书', en: 'loan acceleration notice' } },
};

/** Without --pay-by, a collection notice asks for payment within this many days of receipt. */
export const PAY_WITHIN_DAYS = 15;

/** What a notice says, filled from the register: every amount and date as stored when it was issued. */
export interface NoticeFacts {
  type: NoticeType;
  /** Institution and branch from the letterhead; null: the notice says "the lender" (贷款人) only. */
  lender: string | null;
  borrower: string;
  loanNo: string;
  loanDate: IsoDate | null;
  dueDate: IsoDate | null;
  issuedOn: IsoDate;
  principalFen: Fen;
  interestFen: Fen;
  payBy: IsoDate | null;
}

/** The body of the notice (paragraphs) and the receipt's acknowledgement, in the chosen language. */
export interface NoticeWording {
  paragraphs: string[];
  acknowledgement: string;
}

/** The deadline a notice without --pay-by sets, as the facts table states it. */
export function noticeDeadline(f: Pick<NoticeFacts, 'type' | 'dueDate'>): Text {
  switch (f.type) {
    case 'interest-reminder':
      return { zh: '合同约定的结息日', en: 'the interest date the contract sets' };
    case 'maturity-reminder':
      return f.dueDate ? { zh: writtenDate(f.dueDate, 'zh'), en: writtenDate(f.dueDate, 'en') } : { zh: '借款到期日', en: 'the due date' };
    case 'overdue-interest':
    case 'overdue-loan':
    case 'matured-loan':
    case 'guarantor':
    case 'acceleration':
      return { zh: `收到本通知书之日起${zhCount(PAY_WITHIN_DAYS)}日内`, en: `within ${PAY_WITHIN_DAYS} days of receipt` };
  }
}

const ZH_NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 15 → 十五 (days on a notice are written in Chinese numerals); up to 99. */
function zhCount(n: number): string {
  if (n <= 10) return ZH_NUM[n]!;
  const t = Math.floor(n / 10);
  const u = n % 10;
  return `${t === 1 ? '' : ZH_NUM[t]}十${u ? ZH_NUM[u] : ''}`;
}

// Issuing refuses a balance below zero; a notice stored by an older version might still carry one: figures only then.
function amountZh(fen: Fen): string {
  return fen < 0 ? `人民币${fenToDisplay(fen)}元` : `人民币${fenToDisplay(fen)}元（大写：${yuanInCapitals(fen)}）`;
}

function amountEn(fen: Fen): string {
  return fen < 0 ? `RMB ${fenToDisplay(fen)}` : `RMB ${fenToDisplay(fen)} (${yuanInCapitals(fen)})`;
}

/**
 * The legal wording of each of the seven notices, as a county cooperative's notice puts it: what is owed under which
 * contract, by when to pay, what follows if nothing is paid, and the request to sign the receipt. Pure: every figure
 * comes from the facts, so a reprint says exactly what the original said.
 */
export function noticeWording(f: NoticeFacts, lang: Lang): NoticeWording {
  return lang === 'zh' ? wordingZh(f) : wordingEn(f);
}

function wordingZh(f: NoticeFacts): NoticeWording {
  const L = f.lender ? `${f.lender}（以下简称“贷款人”）` : '贷款人';
  const contract = `借款合同（合同编号：${f.loanNo}）`;
  const since = f.loanDate ? `于${writtenDate(f.loanDate, 'zh')}` : '';
  const due = f.dueDate ? writtenDate(f.dueDate, 'zh') : null;
  const asOf = writtenDate(f.issuedOn, 'zh');
  const total = f.principalFen + f.interestFen;
  const owes = (who: string) =>
    `截至${asOf}，${who}尚欠借款本金${amountZh(f.principalFen)}，利息${amountZh(f.interestFen)}，合计${amountZh(total)}（利息计至该日，此后按合同约定继续计收）。`;
  const within = `自收到本通知书之日起${zhCount(PAY_WITHIN_DAYS)}日内`;
  const by = (fallback: string) => (f.payBy ? `于${writtenDate(f.payBy, 'zh')}前` : fallback);
  const fees = '由此产生的诉讼费、保全费等费用按合同约定由您承担。';
  let body: string;
  let consequence: string;
  switch (f.type) {
    case 'interest-reminder':
      body = `您${since}与${L}签订${contract}，该笔借款的利息即将到期应付。${owes('您')}请您${by('在合同约定的结息日前')}按合同约定足额支付应付利息。`;
      consequence = '未按期支付的，贷款人将按合同约定对欠付利息计收复利，并将逾期记录报送金融信用信息基础数据库，影响您的信用记录。';
      break;
    case 'overdue-interest':
      body = `您${since}与${L}签订${contract}，您未按合同约定按期支付利息，已拖欠利息。${owes('您')}请您${by(within)}归还所欠利息。`;
      consequence = `逾期仍不归还的，贷款人将按合同约定计收复利和罚息，有权宣布借款提前到期，并依法向人民法院提起诉讼；${fees}`;
      break;
    case 'overdue-loan':
      body = `您${since}与${L}签订${contract}，该笔借款${due ? `已于${due}到期，您未按期归还，现已逾期` : '已逾期未还'}。${owes('您')}请您${by(within)}归还全部欠款本息。`;
      consequence = `逾期仍不归还的，贷款人将按合同约定计收逾期罚息，依法向人民法院提起诉讼并申请强制执行，并将逾期记录报送金融信用信息基础数据库；${fees}`;
      break;
    case 'maturity-reminder':
      body = `您${since}与${L}签订${contract}，该笔借款${due ? `将于${due}到期` : '即将到期'}。${owes('您')}请您${by(due ? `于借款到期日（${due}）前` : '在借款到期日前')}足额归还借款本息。`;
      consequence = '到期未还的，贷款人将按合同约定自逾期之日起计收罚息，并将逾期记录报送金融信用信息基础数据库，影响您的信用记录。';
      break;
    case 'matured-loan':
      body = `您${since}与${L}签订${contract}，该笔借款${due ? `已于${due}到期` : '已经到期'}。${owes('您')}请您${by(within)}归还全部到期借款本息。`;
      consequence = `逾期仍不归还的，贷款人将按合同约定计收逾期罚息，并依法向人民法院提起诉讼；${fees}`;
      break;
    case 'guarantor':
      body = `借款人${f.borrower}${since}与${L}签订${contract}，您为该笔借款提供保证担保。该笔借款${due ? `已于${due}到期` : '已经到期'}，借款人未按约定归还。${owes('借款人')}根据保证合同的约定和《中华人民共和国民法典》关于保证合同的规定，请您${by(within)}履行保证责任，代借款人清偿上述欠款。`;
      consequence = `逾期不履行的，贷款人将依法向人民法院提起诉讼，要求您承担保证责任；${fees}`;
      break;
    case 'acceleration':
      body = `您${since}与${L}签订${contract}${due ? `，原约定到期日为${due}` : ''}。因您未按合同约定履行义务，贷款人依照借款合同的约定，宣布该笔借款于${asOf}提前到期。${owes('您')}请您${by(within)}归还全部借款本息。`;
      consequence = `逾期仍不归还的，贷款人将按合同约定计收罚息，并依法向人民法院提起诉讼；${fees}`;
      break;
  }
  const who = f.type === 'guarantor' ? '保证人' : '借款人';
  const sign = `本通知书一式两份。请您在回执联上签字（或捺印）并注明签收日期，${who}签收后，回执联交回贷款人留存。本通知书是贷款人向您主张债权的书面凭证。`;
  const ack =
    f.type === 'guarantor'
      ? `本人已收到贷款人于${asOf}发出的本通知书，对借款人${f.borrower}所欠上述借款本息予以确认。`
      : `本人已收到贷款人于${asOf}发出的本通知书，对上述欠款本息予以确认，并同意按本通知书的要求归还。`;
  return { paragraphs: [body, consequence, sign], acknowledgement: ack };
}

function wordingEn(f: NoticeFacts): NoticeWording {
  const L = f.lender ? `${f.lender} (“the lender”)` : 'the lender';
  const contract = `loan contract no. ${f.loanNo}`;
  const since = f.loanDate ? ` on ${writtenDate(f.loanDate, 'en')}` : '';
  const due = f.dueDate ? writtenDate(f.dueDate, 'en') : null;
  const asOf = writtenDate(f.issuedOn, 'en');
  const total = f.principalFen + f.interestFen;
  const owes = (who: string) =>
    `At ${asOf}, ${who} principal of ${amountEn(f.principalFen)} and interest of ${amountEn(f.interestFen)}, in all ${amountEn(total)} (interest to that day; interest continues to accrue as the contract provides).`;
  const within = `within ${PAY_WITHIN_DAYS} days of receiving this notice`;
  const by = (fallback: string) => (f.payBy ? `by ${writtenDate(f.payBy, 'en')}` : fallback);
  const fees = 'legal costs, including court and preservation fees, will be charged to you as the contract provides.';
  let body: string;
  let consequence: string;
  switch (f.type) {
    case 'interest-reminder':
      body = `You signed ${contract} with ${L}${since}. Interest on this loan falls due shortly. ${owes('you owe')} Please pay the interest due in full ${by('by the interest date the contract sets')}.`;
      consequence = 'If it is not paid on time, the lender will charge compound interest on the unpaid interest as the contract provides and report the arrears to the credit reference system.';
      break;
    case 'overdue-interest':
      body = `You signed ${contract} with ${L}${since}. You have not paid the interest as the contract requires, and interest is overdue. ${owes('you owe')} Please pay the overdue interest ${by(within)}.`;
      consequence = `If it is still not paid, the lender will charge compound and penalty interest as the contract provides, may declare the loan due at once, and will take the matter to court; ${fees}`;
      break;
    case 'overdue-loan':
      body = `You signed ${contract} with ${L}${since}. ${due ? `The loan fell due on ${due} and you did not repay it; it is now overdue.` : 'The loan is overdue.'} ${owes('you owe')} Please repay all principal and interest owed ${by(within)}.`;
      consequence = `If it is still not repaid, the lender will charge penalty interest as the contract provides, sue in the people’s court and apply for enforcement, and report the arrears to the credit reference system; ${fees}`;
      break;
    case 'maturity-reminder':
      body = `You signed ${contract} with ${L}${since}. ${due ? `The loan falls due on ${due}.` : 'The loan falls due shortly.'} ${owes('you owe')} Please repay the principal and interest in full ${by(due ? `by the due date (${due})` : 'by the due date')}.`;
      consequence = 'If it is not repaid when due, the lender will charge penalty interest from the day it becomes overdue, as the contract provides, and report the arrears to the credit reference system.';
      break;
    case 'matured-loan':
      body = `You signed ${contract} with ${L}${since}. ${due ? `The loan fell due on ${due}.` : 'The loan has fallen due.'} ${owes('you owe')} Please repay all principal and interest due ${by(within)}.`;
      consequence = `If it is still not repaid, the lender will charge penalty interest as the contract provides and take the matter to court; ${fees}`;
      break;
    case 'guarantor':
      body = `${f.borrower} (the borrower) signed ${contract} with ${L}${since}, and you guaranteed this loan. ${due ? `The loan fell due on ${due}` : 'The loan has fallen due'} and the borrower has not repaid it. ${owes('the borrower owes')} Under the guarantee contract and the Civil Code’s provisions on guarantees, please honour your guarantee and pay this debt on the borrower’s behalf ${by(within)}.`;
      consequence = `If you do not, the lender will sue you in the people’s court to enforce the guarantee; ${fees}`;
      break;
    case 'acceleration':
      body = `You signed ${contract} with ${L}${since}${due ? `, due on ${due}` : ''}. Because you have not performed the contract, the lender, as the contract allows, declares the loan due on ${asOf}, ahead of its term. ${owes('you owe')} Please repay all principal and interest ${by(within)}.`;
      consequence = `If it is still not repaid, the lender will charge penalty interest as the contract provides and take the matter to court; ${fees}`;
      break;
  }
  const sign = 'This notice is made in two copies. Please sign (or put your fingerprint on) the receipt and write the date you received it; the signed receipt returns to the lender. This notice is the lender’s written demand for the debt.';
  const ack =
    f.type === 'guarantor'
      ? `I received this notice, issued by the lender on ${asOf}, and confirm the principal and interest the borrower ${f.borrower} owes as stated above.`
      : `I received this notice, issued by the lender on ${asOf}, confirm the principal and interest owed as stated above, and agree to repay them as this notice asks.`;
  return { paragraphs: [body, consequence, sign], acknowledgement: ack };
}

export function isNoticeType(s: string): s is NoticeType {
  return (NOTICE_TYPES as readonly string[]).includes(s);
}

export const DEFAULT_NOTICE_SERIES = '{township}-{year}-{seq:4}';

/** A series pattern is valid when it has exactly one {seq} or {seq:N} and only known placeholders. */
export function isValidSeries(pattern: string): boolean {
  const holes = [...pattern.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  return holes.filter((h) => /^seq(:\d{1,2})?$/.test(h)).length === 1 && holes.every((h) => /^(seq(:\d{1,2})?|township|year)$/.test(h));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Fills the pattern's township and year; `seqRe` matches the numbers already issued in this series, capturing the sequence. */
export function noticeSeries(pattern: string, township: string, year: string): { format(seq: number): string; seqRe: RegExp } {
  const fill = (seqPart: (width: number) => string, lit: (s: string) => string) =>
    pattern
      .split(/(\{[^}]*\})/)
      .map((part) => {
        if (part === '{township}') return lit(township);
        if (part === '{year}') return lit(year);
        const m = /^\{seq(?::(\d+))?\}$/.exec(part);
        if (m) return seqPart(Number(m[1] ?? 1));
        return lit(part);
      })
      .join('');
  return {
    format: (seq) => fill((w) => String(seq).padStart(w, '0'), (s) => s),
    seqRe: new RegExp('^' + fill(() => '(\\d+)', escapeRe) + '$'),
  };
}
