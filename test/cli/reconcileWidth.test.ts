// `reconcile` fits its tables to the terminal like every other table (it was drawn at its natural width before).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringWidth } from '../../src/format/table.js';
import { runInProcess, sampleDb, tmpDir } from '../helpers.js';

let db: string;
beforeAll(() => {
  db = path.join(tmpDir('fv-recw-'), 'r.db');
  fs.copyFileSync(sampleDb({ visits: true }), db);
});

describe('reconcile at a terminal width', () => {
  it.each([70, 56])('fits %i columns in both languages, loan numbers whole', async (width) => {
    for (const lang of ['zh', 'en'] as const) {
      const natural = await runInProcess(['reconcile'], { db, lang });
      expect(natural.code, natural.stderr).toBe(0);
      const naturalTable = natural.stdout.split('\n').filter((l) => /^[┌│├└]/.test(l));
      // The test can fail: unfitted, the payments table is wider than the terminal.
      expect(Math.max(...naturalTable.map(stringWidth))).toBeGreaterThan(width);
      const fitted = await runInProcess(['reconcile'], { db, lang, width });
      expect(fitted.code, fitted.stderr).toBe(0);
      const tableLines = fitted.stdout.split('\n').filter((l) => /^[┌│├└]/.test(l));
      expect(tableLines.length).toBeGreaterThan(2);
      for (const l of tableLines) expect(stringWidth(l), l).toBeLessThanOrEqual(width);
      const loans = (s: string) => new Set(s.match(/\b[A-Z]{2}-\d{4}-\d{4}\b/g) ?? []);
      expect(loans(natural.stdout).size).toBeGreaterThan(0);
      expect(loans(fitted.stdout)).toEqual(loans(natural.stdout));
    }
  });
});
