// Household facts for the follow-up agenda: last live visit, current stance and status of the household's first borrower.
import type { Db } from './open.js';
import { CURRENT_STANCE_SQL } from './borrowers.js';
import type { IsoDate } from '../domain/dates.js';

export interface HouseholdAgendaFacts {
  householdId: number;
  householdHead: string;
  lastVisit: IsoDate | null;
  stance: string | null;
  borrowerStatus: string;
  statusWhere: string | null;
}

export function householdAgendaFacts(db: Db, today: IsoDate, f: { townshipId?: number; villageId?: number; officer?: string } = {}): HouseholdAgendaFacts[] {
  return db
    .prepare(
      `SELECT h.id AS householdId, h.head_name AS householdHead,
              (SELECT max(v.visit_date) FROM live_visits v WHERE v.household_id = h.id AND v.visit_date <= @today AND v.channel = 'visit') AS lastVisit,
              ${CURRENT_STANCE_SQL} AS stance, s.status AS borrowerStatus, s.where_text AS statusWhere
       FROM households h
       JOIN effective_villages ev ON ev.village_id = h.village_id
       JOIN villages vil ON vil.id = ev.effective_id
       JOIN borrowers b ON b.id = (SELECT min(b2.id) FROM borrowers b2 WHERE b2.household_id = h.id)
       JOIN borrower_status s ON s.borrower_id = b.id
       WHERE (@townshipId IS NULL OR vil.township_id = @townshipId) AND (@villageId IS NULL OR ev.effective_id = @villageId)
         AND (@officer IS NULL OR EXISTS (SELECT 1 FROM loans l JOIN borrowers lb ON lb.id = l.borrower_id WHERE lb.household_id = h.id AND l.officer = @officer))`,
    )
    .all({ today, townshipId: f.townshipId ?? null, villageId: f.villageId ?? null, officer: f.officer ?? null }) as HouseholdAgendaFacts[];
}

/** The officers named on the roster's loans (loans.officer), for --officer. */
export function loanOfficers(db: Db): string[] {
  return (db.prepare(`SELECT DISTINCT officer FROM loans WHERE officer IS NOT NULL AND officer <> '' ORDER BY officer`).all() as { officer: string }[]).map((r) => r.officer);
}

/** A village committee by name (within a township when given); a merged committee resolves to the one it joined. */
export function findVillage(db: Db, name: string, townshipId?: number): { id: number; name: string }[] {
  return db
    .prepare(
      `SELECT DISTINCT e.id, e.name FROM villages v JOIN effective_villages ev ON ev.village_id = v.id JOIN villages e ON e.id = ev.effective_id
       WHERE v.name = @name AND (@townshipId IS NULL OR v.township_id = @townshipId) ORDER BY e.id`,
    )
    .all({ name, townshipId: townshipId ?? null }) as { id: number; name: string }[];
}
