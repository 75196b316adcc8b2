// End to end: `restore` killed after each of its steps (FIELDVISIT_FAULT=restore:after-step-N, a SIGKILL) leaves a
// database at the path that opens, passes integrity_check, and is either the old one or the new one — never none.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteDatabase as Database } from '../../src/db/driver.js';
import { cli, DATA, json, sampleDb, tmpDir } from '../helpers.js';

const dir = tmpDir('fv-restore-fault-');
let current: string; // the database before restore: roster and visits
let backup: string; // the backup to restore: roster only
const STEPS = 5;

const counts = (db: string) => {
  const r = json(cli(['info', '--json'], { db }));
  return { loans: r.counts.loans, visits: r.counts.visits };
};

beforeAll(() => {
  current = sampleDb();
  backup = path.join(dir, 'backup.db');
  expect(cli(['backup', backup], { db: current }).code).toBe(0);
  expect(cli(['import', 'visits', path.join(DATA, 'visits.csv')], { db: current }).code).toBe(0);
});

describe('restore killed between its steps', () => {
  it('the next command finds the old database before the final rename, the new one after it', () => {
    const oldCounts = counts(current);
    const newCounts = counts(backup);
    expect(oldCounts).not.toEqual(newCounts);
    for (let step = 1; step <= STEPS; step++) {
      const db = path.join(dir, `step${step}.db`);
      fs.copyFileSync(current, db);
      const r = cli(['restore', backup, '--yes'], { db, env: { FIELDVISIT_FAULT: `restore:after-step-${step}` } });
      expect(r.code, `step ${step}: ${r.stderr}`).toBe(-1); // killed by the signal, no exit code
      expect(fs.existsSync(db), `step ${step}`).toBe(true);
      const check = new Database(db, { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
      expect(counts(db), `step ${step}`).toEqual(step < STEPS ? oldCounts : newCounts);
      // The database still takes writes, and a later restore finishes and clears what the killed one left.
      expect(cli(['config', 'set', 'officer', '张明'], { db }).code).toBe(0);
      expect(cli(['restore', backup, '--yes'], { db }).code).toBe(0);
      expect(counts(db)).toEqual(newCounts);
      expect(fs.readdirSync(dir).filter((n) => n.startsWith(`.step${step}.db.restore-`))).toEqual([]);
    }
  });
});
