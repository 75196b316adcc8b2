// The real binary under stress: SIGKILL in the middle of a merge or an import, and backups while another process writes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteDatabase as Database } from '../../src/db/driver.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, cliAsync, query, tmpDir, succeeded } from '../helpers.js';

const dir = tmpDir('fv-kill-');
const f = (n: string) => path.join(dir, n);
const N = 2500;

function rosterCsv(file: string, n: number, prefix: string): string {
  const rows = ['township,village,group,household,borrower,loan_no,principal,interest,due_date,officer'];
  for (let i = 0; i < n; i++) rows.push(`大岭镇,村委${i % 20},${i % 7}组,户${prefix}${i},人${prefix}${i},${prefix}-${String(i).padStart(6, '0')},5000,300,2024-01-01,张明`);
  fs.writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

const must = (args: string[], db: string) => succeeded(args, cli(args, { db }));

/** Starts the binary and kills it with SIGKILL after `ms`; resolves with how it ended. */
function runAndKill(args: string[], db: string, ms: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), TZ: 'Asia/Shanghai', NO_COLOR: '1', LANG: 'en_US.UTF-8', FIELDVISIT_TODAY: '2026-11-22', FIELDVISIT_DB: db },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code });
    });
  });
}

function integrity(db: string): string {
  const d = new Database(db);
  try {
    return d.pragma('integrity_check', { simple: true }) as string;
  } finally {
    d.close();
  }
}

function count(db: string, table: string): number {
  return query(db, `SELECT count(*) AS n FROM ${table}`)[0].n;
}

let target: string; // roster only
let bundle: string; // N visits with 2N outcomes for target's loans

beforeAll(() => {
  const src = f('src.db');
  must(['import', 'roster', rosterCsv(f('roster.csv'), N, 'BG'), '--as-of', '2026-11-13'], src);
  target = f('target.db');
  const d = new Database(src);
  d.pragma('wal_checkpoint(TRUNCATE)');
  fs.copyFileSync(src, target);
  // Visits written straight into the source (the visit import's per-row checks are not what this test is about).
  d.exec(`UPDATE meta SET value = 'source-laptop' WHERE key = 'database_id'`);
  d.exec(`BEGIN;
    INSERT INTO visits (uid, origin_db, household_id, borrower_id, visit_date, officer, source, created_at)
      SELECT printf('00000000-0000-7000-8000-%012d', l.id), 'source-laptop', b.household_id, b.id, '2026-11-18', '张明', 'cli', '2026-11-18T10:00:00.000Z'
      FROM loans l JOIN borrowers b ON b.id = l.borrower_id;
    INSERT INTO visit_outcomes (visit_id, kind, loan_id, principal_fen, interest_fen)
      SELECT v.id, 'cash', l.id, 10000, 1000 FROM visits v JOIN loans l ON printf('00000000-0000-7000-8000-%012d', l.id) = v.uid;
    INSERT INTO visit_outcomes (visit_id, kind, loan_id, promise_amount_fen, promise_date)
      SELECT v.id, 'intent', o.loan_id, 50000, '2026-12-20' FROM visits v JOIN visit_outcomes o ON o.visit_id = v.id;
    COMMIT;`);
  d.close();
  bundle = f('big.fvb');
  must(['export', '--all', '--out', bundle], src);
});

describe('SIGKILL leaves the database as before or as after, never in between', () => {
  it('during a merge, at several points', async () => {
    const full = f('merge-full.db');
    fs.copyFileSync(target, full);
    const t0 = Date.now();
    must(['merge', bundle], full);
    const took = Date.now() - t0;
    console.log(`merge of ${N} visits: ${took} ms`);
    expect(count(full, 'visits')).toBe(N);
    const seen: string[] = [];
    for (const frac of [0.2, 0.45, 0.7, 0.9]) {
      const db = f(`merge-kill-${frac}.db`);
      fs.copyFileSync(target, db);
      const r = await runAndKill(['merge', bundle], db, Math.round(took * frac));
      expect(integrity(db)).toBe('ok');
      const v = count(db, 'visits');
      const o = count(db, 'visit_outcomes');
      expect([0, N]).toContain(v);
      expect(o).toBe(v * 2);
      expect(count(db, 'merged_bundles')).toBe(v === N ? 1 : 0);
      seen.push(`${r.killed ? 'killed' : 'finished'}:${v === N ? 'after' : 'before'}`);
    }
    // The same merge run again completes the job.
    const again = f('merge-kill-0.2.db');
    must(['merge', bundle], again);
    expect(count(again, 'visits')).toBe(N);
    expect(seen.some((s) => s === 'killed:before')).toBe(true);
  });

  it('during a roster import, at several points', async () => {
    const csv = rosterCsv(f('roster2.csv'), N, 'NEW');
    const full = f('import-full.db');
    must(['config', 'unset', 'officer'], full); // creates the empty database (info no longer does)
    const t0 = Date.now();
    must(['import', 'roster', csv], full);
    const took = Date.now() - t0;
    console.log(`import of ${N} roster rows: ${took} ms`);
    const seen: string[] = [];
    for (const frac of [0.3, 0.6, 0.85]) {
      const db = f(`import-kill-${frac}.db`);
      must(['config', 'unset', 'officer'], db);
      const r = await runAndKill(['import', 'roster', csv], db, Math.round(took * frac));
      expect(integrity(db)).toBe('ok');
      const loans = count(db, 'loans');
      expect([0, N]).toContain(loans);
      expect(count(db, 'borrowers')).toBe(loans);
      seen.push(`${r.killed ? 'killed' : 'finished'}:${loans ? 'after' : 'before'}`);
    }
    expect(seen.some((s) => s === 'killed:before')).toBe(true);
  });
});

describe('backup while another process writes', () => {
  it('gives copies that pass integrity_check, each a consistent moment, and restore puts one back', async () => {
    const db = f('busy.db');
    fs.copyFileSync(target, db);
    const writer = cliAsync(['merge', bundle], { db });
    const backups: string[] = [];
    for (let i = 0; i < 3; i++) {
      const file = f(`busy-backup-${i}.db`);
      const r = await cliAsync(['backup', file, '--json'], { db });
      expect(r.code, r.stderr).toBe(0);
      backups.push(file);
    }
    const w = await writer;
    expect(w.code, w.stderr).toBe(0);
    for (const b of backups) {
      expect(integrity(b)).toBe('ok');
      const v = count(b, 'visits');
      expect([0, N]).toContain(v);
      expect(count(b, 'visit_outcomes')).toBe(v * 2);
      expect(fs.existsSync(b + '-wal')).toBe(false);
    }
    const restored = f('restored.db');
    const r = cli(['restore', backups[2]!, '--yes'], { db: restored });
    expect(r.code, r.stderr).toBe(0);
    expect(integrity(restored)).toBe('ok');
    expect(count(restored, 'loans')).toBe(N);
  });
});
