// The shapes of the weekly report's facts, shared by the query (src/db/weekly.ts) and the pure builder (src/report).
import type { IsoDate } from './dates.js';
import type { NotSignedReason, OutcomeKind } from './outcomes.js';

export interface WeekScope {
  /** First and last day, inclusive. */
  start: IsoDate;
  end: IsoDate;
  townshipId?: number;
  officer?: string;
}

/** A live (not void) visit dated inside the week, placed under the committee its household counts in today. */
export interface WeekVisitRow {
  visitId: number;
  visitUid: string;
  householdId: number;
  borrower: string;
  visitDate: IsoDate;
  officer: string;
  escalate: string | null;
  townshipId: number;
  township: string;
  area: string | null;
  villageId: number;
  village: string;
  group: string | null;
  /** The committee the household or its group belonged to before a merge. */
  formerVillage: string | null;
}

export interface WeekOutcomeRow {
  outcomeId: number;
  visitId: number;
  kind: OutcomeKind;
  loanId: number | null;
  reason: NotSignedReason | null;
  where: string | null;
  principalFen: number | null;
  interestFen: number | null;
  /** Cash: how much of it (principal and interest) the ledger does not show yet; null for other outcomes. */
  unpostedFen?: number | null;
}

/** A household of a visited committee: owing something (principal and interest) at the start of the week, or visited in it. */
export interface WeekHouseholdRow {
  householdId: number;
  villageId: number;
}

/** A loan of a household that reached a repayment intent in the week, with its balance at the start of the week. */
export interface WeekLoanRow {
  loanId: number;
  householdId: number;
  principalFen: number;
  interestFen: number;
}

export interface WeekVillageRow {
  villageId: number;
  village: string;
  townshipId: number;
  township: string;
  area: string | null;
}

export interface TownshipProfileRow {
  townshipId: number;
  township: string;
  population: number | null;
  livelihood: string | null;
  committeeCount: number | null;
}

export interface WeekFacts {
  /** Contacts of the week by another channel than a field visit (phone, message, letter…): counted, never in the figures. */
  otherContacts?: { channel: string; contacts: number }[];
  visits: WeekVisitRow[];
  outcomes: WeekOutcomeRow[];
  villages: WeekVillageRow[];
  households: WeekHouseholdRow[];
  intentLoans: WeekLoanRow[];
  townships: TownshipProfileRow[];
}
