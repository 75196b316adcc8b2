// Once per test run: the sample databases every test file copies (test/helpers.ts sampleDb), built with the real
// binary the way they always were, instead of three or four CLI runs in every file that needs one.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { SqliteDatabase as Database } from '../src/db/driver.js';
import { BIN, DATA, sampleSteps } from './sampleSteps.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The sample database file (roster, committee merge, township profile), to be copied, never written. */
    sampleDb: string;
    /** The same with the sample visits. */
    sampleVisitsDb: string;
  }
}

function runBin(args: string[], db: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), TZ: 'Asia/Shanghai', NO_COLOR: '1', LANG: 'en_US.UTF-8', FIELDVISIT_TODAY: '2026-11-22', FIELDVISIT_DB: db };
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: path.dirname(DATA) });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`sample database: fieldvisit ${args.join(' ')} → exit ${code}\n${stderr}`))));
  });
}

/** Builds one sample database, then folds its write-ahead log into the file so a plain copy of the file is complete. */
async function build(db: string, visits: boolean): Promise<void> {
  for (const s of sampleSteps(visits)) await runBin(s, db);
  const d = new Database(db);
  d.pragma('wal_checkpoint(TRUNCATE)');
  d.close();
  for (const suffix of ['-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fv-samples-'));
  const sample = path.join(dir, 'sample.db');
  const withVisits = path.join(dir, 'sample-visits.db');
  // Two databases built independently (each its own database id and signing key, as before), side by side.
  await Promise.all([build(sample, false), build(withVisits, true)]);
  project.provide('sampleDb', sample);
  project.provide('sampleVisitsDb', withVisits);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
