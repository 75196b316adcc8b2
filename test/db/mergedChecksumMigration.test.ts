// Migration 0013: merged_bundles gains the content checksum; bundles merged before keep their row, with no checksum.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, MIGRATIONS } from '../../src/db/open.js';
import { tmpDir } from '../helpers.js';

describe('migration 0013 (merged bundle checksum)', () => {
  it('keeps every merged bundle, with a NULL checksum (the next full merge of it fills it in)', () => {
    const file = path.join(tmpDir('fv-mig13-'), 'old.db');
    const old = openDatabase(file, { nowIso: '2026-11-01T00:00:00.000Z', migrations: MIGRATIONS.filter((m) => m.version <= 12) });
    old.db
      .prepare(`INSERT INTO merged_bundles (bundle_id, source_db, kind, file, created_at, merged_at, added) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run('b-1', 'db-x', 'changes', '/media/usb/a.fvb', '2026-10-31T08:00:00.000Z', '2026-11-01T09:00:00.000Z', 12);
    expect(old.db.prepare(`SELECT name FROM pragma_table_info('merged_bundles') WHERE name = 'checksum'`).all()).toEqual([]);
    old.db.close();
    const o = openDatabase(file, { nowIso: '2026-11-22T00:00:00.000Z' });
    try {
      expect(o.migrated).toEqual(MIGRATIONS.map((m) => m.version).filter((v) => v >= 13));
      expect(o.db.prepare(`SELECT * FROM merged_bundles`).all()).toEqual([
        { bundle_id: 'b-1', source_db: 'db-x', kind: 'changes', file: '/media/usb/a.fvb', created_at: '2026-10-31T08:00:00.000Z', merged_at: '2026-11-01T09:00:00.000Z', added: 12, checksum: null },
      ]);
    } finally {
      o.db.close();
    }
  });
});
