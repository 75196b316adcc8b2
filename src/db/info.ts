// Row counts and identity of a database, for `fieldvisit info`.
import type { Db } from './open.js';
import { databaseId, schemaVersion } from './open.js';

export const COUNTED_TABLES = [
  'townships',
  'areas',
  'villages',
  'village_groups',
  'households',
  'borrowers',
  'loans',
  'visits',
  'visit_outcomes',
  'visit_voids',
  'notices',
  'borrower_events',
  'loan_marks',
  'legal_events',
  'fact_voids',
] as const;

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
