// Collection notice types (the seven bank templates) and the numbering series of the notice register (台账).
import type { Text } from './text.js';

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
  /** The body of the notice: what the bank tells the borrower (or guarantor). */
  body: Text;
}

export const NOTICE_TYPE_INFO: Record<NoticeType, NoticeTypeInfo> = {
  'interest-reminder': {
    label: { zh: '提示付息通知书', en: 'interest payment reminder' },
    body: {
      zh: '您在我社（行）的借款利息即将到期，请按合同约定按时足额支付利息。',
      en: 'Interest on your loan with us falls due soon; please pay it in full and on time as the contract provides.',
    },
  },
  'overdue-interest': {
    label: { zh: '催收欠息通知书', en: 'overdue interest collection notice' },
    body: {
      zh: '您在我社（行）的借款已拖欠利息，请于收到本通知书后尽快归还所欠利息。',
      en: 'Interest on your loan with us is overdue; please pay the interest owed as soon as you receive this notice.',
    },
  },
  'overdue-loan': {
    label: { zh: '催收逾期贷款本息通知书', en: 'overdue principal and interest collection notice' },
    body: {
      zh: '您在我社（行）的借款已逾期，请于收到本通知书后尽快归还所欠本金和利息。',
      en: 'Your loan with us is overdue; please repay the principal and interest owed as soon as you receive this notice.',
    },
  },
  'maturity-reminder': {
    label: { zh: '提示归还到期贷款通知书', en: 'maturity reminder' },
    body: {
      zh: '您在我社（行）的借款即将到期，请按期归还本金和利息。',
      en: 'Your loan with us matures soon; please repay the principal and interest when it falls due.',
    },
  },
  'matured-loan': {
    label: { zh: '催收到期贷款通知书', en: 'matured loan collection notice' },
    body: {
      zh: '您在我社（行）的借款已到期，请于收到本通知书后尽快归还本金和利息。',
      en: 'Your loan with us has matured; please repay the principal and interest as soon as you receive this notice.',
    },
  },
  guarantor: {
    label: { zh: '督促履行保证责任通知书', en: 'guarantor demand notice' },
    body: {
      zh: '您为下列借款提供连带责任保证，借款人未按期归还，请您履行保证责任，代为清偿。',
      en: 'You guaranteed the loan below with joint liability; the borrower has not repaid it on time, so please honour the guarantee and pay on their behalf.',
    },
  },
  acceleration: {
    label: { zh: '贷款提前到期通知书', en: 'loan acceleration notice' },
    body: {
      zh: '根据借款合同约定，我社（行）宣布您的借款提前到期，请于收到本通知书后立即归还全部本金和利息。',
      en: 'Under the loan contract we declare your loan due ahead of time; please repay all principal and interest immediately.',
    },
  },
};

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
