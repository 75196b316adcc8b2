// The costs table on a real SQLite file: migration 0011 on a database of the previous schema, recording, voiding,
// costsOfLoan (live and void, for the dossier), and the checks the table itself keeps.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, MIGRATIONS } from '../../src/db/open.js';
import { costsOfLoan, listCosts, recordCost, recoveries, voidCost } from '../../src/db/costs.js';
import { tmpDir } from '../helpers.js';

describe('costs in the database', () => {
  it('migration 0011 adds the table to an older database; costs record, void and list with who, when and why', () => {
    const file = path.join(tmpDir('fv-costs-'), 'old.db');
    const old = openDatabase(file, { nowIso: '2026-11-01T00:00:00.000Z', migrations: MIGRATIONS.filter((m) => m.version <= 9) });
    old.db.exec(`
      INSERT INTO townships (id, name) VALUES (1, '甲镇');
      INSERT INTO villages (id, township_id, name) VALUES (1, 1, '甲村委');
      INSERT INTO households (id, village_id, head_name) VALUES (1, 1, '甲');
      INSERT INTO borrowers (id, household_id, name) VALUES (1, 1, '甲');
      INSERT INTO loans (id, loan_no, borrower_id, principal_fen, interest_fen, balance_as_of) VALUES (1, 'K-1', 1, 100000, 0, '2026-10-01'), (2, 'K-2', 1, 5000, 0, '2026-10-01');
      INSERT INTO visits (id, uid, origin_db, household_id, borrower_id, visit_date, officer, source, created_at) VALUES (1, 'v1', 'x', 1, 1, '2026-11-05', '张明', 'cli', 't');
      INSERT INTO visit_outcomes (visit_id, kind, loan_id, principal_fen, interest_fen, actor) VALUES (1, 'cash', 1, 10000, 500, 'borrower');
    `);
    old.db.close();
    const o = openDatabase(file, { nowIso: '2026-11-22T00:00:00.000Z' });
    const db = o.db;
    try {
      expect(o.migrated).toContain(11);
      const a = recordCost(db, { loanId: 1, kind: 'travel', amountFen: 12000, date: '2026-11-03', officer: '张明', note: null, recordedAt: '2026-11-03T10:00:00.000Z' });
      const b = recordCost(db, { loanId: 1, kind: 'postage', amountFen: 2350, date: '2026-11-04', officer: '张明', note: '挂号信', recordedAt: '2026-11-04T10:00:00.000Z' });
      recordCost(db, { loanId: 2, kind: 'other', amountFen: 100, date: '2026-11-04', officer: '李华', note: null, recordedAt: '2026-11-04T10:00:00.000Z' });
      expect(voidCost(db, b.id, { reason: '重复', voidedBy: '李华', voidedAt: '2026-11-05T01:00:00.000Z' })).toEqual({ uid: b.uid, alreadyVoid: false });
      expect(voidCost(db, b.id, { reason: '再次', voidedBy: '李华', voidedAt: '2026-11-06T01:00:00.000Z' })).toEqual({ uid: b.uid, alreadyVoid: true });
      expect(() => voidCost(db, 99, { reason: 'x', voidedBy: 'y', voidedAt: 'z' })).toThrow(/No cost with id 99/);
      const mine = costsOfLoan(db, 1);
      expect(mine.map((c) => [c.id, c.kind, c.amountFen, c.date, c.officer, c.note, c.voidReason, c.voidedBy])).toEqual([
        [a.id, 'travel', 12000, '2026-11-03', '张明', null, null, null],
        [b.id, 'postage', 2350, '2026-11-04', '张明', '挂号信', '重复', '李华'],
      ]);
      expect(listCosts(db, { loanId: 1 }).map((c) => c.id)).toEqual([a.id]);
      expect(listCosts(db, { from: '2026-11-04', to: '2026-11-30' }).map((c) => c.loanNo)).toEqual(['K-2']);
      expect(recoveries(db, {}).map((p) => [p.loanNo, p.officer, p.principalFen, p.interestFen])).toEqual([['K-1', '张明', 10000, 500]]);
      // The table refuses what the command refuses, whoever writes to it.
      expect(() => db.prepare(`INSERT INTO costs (uid, origin_db, loan_id, kind, amount_fen, cost_date, officer, recorded_at) VALUES ('u', 'x', 1, 'travel', 0, '2026-11-01', 'a', 't')`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO costs (uid, origin_db, loan_id, kind, amount_fen, cost_date, officer, recorded_at) VALUES ('u', 'x', 1, 'taxi', 10, '2026-11-01', 'a', 't')`).run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
