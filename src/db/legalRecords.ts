// The live stages of the cases (`loan legal`) with court, case number and lawyer, for `report legal`.
import type { Db } from './open.js';
import { stmt } from './stmt.js';
import { liveFacts } from './facts.js';
import type { IsoDate } from '../domain/dates.js';
import type { LegalStageFields } from '../domain/limitationStatus.js';

/** A live stage of a case with what `loan legal` recorded about it, for `report legal`. */
export interface LegalRecordRow extends LegalStageFields {
  id: number;
  loanId: number;
}

/** The live legal stages of the township's loans (void ones left out), in order. */
export function liveLegalRecords(db: Db, f: { townshipId?: number }, today: IsoDate): LegalRecordRow[] {
  return stmt(
    db,
    `SELECT e.id, e.loan_id AS loanId, e.stage, e.event_date AS date, e.perform_by AS performBy, e.court, e.case_no AS caseNo, e.lawyer, e.result
     FROM ${liveFacts('legal_events')} e
     JOIN loans l ON l.id = e.loan_id
     JOIN borrowers b ON b.id = l.borrower_id
     JOIN households h ON h.id = b.household_id
     JOIN effective_villages ev ON ev.village_id = h.village_id
     JOIN villages vil ON vil.id = ev.effective_id
     WHERE (@townshipId IS NULL OR vil.township_id = @townshipId) AND e.event_date <= @today
     ORDER BY e.loan_id, e.event_date, e.id`,
  ).all({ townshipId: f.townshipId ?? null, today }) as LegalRecordRow[];
}
