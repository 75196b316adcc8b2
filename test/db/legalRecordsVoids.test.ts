// A mark voided on two laptops carries two voids after a merge (each void is a fact of its own): `loan clock` and the
// dossier list the mark once, with the first void.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { loanLegalRecords, recordLoanMark } from '../../src/db/limitation.js';
import { insertFact, voidFact } from '../../src/db/facts.js';
import { loanByNo } from '../../src/db/visits.js';
import { sampleDb } from '../helpers.js';

describe('loanLegalRecords with a fact voided twice', () => {
  it('lists the mark once, with the first void', () => {
    const { db } = openDatabase(sampleDb(), { nowIso: '2026-11-22T00:00:00.000Z' });
    try {
      const loan = loanByNo(db, 'WS-2022-0001')!;
      const m = recordLoanMark(db, { loanId: loan.loanId, kind: 'accelerated', date: '2026-10-01', medium: null, note: null, recordedBy: '张明', recordedAt: '2026-11-01T00:00:00Z' });
      voidFact(db, 'loan_marks', m.id, { reason: '录错', voidedBy: '张明', voidedAt: '2026-11-02T00:00:00Z' }, { zh: '标记', en: 'mark', hint: '' });
      const uid = db.prepare(`SELECT uid FROM loan_marks WHERE id = ?`).pluck().get(m.id) as string;
      // The same mark voided on another laptop, merged here.
      insertFact(db, 'fact_voids', { target_uid: uid, reason: '重复', voided_by: '李华', voided_at: '2026-11-03T00:00:00Z' });
      expect(db.prepare(`SELECT count(*) FROM fact_voids WHERE target_uid = ?`).pluck().get(uid)).toBe(2);
      const marks = loanLegalRecords(db, loan.loanId).marks;
      expect(marks).toHaveLength(1);
      expect(marks[0]).toMatchObject({ voidReason: '录错', voidedBy: '张明' });
    } finally {
      db.close();
    }
  });
});
