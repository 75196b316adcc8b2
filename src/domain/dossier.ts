// The shapes of a loan's legal file (证据目录), shared by the query (src/db/dossier.ts) and the builder (src/report/dossier.ts).
import type { IsoDate } from './dates.js';
import type { LoanClockFacts, ClockEventUsed } from './limitation.js';
import type { LoanPosting } from './posting.js';
import type { Channel } from './outcomes.js';
import { text, type Text } from './text.js';

export interface DossierParties {
  loanNo: string;
  loanDate: IsoDate | null;
  dueDate: IsoDate | null;
  officer: string | null;
  borrower: { id: number; name: string; idNumber: string | null; phone: string | null };
  household: { id: number; head: string; township: string; village: string; group: string | null; members: string[] };
  guarantor: { name: string; address: string | null; type: string | null; until: IsoDate | null } | null;
}

/** One attachment of a contact; its bytes when it is an image to embed. */
export interface DossierAttachment {
  visitId: number;
  name: string;
  type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array | null;
}

export interface DossierCost {
  id: number;
  date: IsoDate;
  kind: string;
  amountFen: number;
  officer: string | null;
  note: string | null;
  voided: boolean;
}

/** A contact as the file lists it (src/db/visitList.ts VisitRow fits it). */
export interface DossierVisit {
  visitId: number;
  visitDate: IsoDate;
  officer: string;
  borrower: string;
  channel: Channel;
  delivery: string | null;
  deliveredOn: IsoDate | null;
  trackingNo: string | null;
  recording: number | null;
  void: { reason: string; by: string | null; at: string } | null;
  outcomes: { kind: string; loanNo: string | null; noticeNo: string | null; signedBy: string | null; actedBy: string | null; relation: string | null; principalFen: number | null; interestFen: number | null; promiseAmountFen: number | null; promiseDate: IsoDate | null; reason: string | null; text: string | null }[];
}

/** A notice as the file lists it (src/db/notices.ts NoticeRow fits it). */
export interface DossierNotice {
  noticeNo: string;
  type: string | null;
  issuedOn: IsoDate | null;
  external: boolean;
  principalFen: number | null;
  interestFen: number | null;
  signedOn: IsoDate | null;
  signedBy: string | null;
  relation: string | null;
  signedVisitId: number | null;
  voidedAt: string | null;
}

export interface DossierRecord {
  id: number;
  date: IsoDate;
  kind: string;
  note: string | null;
  voidReason: string | null;
}

export interface DossierFacts {
  parties: DossierParties;
  clock: LoanClockFacts;
  posting: LoanPosting;
  visits: DossierVisit[];
  notices: DossierNotice[];
  marks: (DossierRecord & { medium: string | null })[];
  legal: (DossierRecord & { stage: string; performBy: IsoDate | null; court: string | null; caseNo: string | null; result: string | null })[];
  attachments: DossierAttachment[];
  costs: DossierCost[];
}

export type Proof = 'demand-delivered' | 'agreement-to-pay' | 'payment' | 'acceleration' | 'lawsuit' | 'none' | 'no-proof';

/** What a contact proves for the clock, from the clock's reading of its events (the article is in the event's why). */
export function proofOf(events: readonly ClockEventUsed[]): Proof {
  let best: Proof = 'none';
  const rank: Record<Proof, number> = { none: 0, 'no-proof': 1, acceleration: 2, lawsuit: 2, 'demand-delivered': 3, 'agreement-to-pay': 4, payment: 5 };
  for (const e of events) {
    let p: Proof = 'none';
    if (e.unproven) p = 'no-proof';
    else if (e.kind === 'payment') p = 'payment';
    else if (e.kind === 'intent' || e.kind === 'signed-promise') p = 'agreement-to-pay';
    else if (e.kind === 'notice-signed' || e.kind === 'relative-signed' || e.kind === 'demand' || e.kind === 'public-notice') p = 'demand-delivered';
    if (rank[p] > rank[best]) best = p;
  }
  return best;
}

export const PROOF_TEXT: Record<Proof, Text> = {
  'demand-delivered': text('催收已送达', 'demand delivered'),
  'agreement-to-pay': text('同意履行（承诺还款）', 'agreement to pay'),
  payment: text('还款', 'payment'),
  acceleration: text('宣布提前到期', 'acceleration'),
  lawsuit: text('诉讼', 'lawsuit'),
  none: text('—', '—'),
  'no-proof': text('已记录，无证据', 'recorded, no proof'),
};
