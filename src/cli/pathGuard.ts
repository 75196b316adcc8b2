// Refuses to write over what fieldvisit must never destroy: the database (and its -wal/-shm/-journal), its backups,
// and the files the same command is reading. Every path fieldvisit writes passes through guardOutput first.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../domain/errors.js';
import { text, type Text } from '../domain/text.js';
import type { Context } from './context.js';

interface Protected {
  databases: Set<string>;
  /** real path → what the command calls it */
  inputs: Map<string, string>;
}

// Keyed by the context, so in-process tests (one context per run) never see another run's files.
const registry = new WeakMap<object, Protected>();

function entry(ctx: Context): Protected {
  let p = registry.get(ctx);
  if (!p) registry.set(ctx, (p = { databases: new Set(), inputs: new Map() }));
  return p;
}

const caseless = process.platform === 'win32' || process.platform === 'darwin';
function same(a: string, b: string): boolean {
  return caseless ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/**
 * The path the OS will really write: `..` folded, symlinks followed in the part that exists (also a symlink whose
 * target does not exist yet), the rest appended.
 */
export function realTarget(p: string): string {
  let head = path.resolve(p);
  const tail: string[] = [];
  for (let hops = 0; hops < 64; ) {
    try {
      return path.join(fs.realpathSync(head), ...tail);
    } catch {
      // not there (or a dangling link): follow a link by hand, else walk up to the part that exists
    }
    let link: string | null = null;
    try {
      if (fs.lstatSync(head).isSymbolicLink()) link = fs.readlinkSync(head);
    } catch {
      // does not exist at all
    }
    if (link !== null) {
      head = path.resolve(path.dirname(head), link);
      hops++;
      continue;
    }
    const parent = path.dirname(head);
    if (parent === head) break;
    tail.unshift(path.basename(head));
    head = parent;
  }
  return path.join(head, ...tail);
}

/** Marks the database this command uses (and so its journals and backups) as never to be written over. */
export function protectDatabase(ctx: Context, dbFile: string): void {
  entry(ctx).databases.add(realTarget(dbFile));
}

/** Marks a file the command reads as never to be written over by the same command. */
export function protectInput(ctx: Context, file: string, shown: string = file): void {
  entry(ctx).inputs.set(realTarget(file), shown);
}

function inode(p: string): string | null {
  try {
    const s = fs.statSync(p);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

function isSqliteFile(p: string): boolean {
  try {
    const fd = fs.openSync(p, 'r');
    try {
      const b = Buffer.alloc(16);
      const n = fs.readSync(fd, b, 0, 16, 0);
      return n === 16 && b.toString('latin1') === 'SQLite format 3\u0000';
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Why `target` must not be written, or null. */
function whyProtected(ctx: Context, target: string, opts: { textOutput: boolean }): Text | null {
  const p = entry(ctx);
  const real = realTarget(target);
  const ino = inode(real);
  for (const db of p.databases) {
    for (const ext of ['', '-wal', '-shm', '-journal']) {
      const f = db + ext;
      if (same(real, f) || (ino !== null && ino === inode(f))) {
        return ext === ''
          ? text(`就是数据库文件 ${db}`, `is the database file ${db}`)
          : text(`是数据库 ${db} 的日志文件（${ext}）`, `is the database's journal file (${ext}) of ${db}`);
      }
    }
    const base = path.basename(db);
    if (same(path.dirname(real), path.dirname(db)) && (caseless ? real.toLowerCase() : real).startsWith((caseless ? db.toLowerCase() : db) + '.replaced-')) {
      return text(`是恢复时留下的旧数据库（${base}.replaced-…）`, `is a database kept aside by restore (${base}.replaced-…)`);
    }
    const backups = path.join(path.dirname(db), 'backups');
    if (same(path.dirname(real), backups) && fs.existsSync(real)) {
      return text(`是数据库的备份（${backups}）`, `is a backup of the database (in ${backups})`);
    }
  }
  for (const [f, shown] of p.inputs) {
    if (same(real, f) || (ino !== null && ino === inode(f))) return text(`就是本命令正在读取的文件 ${shown}`, `is the file this command reads (${shown})`);
  }
  // A report or list is never a SQLite file: writing one over a database (perhaps another laptop's) is a mistake.
  if (opts.textOutput && isSqliteFile(real)) return text('是一个 SQLite 数据库文件（可能是 fieldvisit 数据库）', 'is a SQLite database file (perhaps a fieldvisit database)');
  return null;
}

/**
 * Throws a UsageError (exit 2) naming the flag when `target` resolves to the database, its -wal/-shm/-journal, a
 * `.replaced-` copy, an existing file in its backups folder, or a file this command reads. Nothing is written.
 */
export function guardOutput(ctx: Context, target: string, flag: string, opts: { textOutput?: boolean } = {}): void {
  const why = whyProtected(ctx, path.resolve(ctx.cwd, target), { textOutput: !!opts.textOutput });
  if (!why) return;
  throw new UsageError(
    text(
      `${flag} ${target} ${why.zh}：写入会毁掉它，未写入任何内容。请换一个文件名。`,
      `${flag} ${target} ${why.en}: writing there would destroy it, so nothing was written. Choose another file name.`,
    ),
  );
}
