// `fieldvisit info` counts every table of records: each kind of record a bundle carries (roster and places aside, which
// travel as the `roster` table) has its row count, as the sample's own files fix them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { COUNTED_TABLES, readInfo } from '../../src/db/info.js';
import { BUNDLE_TABLES } from '../../src/db/bundle.js';
import { DATA, sampleDb } from '../helpers.js';

describe('info counts', () => {
  it('counts every kind of record that travels, as the tables hold them', () => {
    // Bundle-only shapes: the roster (places, households, borrowers, loans as rows), the older loan events, and the
    // attachments' bytes (counted as attachments).
    const bundleOnly = new Set(['roster', 'loan_events', 'blobs']);
    const travelling = BUNDLE_TABLES.filter((t) => !bundleOnly.has(t));
    expect(travelling.length).toBeGreaterThan(10);
    for (const t of travelling) expect(COUNTED_TABLES, t).toContain(t);
    for (const t of ['ledger_statements', 'payment_confirmations', 'costs', 'attachments', 'notice_voids']) expect(COUNTED_TABLES).toContain(t);
    const { db } = openDatabase(sampleDb({ visits: true }), { nowIso: '2026-11-22T00:00:00.000Z' });
    try {
      const info = readInfo(db);
      expect(Object.keys(info.counts)).toEqual([...COUNTED_TABLES]);
      // Counts the sample's own files fix: a loan and a statement per roster row, a visit per distinct visit id of
      // data/visits.csv (its last column), the one committee merge the sample makes, and no costs or attachments.
      const lines = (f: string) => fs.readFileSync(path.join(DATA, f), 'utf8').trim().split(/\r?\n/).slice(1);
      const loans = lines('roster.csv').length;
      expect(info.counts.loans).toBe(loans);
      expect(info.counts.ledger_statements).toBe(loans);
      expect(info.counts.visits).toBe(new Set(lines('visits.csv').map((l) => l.split(',').at(-1))).size);
      expect(info.counts.village_merges).toBe(1);
      expect(info.counts.costs).toBe(0);
      expect(info.counts.attachments).toBe(0);
    } finally {
      db.close();
    }
  });
});
