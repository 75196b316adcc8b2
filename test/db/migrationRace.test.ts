// Two fieldvisit processes opening an old database at the same moment: the second worked out its pending migrations
// before the first applied them. Each migration is checked again under the write lock, so the second skips what the
// first did instead of applying it twice (0012 would fail: "the definition of visit_outcomes is not the one expected").
import path from 'node:path';
import { SqliteDatabase as Database } from '../../src/db/driver.js';
import { describe, expect, it } from 'vitest';
import { openDatabase, MIGRATIONS } from '../../src/db/open.js';
import { applyMigrations, pendingMigrations } from '../../src/db/migrate.js';
import { tmpDir } from '../helpers.js';

describe('migrations raced by a second process', () => {
  it('a migration recorded meanwhile is skipped, not applied again', () => {
    const file = path.join(tmpDir('fv-migrace-'), 'old.db');
    openDatabase(file, { nowIso: '2026-11-01T00:00:00.000Z', migrations: MIGRATIONS.filter((m) => m.version <= 11) }).db.close();
    // The late process: opened, saw 0012 onwards pending, has not taken the write lock yet.
    const late = new Database(file);
    const stale = pendingMigrations(late, MIGRATIONS);
    expect(stale.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version).filter((v) => v >= 12));
    // The first process migrates the file.
    const first = openDatabase(file, { nowIso: '2026-11-22T00:00:00.000Z' });
    expect(first.migrated).toEqual(stale.map((m) => m.version));
    first.db.close();
    // The late one goes on with its stale list: nothing applied twice, no error.
    expect(applyMigrations(late, MIGRATIONS, '2026-11-22T00:00:01.000Z', stale)).toEqual([]);
    const rows = late.prepare(`SELECT version, applied_at FROM schema_migrations WHERE version >= 12 ORDER BY version`).all() as { version: number; applied_at: string }[];
    expect(rows.map((r) => r.version)).toEqual(stale.map((m) => m.version));
    expect(new Set(rows.map((r) => r.applied_at))).toEqual(new Set(['2026-11-22T00:00:00.000Z']));
    late.close();
    // And the file opens normally afterwards.
    const again = openDatabase(file, { nowIso: '2026-11-23T00:00:00.000Z' });
    expect(again.migrated).toEqual([]);
    again.db.close();
  });

  it('applyMigrations itself: a second process migrates between the list being worked out and the write lock', () => {
    const file = path.join(tmpDir('fv-migrace-'), 'old.db');
    openDatabase(file, { nowIso: '2026-11-01T00:00:00.000Z', migrations: MIGRATIONS.filter((m) => m.version <= 11) }).db.close();
    const late = new Database(file);
    let raced = false;
    // The list is worked out with migrations.filter: right after it, the other process opens (and migrates) the file.
    class Racing extends Array<(typeof MIGRATIONS)[number]> {
      override filter(...a: Parameters<Array<(typeof MIGRATIONS)[number]>['filter']>) {
        const r = super.filter(...a);
        if (!raced) {
          raced = true;
          openDatabase(file, { nowIso: '2026-11-22T00:00:00.000Z' }).db.close();
        }
        return r;
      }
    }
    const racing = Racing.from(MIGRATIONS) as unknown as typeof MIGRATIONS;
    expect(applyMigrations(late, racing, '2026-11-22T00:00:01.000Z')).toEqual([]);
    expect(raced).toBe(true);
    expect(late.prepare(`SELECT count(*) AS n FROM schema_migrations`).get()).toEqual({ n: MIGRATIONS.length });
    late.close();
  });
});
