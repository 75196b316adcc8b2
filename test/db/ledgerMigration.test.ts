// Migration 0009: every existing loan's figures become its first statement; the ledger cache equals one rebuilt from the facts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, MIGRATIONS } from '../../src/db/open.js';
import { rebuildLedger } from '../../src/db/ledger.js';
import { tmpDir } from '../helpers.js';

describe('migration 0009 (ledger statements)', () => {
  it('makes a statement of every loan and derives balances: cash before the as-of date is to confirm, not assumed included', () => {
    const file = path.join(tmpDir('fv-mig9-'), 'old.db');
    const old = openDatabase(file, { nowIso: '2026-11-01T00:00:00.000Z', migrations: MIGRATIONS.filter((m) => m.version <= 8) });
    old.db.exec(`
      INSERT INTO meta (key, value) VALUES ('database_id', 'db-old') ON CONFLICT DO NOTHING;
      INSERT INTO townships (id, name) VALUES (1, '甲镇');
      INSERT INTO villages (id, township_id, name) VALUES (1, 1, '甲村委');
      INSERT INTO households (id, village_id, head_name) VALUES (1, 1, '甲');
      INSERT INTO borrowers (id, household_id, name) VALUES (1, 1, '甲');
      INSERT INTO loans (id, loan_no, borrower_id, principal_fen, interest_fen, balance_as_of) VALUES (1, 'K-1', 1, 100000, 5000, '2026-11-10'), (2, 'K-2', 1, 50000, 0, '2026-11-10');
      INSERT INTO visits (id, uid, origin_db, household_id, borrower_id, visit_date, officer, source, created_at)
        VALUES (1, 'v1', 'x', 1, 1, '2026-11-05', '张明', 'cli', 't'), (2, 'v2', 'x', 1, 1, '2026-11-12', '张明', 'cli', 't'), (3, 'v3', 'x', 1, 1, '2026-11-13', '张明', 'cli', 't');
      INSERT INTO visit_outcomes (visit_id, kind, loan_id, principal_fen, interest_fen, actor) VALUES (1, 'cash', 1, 10000, 1000, 'borrower'), (2, 'cash', 1, 20000, 0, 'borrower'), (3, 'cash', 2, 5000, 0, 'borrower');
      INSERT INTO visit_voids (uid, origin_db, visit_uid, reason, voided_at) VALUES ('x1', 'x', 'v3', 'wrong', 't');
    `);
    old.db.close();
    const o = openDatabase(file, { nowIso: '2026-11-22T00:00:00.000Z' });
    try {
      // 0009 and every migration after it (0010 attachments, …) run on open.
      expect(o.migrated).toEqual(MIGRATIONS.map((m) => m.version).filter((v) => v >= 9));
      expect(o.db.prepare(`SELECT uid, loan_id, as_of, principal_fen, interest_fen, recorded_at FROM ledger_statements ORDER BY loan_id`).all()).toEqual([
        // The uids are written out, not recomputed: every laptop must name a statement the same way, old and new versions alike.
        { uid: '0d74548f-04e1-8794-bac0-9c3283f6c8af', loan_id: 1, as_of: '2026-11-10', principal_fen: 100000, interest_fen: 5000, recorded_at: '2026-11-10T00:00:00.000Z' },
        { uid: '9e7a73ff-2620-8ce4-80c9-7ad2b67c1292', loan_id: 2, as_of: '2026-11-10', principal_fen: 50000, interest_fen: 0, recorded_at: '2026-11-10T00:00:00.000Z' },
      ]);
      // K-1: 1000.00 less the payment before the statement (to confirm) and the one after it (not yet posted); K-2's payment is void.
      expect(o.db.prepare(`SELECT * FROM loan_balances ORDER BY loan_id`).all()).toEqual([
        { loan_id: 1, principal_fen: 70000, interest_fen: 4000 },
        { loan_id: 2, principal_fen: 50000, interest_fen: 0 },
      ]);
      expect(o.db.prepare(`SELECT outcome_id, state FROM payment_postings ORDER BY outcome_id`).all()).toEqual([
        { outcome_id: 1, state: 'confirm' },
        { outcome_id: 2, state: 'unposted' },
      ]);
      // Migration 0014: the cache's sums of live field payments (K-2's only payment is void).
      expect(o.db.prepare(`SELECT loan_id, paid_principal_fen, paid_interest_fen FROM loan_ledger ORDER BY loan_id`).all()).toEqual([
        { loan_id: 1, paid_principal_fen: 30000, paid_interest_fen: 1000 },
        { loan_id: 2, paid_principal_fen: 0, paid_interest_fen: 0 },
      ]);
      const dump = () => JSON.stringify([o.db.prepare(`SELECT * FROM loan_ledger ORDER BY loan_id`).all(), o.db.prepare(`SELECT * FROM payment_postings ORDER BY outcome_id`).all()]);
      const migrated = dump();
      o.db.exec('BEGIN');
      o.db.exec('DELETE FROM loan_ledger; DELETE FROM payment_postings;');
      rebuildLedger(o.db);
      expect(dump()).toBe(migrated);
      o.db.exec('ROLLBACK');
    } finally {
      o.db.close();
    }
  });
});
