// Shared plumbing for command actions: global options, opening the database, language, output.
import path from 'node:path';
import type { Command } from 'commander';
import { discardNewDatabase, openDatabase, type Db } from '../db/open.js';
import { vacuumInto } from '../db/backup.js';
import { getSetting } from '../db/settings.js';
import { isLang, pick, type Text } from '../domain/text.js';
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

/** Opens the database for a command, applying the language set with `config set lang` unless --lang was given. */
export async function openSession(ctx: Context, cmd: Command, opts: { mustExist?: boolean } = {}): Promise<Session> {
  const g = globals(cmd);
  const file = await resolveDbPath(ctx, g.db);
  const opened = openDatabase(file, { nowIso: nowIso(ctx), mustExist: opts.mustExist, beforeMigrate: backupBeforeMigrate(file, ctx) });
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
