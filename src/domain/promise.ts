// A repayment intent is a promise: kept, partly kept, broken or still open, from the payments that followed it.
import type { IsoDate } from './dates.js';
import type { Fen } from './money.js';

export type PromiseStatus = 'open' | 'kept' | 'partly-kept' | 'broken';

export interface PromiseFacts {
  amountFen: Fen;
  dueDate: IsoDate;
  /** Payments counted toward it: made after the promise, on or before its date. */
  paidByDueFen: Fen;
}

/**
 * Kept when the payments on or before the date reach the amount; open until the date has passed;
 * after it, partly kept when something came, broken when nothing did. Partly kept counts as broken
 * wherever broken promises are counted: the borrower fell short.
 */
export function promiseStatus(p: PromiseFacts, today: IsoDate): PromiseStatus {
  if (p.paidByDueFen >= p.amountFen) return 'kept';
  if (today <= p.dueDate) return 'open';
  return p.paidByDueFen > 0 ? 'partly-kept' : 'broken';
}

export function isBroken(s: PromiseStatus): boolean {
  return s === 'broken' || s === 'partly-kept';
}

/** How many broken (or partly kept) promises each household has, from a list of promises with their status. */
export function brokenByHousehold(promises: readonly { householdId: number; status: PromiseStatus }[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const p of promises) if (isBroken(p.status)) m.set(p.householdId, (m.get(p.householdId) ?? 0) + 1);
  return m;
}

/** A promise with what was paid towards it by its date and its status: what the agenda reads of one (src/db/promises.ts PromiseRow has these and more). */
export interface PromiseDue {
  householdId: number;
  loanNo: string | null;
  amountFen: number;
  dueDate: IsoDate;
  visitDate: IsoDate;
  paidByDueFen: number;
  status: PromiseStatus;
}
