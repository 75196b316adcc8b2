// Per-statement timings of one connection, for the import benchmark (FIELDVISIT_IMPORT_TIMING=1): not used otherwise.
import type { Db } from './open.js';

export interface StatementTimes {
  /** Stops timing and gives every statement's total time, slowest first (label: the SQL's first characters). */
  stop(): { label: string; ms: number; calls: number }[];
}

/** Wraps this connection's exec and prepare (the statements they make) with a clock until stop(). */
export function timeStatements(db: Db): StatementTimes {
  const totals = new Map<string, { ms: number; calls: number }>();
  const label = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 110);
  const add = (k: string, t0: number) => {
    const e = totals.get(k) ?? { ms: 0, calls: 0 };
    e.ms += performance.now() - t0;
    e.calls++;
    totals.set(k, e);
  };
  const exec = db.exec;
  const prepare = db.prepare;
  const self = db as unknown as Record<string, unknown>;
  self.exec = function (sql: string) {
    const t0 = performance.now();
    try {
      return exec.call(db, sql);
    } finally {
      add(label(sql), t0);
    }
  };
  self.prepare = function (sql: string) {
    const st = prepare.call(db, sql) as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const m of ['run', 'get', 'all']) {
      const f = st[m]!;
      st[m] = function (...a: unknown[]) {
        const t0 = performance.now();
        try {
          return f.apply(st, a);
        } finally {
          add(label(sql), t0);
        }
      };
    }
    return st;
  };
  return {
    stop() {
      delete self.exec;
      delete self.prepare;
      return [...totals].map(([k, v]) => ({ label: k, ...v })).sort((a, b) => b.ms - a.ms);
    },
  };
}
