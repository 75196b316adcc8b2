// A database of the schema before issue 9 migrates without losing a record: signatures keep their meaning, old loan events move.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, MIGRATIONS } from '../../src/db/open.js';
import { loanClockFacts } from '../../src/db/limitation.js';
import { tmpDir } from '../helpers.js';

describe('migration 0008 (whose act, loan marks, legal events)', () => {
  it('keeps every record and its meaning', () => {
    const file = path.join(tmpDir('fv-mig8-'), 'old.db');
    const old = openDatabase(file, { nowIso: '2026-11-01T00:00:00.000Z', migrations: MIGRATIONS.filter((m) => m.version <= 5) });
    old.db.exec(`
      INSERT INTO townships (id, name) VALUES (1, '甲镇');
      INSERT INTO villages (id, township_id, name) VALUES (1, 1, '甲村委');
      INSERT INTO households (id, village_id, head_name) VALUES (1, 1, '癸父');
      INSERT INTO borrowers (id, household_id, name) VALUES (1, 1, '癸父'), (2, 1, '癸子');
      INSERT INTO loans (id, loan_no, borrower_id, principal_fen, balance_as_of, due_date) VALUES (1, 'K-1', 1, 100000, '2026-11-01', '2024-06-01'), (2, 'K-2', 2, 100000, '2026-11-01', '2024-06-01');
      INSERT INTO visits (id, uid, origin_db, household_id, borrower_id, visit_date, officer, source, created_at)
        VALUES (1, 'v1', 'x', 1, 1, '2025-01-10', '张明', 'cli', '2025-01-10T00:00:00Z'), (2, 'v2', 'x', 1, 1, '2025-03-10', '张明', 'cli', '2025-03-10T00:00:00Z');
      INSERT INTO visit_outcomes (visit_id, kind, loan_id, signed_by, relation) VALUES (1, 'notice-signed', NULL, 'relative', '妻子');
      INSERT INTO visit_outcomes (visit_id, kind, loan_id, promise_amount_fen, promise_date) VALUES (2, 'intent', NULL, 10000, '2025-04-01');
      INSERT INTO loan_events (uid, origin_db, loan_id, kind, event_date, note, recorded_at) VALUES ('e1', 'x', 1, 'lawsuit', '2025-05-01', '(2025)民初1号', 't'), ('e2', 'x', 2, 'public-notice', '2025-02-01', NULL, 't');
    `);
    old.db.close();
    const o = openDatabase(file, { nowIso: '2026-11-22T00:00:00.000Z' });
    try {
      expect(o.migrated).toContain(8);
      expect(o.db.prepare(`SELECT kind, actor, signed_by FROM visit_outcomes ORDER BY id`).all()).toEqual([
        { kind: 'notice-signed', actor: 'relative', signed_by: 'relative' },
        { kind: 'intent', actor: 'borrower', signed_by: null },
      ]);
      expect(o.db.prepare(`SELECT uid, stage, event_date, note FROM legal_events`).all()).toEqual([{ uid: 'e1', stage: 'filed', event_date: '2025-05-01', note: '(2025)民初1号' }]);
      expect(o.db.prepare(`SELECT uid, kind, mark_date, medium FROM loan_marks`).all()).toEqual([{ uid: 'e2', kind: 'public-notice', mark_date: '2025-02-01', medium: null }]);
      // Outcomes logged without a loan keep applying to the loans of the borrower they were logged for: K-1, not the son's K-2.
      const [k1, k2] = loanClockFacts(o.db, {}, '2026-11-22').sort((a, b) => a.loanNo.localeCompare(b.loanNo));
      expect(k1!.events.map((e) => [e.kind, e.actor, e.date])).toEqual([
        ['notice-signed', 'relative', '2025-01-10'],
        ['intent', 'borrower', '2025-03-10'],
        ['legal', null, '2025-05-01'],
      ]);
      expect(k2!.events.map((e) => [e.kind, e.medium])).toEqual([['public-notice', null]]);
    } finally {
      o.db.close();
    }
  });
});
