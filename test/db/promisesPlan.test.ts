// listPromises' query plan: a due-date range (the weekly report's next-week promises) is read through the promise-date
// index, whatever place filter comes with it; driven by the township instead it read every visit of the township's
// households (2.6 s at a million loans against 13 ms). No ANALYZE statistics exist, so the plan depends on the schema
// only: the sample database shows the plan a large one gets.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { promisesSql, type PromiseFilter } from '../../src/db/promises.js';
import { sampleDb } from '../helpers.js';

function plan(f: PromiseFilter): string[] {
  const { db } = openDatabase(sampleDb({ visits: true }), { nowIso: '2026-11-22T00:00:00.000Z', readonly: true });
  try {
    const params = { today: '2026-11-22', townshipId: 1, villageId: 1, householdId: 1, officer: 'x', dueFrom: '2026-11-23', dueTo: '2026-11-29', madeFrom: null, madeTo: null };
    return (db.prepare(`EXPLAIN QUERY PLAN ${promisesSql(f)}`).all(params) as { detail: string }[]).map((r) => r.detail);
  } finally {
    db.close();
  }
}

describe('listPromises query plan', () => {
  for (const f of [
    { dueFrom: '2026-11-23', dueTo: '2026-11-29' },
    { townshipId: 1, dueFrom: '2026-11-23', dueTo: '2026-11-29' },
    { townshipId: 1, officer: 'x', dueFrom: '2026-11-23', dueTo: '2026-11-29' },
    { villageId: 1, dueFrom: '2026-11-23' },
  ] as PromiseFilter[]) {
    it(`a due-date range drives: ${Object.keys(f).join(', ')}`, () => {
      expect(plan(f)[0]).toMatch(/^SEARCH o USING (COVERING )?INDEX visit_outcomes_intent_due \(promise_date>\?/);
    });
  }

  it("a household's promises (visit log) go by the household", () => {
    expect(plan({ householdId: 1 }).some((d) => /SEARCH v USING .*\(household_id=\?/.test(d))).toBe(true);
  });
});
