// Which recorded fact is which legal event: a visit's outcomes, loan marks and legal stages, mapped by exhaustive switches.
import type { IsoDate } from './dates.js';
import { inPerson, type Channel, type OutcomeKind } from './outcomes.js';
import { text } from './text.js';
import type { Actor, LegalResult, LegalStage, PublicMedium } from './limitationStatus.js';
import { STAGE_TEXT, type ClockEvent } from './limitation.js';
import type { GuarantorAct } from './guarantee.js';

/** One outcome of a live visit as the clock reads it (src/db/limitation.ts gathers these for one loan). */
export interface ClockOutcome {
  visitId: number;
  date: IsoDate;
  kind: OutcomeKind;
  actor: Actor | null;
  reason: string | null;
  where: string | null;
  text: string | null;
  principalFen: number | null;
  interestFen: number | null;
  /** For a signed notice in the register: its type. */
  noticeType: string | null;
  /** How the contact was made (a field visit when not said) and its evidence. */
  channel?: Channel;
  delivery?: 'delivered' | 'not-delivered' | null;
  deliveredOn?: IsoDate | null;
  /** A recording of the call, or an attachment (photo, screenshot, scan) on the visit. */
  hasProof?: boolean;
}

const NO_PROOF = text('已记录，但没有证据（录音、截图、回执）：不中断时效', 'recorded, no proof (recording, screenshot, receipt): does not interrupt');
const NOT_DELIVERED = text(
  '没有登记送达日期（或未送达）：不计入（比法律“应当到达”之日更严格）',
  'no delivery date recorded (or not delivered): it does not count (stricter than the law’s “should have arrived”)',
);

export type LoanMarkKind = 'public-notice' | 'accelerated';

export interface ClockMark {
  id: number;
  kind: LoanMarkKind;
  date: IsoDate;
  medium: PublicMedium | null;
  note: string | null;
}

export interface ClockLegal {
  id: number;
  stage: LegalStage;
  date: IsoDate;
  performBy: IsoDate | null;
  result: LegalResult | null;
  caseNo: string | null;
}

/**
 * The events of one visit for one loan. A signature and a promise by the borrower in the same visit are one written
 * agreement (`signed-promise`): before expiry it interrupts like either, after expiry it waives the defence.
 */
export function visitClockEvents(outcomes: ClockOutcome[]): { events: ClockEvent[]; guarantorActs: GuarantorAct[]; finding: IsoDate | null } {
  const events: ClockEvent[] = [];
  const guarantorActs: GuarantorAct[] = [];
  let finding = null as IsoDate | null;
  // A signature or promise made remotely counts only with its proof (a recording, a screenshot, a returned receipt).
  const proven = (o: ClockOutcome) => inPerson(o.channel ?? 'visit') || !!o.hasProof;
  const borrowerSigned = outcomes.find((o) => o.kind === 'notice-signed' && (o.actor ?? 'borrower') === 'borrower' && proven(o));
  const borrowerPromised = outcomes.some((o) => o.kind === 'intent' && (o.actor ?? 'borrower') === 'borrower' && proven(o));
  for (const o of outcomes) {
    const actor: Actor = o.actor ?? 'borrower';
    const base = { date: o.date, visitId: o.visitId, actor };
    if ((o.kind === 'notice-signed' || o.kind === 'intent') && !proven(o)) {
      events.push({ ...base, kind: o.kind, unproven: NO_PROOF });
      continue;
    }
    switch (o.kind) {
      case 'notice-signed':
        if (actor === 'guarantor') {
          guarantorActs.push({ date: o.date, kind: 'demand', visitId: o.visitId });
          events.push({ ...base, kind: 'notice-signed', noticeType: o.noticeType });
        } else if (actor === 'borrower' && borrowerPromised) {
          events.push({ ...base, kind: 'signed-promise', noticeType: o.noticeType });
        } else {
          events.push({ ...base, kind: 'notice-signed', noticeType: o.noticeType });
        }
        break;
      case 'intent':
        if (actor === 'guarantor') guarantorActs.push({ date: o.date, kind: 'intent', visitId: o.visitId });
        // Folded into the signed promise when the borrower also signed in this visit.
        if (!(actor === 'borrower' && borrowerSigned)) events.push({ ...base, kind: 'intent' });
        break;
      case 'cash':
        if ((o.principalFen ?? 0) + (o.interestFen ?? 0) === 0) break;
        if (actor === 'guarantor') guarantorActs.push({ date: o.date, kind: 'payment', visitId: o.visitId });
        events.push({ ...base, kind: 'payment' });
        break;
      case 'not-signed':
        events.push({ ...base, kind: 'not-signed', reason: o.reason, detail: o.reason === 'away' ? o.where : o.reason });
        break;
      case 'note':
        events.push({ ...base, kind: 'note', detail: o.text });
        break;
      case 'statute-expired':
        finding = finding === null || o.date > finding ? o.date : finding;
        break;
      case 'demand': {
        // A demand by message or letter counts from the day it was delivered (SPC 2020 art. 8(1)(ii)-(iii)).
        const remoteWritten = o.channel === 'message' || o.channel === 'letter' || o.channel === 'lawyer-letter';
        if (remoteWritten && o.deliveredOn && o.delivery !== 'not-delivered') {
          if (actor === 'guarantor') guarantorActs.push({ date: o.deliveredOn, kind: 'demand', visitId: o.visitId });
          events.push({ ...base, date: o.deliveredOn, kind: 'demand', detail: o.channel });
        } else {
          events.push({ ...base, kind: 'demand', detail: o.channel ?? null, unproven: NOT_DELIVERED });
        }
        break;
      }
    }
  }
  return { events, guarantorActs, finding };
}

export function markClockEvent(m: ClockMark): ClockEvent {
  switch (m.kind) {
    case 'public-notice':
      return { date: m.date, kind: 'public-notice', markId: m.id, medium: m.medium, detail: m.note, actor: null };
    case 'accelerated':
      return { date: m.date, kind: 'accelerated', markId: m.id, detail: m.note, actor: null };
  }
}

export function legalClockEvent(l: ClockLegal): { event: ClockEvent; guarantorAct: GuarantorAct | null } {
  const event: ClockEvent = { date: l.date, kind: 'legal', stage: l.stage, legalId: l.id, performBy: l.performBy, result: l.result, detail: l.caseNo, actor: null };
  switch (l.stage) {
    case 'filed':
      return { event, guarantorAct: { date: l.date, kind: 'lawsuit', legalId: l.id } };
    case 'referred':
    case 'judgment':
    case 'enforcement':
    case 'closed':
      return { event, guarantorAct: null };
  }
}

/** Stages must come in order: a judgment needs a filing on or before it, enforcement a judgment, perform-by not before the judgment. */
export function legalStageProblem(
  existing: { stage: LegalStage; date: IsoDate }[],
  next: { stage: LegalStage; date: IsoDate; performBy: IsoDate | null },
): { flag: string; zh: string; en: string } | null {
  const earliest = (s: LegalStage) => existing.filter((e) => e.stage === s).map((e) => e.date).sort()[0] ?? null;
  if (existing.some((e) => e.stage === 'closed')) return { flag: '--stage', zh: '该案件已结案：如需更正，请先作废结案记录（loan legal void）', en: 'the case is closed: void the closing record first (loan legal void) to correct it' };
  const need = (prev: LegalStage, what: { zh: string; en: string }) => {
    const d = earliest(prev);
    if (d === null) return { flag: '--stage', zh: `${what.zh}之前没有登记${STAGE_TEXT[prev].zh}`, en: `${what.en} with no ${prev} stage recorded before it` };
    if (d > next.date) return { flag: '--date', zh: `${what.zh}日期 ${next.date} 早于${STAGE_TEXT[prev].zh}日期 ${d}`, en: `${what.en} date ${next.date} is before the ${prev} date ${d}` };
    return null;
  };
  switch (next.stage) {
    case 'referred':
    case 'filed':
    case 'closed':
      break;
    case 'judgment': {
      const p = need('filed', { zh: '判决', en: 'a judgment' });
      if (p) return p;
      if (next.performBy && next.performBy < next.date) return { flag: '--perform-by', zh: `履行期限 ${next.performBy} 早于判决日期 ${next.date}`, en: `perform-by ${next.performBy} is before the judgment date ${next.date}` };
      break;
    }
    case 'enforcement':
      return need('judgment', { zh: '申请执行', en: 'an enforcement application' });
  }
  if (next.performBy && next.stage !== 'judgment') return { flag: '--perform-by', zh: '--perform-by 只用于 --stage judgment', en: '--perform-by goes with --stage judgment only' };
  return null;
}

