// Row counts and identity of a database, for `fieldvisit info`.
import type { Db } from './open.js';
import { databaseId, schemaVersion } from './open.js';
import { FACT_TABLE_NAMES } from './facts.js';

/** Every table of records (roster, visits and every kind of fact that travels): a new kind of fact is counted with FACT_TABLES. */
export const COUNTED_TABLES: readonly string[] = [
  'townships',
  'areas',
  'villages',
  'village_merges',
  'village_groups',
  'households',
  'borrowers',
  'loans',
  'visits',
  'visit_outcomes',
  'visit_voids',
  'notices',
  'notice_voids',
  'borrower_events',
  ...FACT_TABLE_NAMES,
];

export interface DbInfo {
  databaseId: string;
  schemaVersion: number;
  counts: Record<string, number>;
}

export function readInfo(db: Db): DbInfo {
  const counts: Record<string, number> = {};
  for (const t of COUNTED_TABLES) {
    counts[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return { databaseId: databaseId(db), schemaVersion: schemaVersion(db), counts };
}
