// Shared plumbing for command actions: global options, opening the database, language, output.
import path from 'node:path';
import type { Command } from 'commander';
import { discardNewDatabase, openDatabase, type Db } from '../db/open.js';
import { vacuumInto } from '../db/backup.js';
import { getSetting } from '../db/settings.js';
import { isLang, pick, text, type Text } from '../domain/text.js';
import type { BusyPolicy } from '../db/busy.js';
import { nowIso, resolveDbPath, type Context } from './context.js';
import { protectDatabase } from './pathGuard.js';

export interface GlobalOptions {
  db?: string;
  lang?: string;
  debug?: boolean;
  color?: boolean;
  ascii?: boolean;
}

export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

export interface Session {
  db: Db;
  file: string;
  created: boolean;
}

/** Makes a dated copy next to the database before a migration changes it. */
function backupBeforeMigrate(file: string, ctx: Context) {
  return (db: Db, from: number, to: number) => {
    const stamp = nowIso(ctx).replace(/[:.]/g, '-');
    const target = path.join(path.dirname(file), 'backups', `${path.basename(file, '.db')}-v${from}-before-v${to}-${stamp}.db`);
    vacuumInto(db, target);
  };
}

/**
 * How a write waits for another fieldvisit that is writing: silently for a moment, then with one line on a terminal,
 * up to 30 minutes (FIELDVISIT_BUSY_WAIT_MS and FIELDVISIT_BUSY_ATTEMPT_MS shorten it, for tests).
 */
function busyPolicy(ctx: Context): Partial<BusyPolicy> {
  const ms = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);
  const p: Partial<BusyPolicy> = {
    onWait: () => {
      if (ctx.stderrIsTTY) warn(ctx, t(ctx, text('正在等待另一个 fieldvisit 写完（导入、合并或备份）……', 'Waiting for another fieldvisit to finish writing (an import, a merge or a backup) …')));
    },
  };
  const max = ms(ctx.env.FIELDVISIT_BUSY_WAIT_MS);
  const attempt = ms(ctx.env.FIELDVISIT_BUSY_ATTEMPT_MS);
  if (max !== undefined) p.maxWaitMs = max;
  if (attempt !== undefined) p.attemptMs = attempt;
  return p;
}

/** Opens the database for a command, applying the language set with `config set lang` unless --lang was given. */
export async function openSession(ctx: Context, cmd: Command, opts: { mustExist?: boolean } = {}): Promise<Session> {
  const g = globals(cmd);
  const file = await resolveDbPath(ctx, g.db);
  const opened = openDatabase(file, { nowIso: nowIso(ctx), mustExist: opts.mustExist, beforeMigrate: backupBeforeMigrate(file, ctx), busy: busyPolicy(ctx) });
  protectDatabase(ctx, opened.file);
  if (!g.lang) {
    const l = getSetting(opened.db, 'lang');
    if (isLang(l)) ctx.lang = l;
  }
  return { db: opened.db, file: opened.file, created: opened.created };
}

export async function withSession<T>(ctx: Context, cmd: Command, fn: (s: Session) => Promise<T> | T, opts: { mustExist?: boolean } = {}): Promise<T> {
  const s = await openSession(ctx, cmd, opts);
  let ok = false;
  try {
    const r = await fn(s);
    ok = true;
    return r;
  } finally {
    if (!ok && s.created) discardNewDatabase(s.db, s.file);
    else s.db.close();
  }
}

export function t(ctx: Context, tx: Text): string {
  return pick(tx, ctx.lang);
}

export function out(ctx: Context, s: string): void {
  ctx.stdout.write(s);
}

export function warn(ctx: Context, s: string): void {
  ctx.stderr.write(s.endsWith('\n') ? s : s + '\n');
}
