// Consistent copies of the database file.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './open.js';

/** A consistent, compacted copy taken through the same connection (safe while other processes write). */
export function vacuumInto(db: Db, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  if (fs.existsSync(target)) fs.rmSync(target);
  db.prepare(`VACUUM INTO ?`).run(target);
  try {
    fs.chmodSync(target, 0o600);
  } catch {
    // chmod means nothing on Windows; the per-user data folder protects the file there.
  }
}
