// Recording a borrower's death, heir, stance or whereabouts as borrower events (so they travel between laptops), in one transaction.
import type { Db } from './open.js';
import { insertBorrowerEvent } from './visits.js';
import type { IsoDate } from '../domain/dates.js';

export interface BorrowerChanges {
  deceasedOn?: IsoDate;
  heir?: { name: string; knownOn: IsoDate };
  stance?: string;
  status?: { status: 'active' | 'away'; where: string | null; on: IsoDate };
  stanceOn?: IsoDate;
}

/** Returns the number of events written. */
export function setBorrowerFacts(db: Db, borrowerId: number, c: BorrowerChanges, recordedAt: string): number {
  return db
    .transaction(() => {
      let n = 0;
      if (c.status) {
        insertBorrowerEvent(db, { borrowerId, kind: 'status', status: c.status.status, where: c.status.where, effectiveOn: c.status.on, recordedAt });
        n++;
      }
      if (c.deceasedOn) {
        insertBorrowerEvent(db, { borrowerId, kind: 'status', status: 'deceased', effectiveOn: c.deceasedOn, recordedAt });
        n++;
      }
      if (c.heir) {
        insertBorrowerEvent(db, { borrowerId, kind: 'heir', heirName: c.heir.name, effectiveOn: c.heir.knownOn, recordedAt });
        n++;
      }
      if (c.stance) {
        insertBorrowerEvent(db, { borrowerId, kind: 'stance', stance: c.stance, effectiveOn: c.stanceOn ?? recordedAt.slice(0, 10), recordedAt });
        n++;
      }
      return n;
    })
    .immediate();
}

export function borrowerName(db: Db, borrowerId: number): string | null {
  return (db.prepare(`SELECT name FROM borrowers WHERE id = ?`).get(borrowerId) as { name: string } | undefined)?.name ?? null;
}
