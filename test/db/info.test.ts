// `fieldvisit info` counts every table of records: each kind of record a bundle carries (roster and places aside, which
// travel as the `roster` table) has its row count, equal to the table's.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { COUNTED_TABLES, readInfo } from '../../src/db/info.js';
import { BUNDLE_TABLES } from '../../src/db/bundle.js';
import { sampleDb } from '../helpers.js';

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
      for (const t of COUNTED_TABLES) expect(info.counts[t], t).toBe(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get());
      expect(info.counts.ledger_statements).toBeGreaterThan(0);
      expect(info.counts.visits).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
