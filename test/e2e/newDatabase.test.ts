// End to end: a first command that fails leaves no database file behind; ID numbers that are not 15 or 18 characters
// long are warned about and not stored.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, query, tmpDir } from '../helpers.js';

const fx = (name: string) => path.join(FIXTURES, 'roster', name);

describe('a failed first import', () => {
  it('leaves no empty database file (nor -wal/-shm) behind', () => {
    const dir = tmpDir('fv-first-');
    const db = path.join(dir, 'new.db');
    for (const bad of ['bad-amount.csv', 'missing-column.csv', 'malformed-quotes.csv', 'utf16.csv']) {
      const r = cli(['import', 'roster', fx(bad)], { db });
      expect(r.code, bad).toBe(1);
      expect(fs.readdirSync(dir), bad).toEqual([]);
    }
    // A merge of a bundle that does not fit a new database likewise.
    const r = cli(['merge', fx('utf8-good.csv')], { db });
    expect(r.code).toBe(1);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a database that already holds something is kept when a later command fails', () => {
    const dir = tmpDir('fv-kept-');
    const db = path.join(dir, 'kept.db');
    expect(cli(['config', 'set', 'officer', '张明'], { db }).code).toBe(0);
    expect(cli(['import', 'roster', fx('bad-amount.csv')], { db }).code).toBe(1);
    expect(fs.existsSync(db)).toBe(true);
    expect(query(db, `SELECT value FROM settings WHERE key = 'officer'`)).toEqual([{ value: '张明' }]);
  });
});

describe('ID numbers of the wrong length', () => {
  it('are warned (never echoed) and not stored; a 15-digit first-generation number is kept', () => {
    const db = path.join(tmpDir('fv-id-'), 'id.db');
    const r = cli(['import', 'roster', fx('short-id.csv')], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/short-id\.csv:2 column "id_number": the ID number is neither 18 nor 15 characters long, so it was not imported/);
    expect(r.stderr).not.toContain('45112319770214569');
    expect(query(db, `SELECT l.loan_no, b.id_number FROM loans l JOIN borrowers b ON b.id = l.borrower_id ORDER BY l.loan_no`)).toEqual([
      { loan_no: 'WS-2022-0001', id_number: null },
      { loan_no: 'WS-2022-0003', id_number: '451123770214569' },
    ]);
  });
});
