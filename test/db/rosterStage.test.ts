// The roster's staging table finds a repeated loan number (by a hash in memory, confirmed against the staged row)
// among many rows, and stages every other row once.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase } from '../../src/db/open.js';
import { createRosterStage } from '../../src/db/rosterImport.js';
import type { RosterInput } from '../../src/db/roster.js';
import { tmpDir } from '../helpers.js';

const row = (loanNo: string): RosterInput => ({
  township: '涡水镇', area: null, village: '马头冲村委', group: null, household: '房六贵', borrower: '房六贵', idNumber: null, phone: null, loanNo,
  principalFen: 100, interestFen: 0, loanDate: null, dueDate: null, officer: null, guarantor: null, guaranteeUntil: null, stance: null,
});

describe('roster stage', () => {
  it('returns the first line of a repeated loan number, and null for every new one, over 30,000 rows', () => {
    const { db } = openDatabase(path.join(tmpDir('fv-stage-'), 'x.db'), { nowIso: '2026-11-22T00:00:00Z' });
    const stage = createRosterStage(db, '2026-11-22');
    stage.begin();
    const firstLine = new Map<string, number>();
    let line = 2;
    for (let k = 0; k < 30000; k++) {
      // Every 7th row repeats an earlier loan number; numbers that differ by one character, and Chinese ones.
      const name = (j: number) => (j % 3 ? `WS-${j}` : `涡水${j}号`);
      const no = k % 7 === 6 ? name((k * 13) % (k - 1)) : name(k);
      const want = firstLine.get(no) ?? null;
      expect(stage.add(line, row(no))).toBe(want);
      if (want === null) firstLine.set(no, line);
      line++;
    }
    expect(stage.count()).toBe(firstLine.size);
    expect(line - 2 - firstLine.size).toBeGreaterThan(4000);
    expect(db.prepare(`SELECT count(DISTINCT loan_no) FROM temp.roster_stage`).pluck().get()).toBe(firstLine.size);
    stage.drop();
    db.close();
  });
});
