// What a visit can record, and the vocabularies its fields draw on.
import type { Text } from './text.js';

export const OUTCOME_KINDS = ['notice-signed', 'not-signed', 'cash', 'intent', 'statute-expired', 'note', 'demand'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** How a contact was made: a field visit, or a call, a message (SMS/WeChat), a letter, a lawyer's letter, the office. */
export const CHANNELS = ['visit', 'phone', 'message', 'letter', 'lawyer-letter', 'office'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, Text> = {
  visit: { zh: '上门走访', en: 'field visit' },
  phone: { zh: '电话', en: 'phone call' },
  message: { zh: '短信/微信', en: 'message' },
  letter: { zh: '信函', en: 'letter' },
  'lawyer-letter': { zh: '律师函', en: "lawyer's letter" },
  office: { zh: '来社（行）面谈', en: 'at the office' },
};

/** Contacts in person: a signature or a promise there is proved by the visit itself. */
export function inPerson(c: Channel): boolean {
  return c === 'visit' || c === 'office';
}

/** The evidence a remote contact can carry. */
export interface ContactEvidence {
  channel: Channel;
  /** message: delivered or not, as the phone or platform reported it. */
  delivery: 'delivered' | 'not-delivered' | null;
  /** message / letter: the day it was delivered (the letter's delivery date from its tracking). */
  deliveredOn: string | null;
  /** message: the number or account it went to (masked in output). */
  deliveredTo: string | null;
  /** letter: the postal tracking number. */
  trackingNo: string | null;
  /** phone: a recording of the call exists. */
  recording: boolean | null;
}

export const NOT_SIGNED_REASONS = ['away', 'refused', 'not-found', 'deceased', 'other'] as const;
export type NotSignedReason = (typeof NOT_SIGNED_REASONS)[number];

export const SIGNED_BY = ['borrower', 'relative', 'guarantor'] as const;
export type SignedBy = (typeof SIGNED_BY)[number];

export const BORROWER_STATUSES = ['active', 'away', 'deceased'] as const;
export type BorrowerStatus = (typeof BORROWER_STATUSES)[number];

export const OUTCOME_LABELS: Record<OutcomeKind, Text> = {
  'notice-signed': { zh: '签回催收通知书', en: 'notice signed back' },
  'not-signed': { zh: '未签回通知书', en: 'notice not signed' },
  cash: { zh: '现金收回', en: 'cash collected' },
  intent: { zh: '达成还款意向', en: 'repayment intent' },
  'statute-expired': { zh: '已丧失诉讼时效', en: 'statute expired' },
  note: { zh: '其他情况', en: 'note' },
  demand: { zh: '发出催收（函件/信息）', en: 'demand sent' },
};

export const REASON_LABELS: Record<NotSignedReason, Text> = {
  away: { zh: '外出务工', en: 'away' },
  refused: { zh: '拒签', en: 'refused' },
  'not-found': { zh: '未找到', en: 'not found' },
  deceased: { zh: '已死亡', en: 'deceased' },
  other: { zh: '其他', en: 'other' },
};

export const STATUS_LABELS: Record<BorrowerStatus, Text> = {
  active: { zh: '正常', en: 'active' },
  away: { zh: '外出', en: 'away' },
  deceased: { zh: '死亡', en: 'deceased' },
};

/** Chinese and English names a file may use for an outcome code. */
export const OUTCOME_ALIASES: Record<string, OutcomeKind> = {
  'notice-signed': 'notice-signed',
  signed: 'notice-signed',
  签回: 'notice-signed',
  签回通知书: 'notice-signed',
  签回催收通知书: 'notice-signed',
  'not-signed': 'not-signed',
  未签回: 'not-signed',
  未签回通知书: 'not-signed',
  cash: 'cash',
  现金收回: 'cash',
  收回现金: 'cash',
  还款: 'cash',
  intent: 'intent',
  还款意向: 'intent',
  达成还款意向: 'intent',
  'statute-expired': 'statute-expired',
  丧失诉讼时效: 'statute-expired',
  已丧失诉讼时效: 'statute-expired',
  note: 'note',
  其他: 'note',
  其他情况: 'note',
  demand: 'demand',
  催收函: 'demand',
  发出催收: 'demand',
};

export function parseOutcomeKind(s: string): OutcomeKind | null {
  return OUTCOME_ALIASES[s.trim().toLowerCase()] ?? OUTCOME_ALIASES[s.trim()] ?? null;
}
