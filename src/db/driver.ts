// The SQLite driver: better-sqlite3 12 on Node 20, 13 on Node 22 and later (12's statements abort Node ≥ 24.19 when collected).
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

const require = createRequire(import.meta.url);

/**
 * better-sqlite3 13 needs Node ≥ 22 and fixes the crash Node 24.19 exposes in 12 (a Statement finalised by the
 * garbage collector outside a JavaScript context trips a check in node::ObjectWrap); 12 is what runs on Node 20.
 * The 13 build is an optional dependency (package alias `better-sqlite3-node22`): where it could not be built,
 * 12 is used.
 */
function load(): typeof BetterSqlite3 {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) {
    try {
      return require('better-sqlite3-node22') as typeof BetterSqlite3;
    } catch {
      // Not installed or not built for this Node: fall back to 12.
    }
  }
  return require('better-sqlite3') as typeof BetterSqlite3;
}

export const SqliteDatabase: typeof BetterSqlite3 = load();
