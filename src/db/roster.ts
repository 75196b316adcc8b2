// What a roster row brings and what its import counts; the write itself is set-wise (src/db/rosterImport.ts).
import type { Db } from './open.js';
import type { IsoDate } from '../domain/dates.js';

/** The shape the writer needs; src/import's RosterRow satisfies it. */
export interface RosterInput {
  township: string;
  area: string | null;
  village: string;
  group: string | null;
  household: string;
  borrower: string;
  idNumber: string | null;
  phone: string | null;
  loanNo: string;
  principalFen: number;
  interestFen: number;
  loanDate: IsoDate | null;
  dueDate: IsoDate | null;
  officer: string | null;
  guarantor: string | null;
  guaranteeUntil: IsoDate | null;
  guaranteeType?: 'general' | 'joint' | null;
  stance: string | null;
  /** Where a guarantor notice is sent; optional so writers that predate it (old bundles) leave it as it is. */
  guarantorAddress?: string | null;
  /** The row's own as-of date (a roster column), else the import's. */
  asOf?: IsoDate | null;
}

export interface ChangeCount {
  created: number;
  updated: number;
  unchanged: number;
}
export type Entity = 'townships' | 'areas' | 'villages' | 'groups' | 'households' | 'borrowers' | 'loans';
export const ENTITIES: readonly Entity[] = ['townships', 'areas', 'villages', 'groups', 'households', 'borrowers', 'loans'];
export type RosterSummary = Record<Entity, ChangeCount>;

/** How the writer records each row as the ledger's statement (see src/db/ledger.ts). */
export interface StatementOptions {
  /** No statements: the caller brings them (a roster bundle that carries its statements). */
  skip?: boolean;
  /** The import's as-of date was not given, so it is the import day. */
  assumed: boolean;
  recordedAt: string;
  /** Who voids a same-day statement this one corrects. */
  by: string;
  /** The database the statement came from, when not this one (rosters in old bundles). */
  originDb?: string;
}
