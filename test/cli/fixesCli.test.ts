// Review fixes: read-only commands on a missing file, the configured language before the database opens, option checks, output files.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, sampleDb, tmpDir } from '../helpers.js';

let db: string;
beforeAll(() => {
  db = path.join(tmpDir(), 'fixes.db');
  fs.copyFileSync(sampleDb({ visits: true }), db);
});

describe('read-only commands never create a database', () => {
  const cases = [
    ['report', 'aging'],
    ['info'],
    ['config', 'list'],
    ['place', 'list'],
    ['borrower', 'find', '房'],
    ['visit', 'list'],
    ['agenda'],
    ['report', 'limitation'],
  ];
  for (const args of cases) {
    it(`${args.join(' ')} on a mistyped --db: exit 1, says what to do, no file`, async () => {
      const typo = path.join(tmpDir(), 'typo.db');
      const r = await runInProcess(['--db', typo, ...args]);
      expect(r.code, r.stdout).toBe(1);
      expect(r.stderr).toContain('does not exist');
      expect(r.stderr).toContain('import a roster first');
      expect(r.stderr).toContain('FIELDVISIT_DB');
      expect(fs.existsSync(typo)).toBe(false);
    });
  }
});
