// The legal view: loans in each stage of a case, deadlines coming within the window, and candidates for a lawsuit with their reasons.
import type { IsoDate } from '../domain/dates.js';
import { LEGAL_STAGES, stageRank, type LegalResult, type LegalStage, type LegalStageFields, type LimitationStatus } from '../domain/limitationStatus.js';
import { guarantorDeadline } from '../domain/guarantee.js';
import { isBroken, type PromiseStatus } from '../domain/promise.js';
import { loanClockRow, type ClockOptions, type LoanClockFacts, type LoanClockRow } from './limitation.js';

/** One live stage of a case, as `loan legal` recorded it. */
export interface LegalRecord extends LegalStageFields {
  loanId: number;
}

/** A promise as the candidates read it: whose, on which loan (or none: the borrower's loans), and its status. */
export interface PromiseFact {
  householdId: number;
  borrowerId: number | null;
  loanId: number | null;
  dueDate: IsoDate;
  status: PromiseStatus;
}

export interface LoanRef {
  loanNo: string;
  borrower: string;
  township: string;
  village: string;
  officer: string | null;
  principalFen: number;
  interestFen: number;
}

export interface CaseLine extends LoanRef {
  stage: LegalStage;
  /** The date of the current stage. */
  since: IsoDate;
  filedOn: IsoDate | null;
  court: string | null;
  caseNo: string | null;
  lawyer: string | null;
  performBy: IsoDate | null;
  result: LegalResult | null;
}

export type DeadlineKind = 'enforcement-application' | 'guarantee-period' | 'guarantor-limitation';

export interface DeadlineLine extends LoanRef {
  kind: DeadlineKind;
  date: IsoDate;
  daysLeft: number;
  guarantor: string | null;
  stage: LegalStage | null;
}

export type CandidateReason =
  | { code: 'expiring-large-balance'; expires: IsoDate; daysLeft: number; balanceFen: number }
  | { code: 'repeated-refusals'; count: number; dates: IsoDate[] }
  | { code: 'broken-promises'; count: number; dates: IsoDate[] };

export interface CandidateLine extends LoanRef {
  status: LimitationStatus | null;
  expires: IsoDate | null;
  daysLeft: number | null;
  /** Already handed to the legal department (`loan legal --stage referred`), not yet filed. */
  referredOn: IsoDate | null;
  reasons: CandidateReason[];
}

export interface LegalReport {
  today: IsoDate;
  township: string | null;
  withinDays: number;
  minBalanceFen: number;
  /** Every stage, in order, with the loans whose case is at that stage now. */
  stages: { stage: LegalStage; loans: CaseLine[] }[];
  deadlines: DeadlineLine[];
  candidates: CandidateLine[];
}

/** A lawsuit is a candidate only before one is filed: from filing on, the case is in the stage lists. */
const IN_COURT: ReadonlySet<LegalStage> = new Set(['filed', 'judgment', 'enforcement', 'closed']);
export const REPEAT_THRESHOLD = 2;

function ref(f: LoanClockFacts): LoanRef {
  return { loanNo: f.loanNo, borrower: f.borrower, township: f.township, village: f.village, officer: f.officer, principalFen: f.principalFen, interestFen: f.interestFen };
}

/** The case as it stands: the latest stage (by date, then stage order), with the court, case number and lawyer last recorded. */
function currentCase(records: LegalRecord[]): Omit<CaseLine, keyof LoanRef> | null {
  if (records.length === 0) return null;
  const sorted = [...records].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : stageRank(a.stage) - stageRank(b.stage)));
  const last = sorted[sorted.length - 1]!;
  const latest = <K extends 'court' | 'caseNo' | 'lawyer' | 'performBy'>(k: K) => [...sorted].reverse().find((r) => r[k] !== null)?.[k] ?? null;
  return {
    stage: last.stage,
    since: last.date,
    filedOn: sorted.find((r) => r.stage === 'filed')?.date ?? null,
    court: latest('court'),
    caseNo: latest('caseNo'),
    lawyer: latest('lawyer'),
    performBy: latest('performBy'),
    result: last.stage === 'closed' ? last.result : null,
  };
}

/** The deadlines of one loan that fall within the window (the clock and the guarantor's clock decide them). */
function deadlinesOf(r: LoanClockRow, stage: LegalStage | null, withinDays: number): DeadlineLine[] {
  const out: DeadlineLine[] = [];
  const c = r.clock;
  if (c && c.deadlineKind === 'enforcement-application' && c.expires && c.daysLeft !== null && c.daysLeft >= 0 && c.daysLeft <= withinDays && c.status !== 'enforcing' && c.status !== 'closed') {
    out.push({ ...ref(r.facts), kind: 'enforcement-application', date: c.expires, daysLeft: c.daysLeft, guarantor: null, stage });
  }
  const g = guarantorDeadline(r.guarantee, withinDays);
  if (g && g.daysLeft >= 0) {
    out.push({ ...ref(r.facts), kind: g.kind === 'period' ? 'guarantee-period' : 'guarantor-limitation', date: g.date, daysLeft: g.daysLeft, guarantor: r.guarantee!.guarantor, stage });
  }
  return out;
}

/** The broken (or partly kept) promises that concern a loan: made on it, or on none by its borrower (or their household when the visit named nobody). */
function brokenPromisesOf(f: LoanClockFacts, promises: readonly PromiseFact[]): IsoDate[] {
  return promises
    .filter((p) => isBroken(p.status) && (p.loanId !== null ? p.loanId === f.loanId : p.borrowerId !== null ? p.borrowerId === f.borrowerId : p.householdId === f.householdId))
    .map((p) => p.dueDate)
    .sort();
}

/**
 * Builds the legal view from the clock facts of the township's loans, their live legal stages and the promises made.
 * Loans fully repaid drop out. A refusal is a live "not signed" outcome with reason refused that the clock counts for
 * the loan (one naming no loan counts for the loans of the borrower visited).
 */
export function buildLegalReport(
  facts: readonly LoanClockFacts[],
  legal: readonly LegalRecord[],
  promises: readonly PromiseFact[],
  o: ClockOptions & { township: string | null; minBalanceFen: number },
): LegalReport {
  const recordsByLoan = new Map<number, LegalRecord[]>();
  for (const r of legal) {
    const xs = recordsByLoan.get(r.loanId) ?? [];
    xs.push(r);
    recordsByLoan.set(r.loanId, xs);
  }
  const stages = new Map<LegalStage, CaseLine[]>(LEGAL_STAGES.map((s) => [s, []]));
  const deadlines: DeadlineLine[] = [];
  const candidates: CandidateLine[] = [];
  for (const f of facts) {
    const row = loanClockRow(f, o);
    const kase = currentCase(recordsByLoan.get(f.loanId) ?? []);
    if (kase) stages.get(kase.stage)!.push({ ...ref(f), ...kase });
    if (!row.outstanding) continue;
    deadlines.push(...deadlinesOf(row, kase?.stage ?? null, o.withinDays));
    if (kase && IN_COURT.has(kase.stage)) continue;
    const reasons: CandidateReason[] = [];
    const c = row.clock;
    const balance = f.principalFen + f.interestFen;
    if (c && c.status === 'expiring' && c.expires && c.daysLeft !== null && balance >= o.minBalanceFen) {
      reasons.push({ code: 'expiring-large-balance', expires: c.expires, daysLeft: c.daysLeft, balanceFen: balance });
    }
    const refusals = f.events.filter((e) => e.kind === 'not-signed' && e.reason === 'refused').map((e) => e.date).sort();
    if (refusals.length >= REPEAT_THRESHOLD) reasons.push({ code: 'repeated-refusals', count: refusals.length, dates: refusals });
    const broken = brokenPromisesOf(f, promises);
    if (broken.length >= REPEAT_THRESHOLD) reasons.push({ code: 'broken-promises', count: broken.length, dates: broken });
    if (reasons.length === 0) continue;
    candidates.push({ ...ref(f), status: c?.status ?? null, expires: c?.expires ?? null, daysLeft: c?.daysLeft ?? null, referredOn: kase?.stage === 'referred' ? kase.since : null, reasons });
  }
  const byLoan = (a: LoanRef, b: LoanRef) => (a.loanNo < b.loanNo ? -1 : a.loanNo > b.loanNo ? 1 : 0);
  return {
    today: o.today,
    township: o.township,
    withinDays: o.withinDays,
    minBalanceFen: o.minBalanceFen,
    stages: LEGAL_STAGES.map((s) => ({ stage: s, loans: stages.get(s)!.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : byLoan(a, b))) })),
    deadlines: deadlines.sort((a, b) => a.daysLeft - b.daysLeft || byLoan(a, b) || (a.kind < b.kind ? -1 : 1)),
    candidates: candidates.sort(
      (a, b) => b.reasons.length - a.reasons.length || b.principalFen + b.interestFen - (a.principalFen + a.interestFen) || byLoan(a, b),
    ),
  };
}
