// Large read passes (reports over many loans) land on pages all over the file: reading them through a memory map
// instead of copying each page into SQLite's small page cache saves the system calls and copies (measured: the weekly
// report ~15% less CPU at 1M loans; a township's limitation facts at 1M loans, the outcome pass 2.5 s → 1.4 s). SQLite
// caps the size at what the platform allows and falls back to plain reads where it cannot map; a connection's
// resident memory then counts the mapped pages it touched (the page cache's, not the heap's).
import type { Db } from './open.js';

export function readThroughMap(db: Db): void {
  db.pragma('mmap_size = 2147418112');
}
