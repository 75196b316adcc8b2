// An officer's write never fails because another process is writing: it waits, and if it must give up it says so in one sentence.
import { describe, expect, it } from 'vitest';
import { SqliteDatabase as Database } from '../../src/db/driver.js';
import { cli, cliAsync, sampleDb, query } from '../helpers.js';

const LOG = ['visit', 'log', '--loan', 'WS-2021-0005', '--outcome', 'note', '--note', '等锁', '--officer', '张明'];

function holdWriteLock(db: string): { release(): void } {
  const other = new Database(db, { timeout: 5000 });
  other.exec('BEGIN IMMEDIATE');
  other.prepare(`INSERT INTO settings (key, value) VALUES ('lock-test', 'x') ON CONFLICT (key) DO UPDATE SET value = 'y'`).run();
  return {
    release() {
      other.exec('COMMIT');
      other.close();
    },
  };
}

describe('a write while another process holds the write lock', () => {
  it('waits for it, then saves', async () => {
    const db = sampleDb();
    const lock = holdWriteLock(db);
    const child = cliAsync(LOG, { db, env: { FIELDVISIT_BUSY_ATTEMPT_MS: '200' } });
    await new Promise((r) => setTimeout(r, 1500));
    lock.release();
    const r = await child;
    expect(r.code, r.stderr).toBe(0);
    expect(query(db, `SELECT count(*) AS n FROM visits WHERE note = '等锁'`)[0].n).toBe(1);
  });
  it('gives up after the limit with one sentence and exit 1, never "internal error"; nothing saved', () => {
    const db = sampleDb();
    const lock = holdWriteLock(db);
    try {
      const r = cli(LOG, { db, env: { FIELDVISIT_BUSY_ATTEMPT_MS: '100', FIELDVISIT_BUSY_WAIT_MS: '600' } });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^Error: Another fieldvisit .* is writing to this database .*nothing was saved/);
      expect(r.stderr).not.toMatch(/internal error|bug|locked/i);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      lock.release();
    }
    expect(query(db, `SELECT count(*) AS n FROM visits WHERE note = '等锁'`)[0].n).toBe(0);
  });
});

describe('a visit log while a large roster import runs', () => {
  it('is saved, and so is the import: the import checks its rows before it takes the write lock', async () => {
    const { default: fs } = await import('node:fs');
    const { default: path } = await import('node:path');
    const { tmpDir } = await import('../helpers.js');
    const db = sampleDb();
    const file = path.join(tmpDir('fv-big-'), 'big.csv');
    const rows = ['township,village,group,household,borrower,loan_no,principal,interest,due_date,officer'];
    for (let i = 0; i < 60000; i++) rows.push(`大岭镇,村委${i % 40},${i % 9}组,户${i},人${i},BIG-${String(i).padStart(6, '0')},5000,300,2024-01-01,张明`);
    fs.writeFileSync(file, rows.join('\n') + '\n');
    const importing = cliAsync(['import', 'roster', file, '--as-of', '2026-11-13'], { db });
    await new Promise((r) => setTimeout(r, 400));
    const logged = await cliAsync(LOG, { db });
    const imported = await importing;
    expect(logged.code, logged.stderr).toBe(0);
    expect(logged.stderr).not.toMatch(/internal error/i);
    expect(imported.code, imported.stderr).toBe(0);
    expect(query(db, `SELECT count(*) AS n FROM visits WHERE note = '等锁'`)[0].n).toBe(1);
    expect(query(db, `SELECT count(*) AS n FROM loans WHERE loan_no LIKE 'BIG-%'`)[0].n).toBe(60000);
  });
});
