// Everything the legal department's file (证据目录) of one loan is made from, gathered from the facts: the loan and its
// parties, the ledger and the field payments, the clock's facts, the contacts, notices, marks, legal stages and costs.
import type { Db } from './open.js';
import { postingOf } from './ledger.js';
import { loanClockFacts, loanLegalRecords } from './limitation.js';
import { listVisits } from './visitList.js';
import { listNotices } from './notices.js';
import type { IsoDate } from '../domain/dates.js';
import type { DossierAttachment, DossierCost, DossierFacts } from '../domain/dossier.js';

/**
 * The facts of one loan's file, or null when there is no such loan. Attachments and costs come from their own modules
 * (passed in, so this module does not depend on tables it does not own).
 */
export function dossierFacts(
  db: Db,
  loanId: number,
  today: IsoDate,
  extra: { attachments?: (db: Db, visitIds: number[]) => DossierAttachment[]; costs?: (db: Db, loanId: number) => DossierCost[] } = {},
): DossierFacts | null {
  const p = db
    .prepare(
      `SELECT l.loan_no AS loanNo, l.loan_date AS loanDate, l.due_date AS dueDate, l.officer, l.guarantor, l.guarantor_address AS guarantorAddress,
              l.guarantee_type AS guaranteeType, l.guarantee_until AS guaranteeUntil,
              b.id AS borrowerId, b.name AS borrower, b.id_number AS idNumber, b.phone, h.id AS householdId, h.head_name AS head,
              t.name AS township, vil.name AS village, g.name AS "group"
       FROM loans l JOIN borrowers b ON b.id = l.borrower_id JOIN households h ON h.id = b.household_id
       JOIN effective_villages ev ON ev.village_id = h.village_id JOIN villages vil ON vil.id = ev.effective_id
       JOIN townships t ON t.id = vil.township_id LEFT JOIN village_groups g ON g.id = h.group_id WHERE l.id = ?`,
    )
    .get(loanId) as
    | {
        loanNo: string; loanDate: string | null; dueDate: string | null; officer: string | null; guarantor: string | null; guarantorAddress: string | null;
        guaranteeType: string | null; guaranteeUntil: string | null; borrowerId: number; borrower: string; idNumber: string | null; phone: string | null;
        householdId: number; head: string; township: string; village: string; group: string | null;
      }
    | undefined;
  if (!p) return null;
  const members = (db.prepare(`SELECT name FROM borrowers WHERE household_id = ? ORDER BY id`).pluck().all(p.householdId) as string[]);
  const [clock] = loanClockFacts(db, { loanId }, today);
  const visits = listVisits(db, { loanId, all: true });
  const legal = loanLegalRecords(db, loanId);
  return {
    parties: {
      loanNo: p.loanNo,
      loanDate: p.loanDate,
      dueDate: p.dueDate,
      officer: p.officer,
      borrower: { id: p.borrowerId, name: p.borrower, idNumber: p.idNumber, phone: p.phone },
      household: { id: p.householdId, head: p.head, township: p.township, village: p.village, group: p.group, members },
      guarantor: p.guarantor ? { name: p.guarantor, address: p.guarantorAddress, type: p.guaranteeType, until: p.guaranteeUntil } : null,
    },
    clock: clock!,
    posting: postingOf(db, loanId),
    visits,
    notices: listNotices(db, { householdId: p.householdId }).filter((n) => n.loanNo === p.loanNo),
    marks: legal.marks.map((m) => ({ id: m.id, date: m.date, kind: m.kind, note: m.note, voidReason: m.voidReason, medium: m.medium })),
    legal: legal.legal.map((e) => ({ id: e.id, date: e.date, kind: e.stage, stage: e.stage, note: e.note, voidReason: e.voidReason, performBy: e.performBy, court: e.court, caseNo: e.caseNo, result: e.result })),
    attachments: extra.attachments ? extra.attachments(db, visits.map((v) => v.visitId)) : [],
    costs: extra.costs ? extra.costs(db, loanId) : [],
  };
}
