// Shared test plumbing: temporary folders, running the built binary, an in-process fake context.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { SqliteDatabase as Database } from '../src/db/driver.js';
import { run } from '../src/cli/main.js';
import type { Context } from '../src/cli/context.js';
import type { Prompter } from '../src/prompts/prompter.js';

import { BIN, DATA, ROOT, sampleSteps } from './sampleSteps.js';

export { BIN, DATA, ROOT };
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export function tmpDir(prefix = 'fv-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A clean environment for the binary: China's time zone, no colour, English, "today" fixed at 2026-11-22. */
function childEnv(opts: { db?: string; env?: Record<string, string> }): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    TZ: 'Asia/Shanghai',
    NO_COLOR: '1',
    LANG: 'en_US.UTF-8',
    FIELDVISIT_TODAY: '2026-11-22',
    ...(opts.db ? { FIELDVISIT_DB: opts.db } : {}),
    ...opts.env,
  };
}

/** Runs the real built binary, the way an officer or a script does. */
export function cli(args: string[], opts: { db?: string; env?: Record<string, string>; input?: string | Buffer; cwd?: string } = {}): CliResult {
  const env = childEnv(opts);
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    env,
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    timeout: 120000,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without waiting: for tests that run several processes at once. */
export function cliAsync(args: string[], opts: { db?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: childEnv(opts),
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A setup step that must succeed: its result, or an error naming the command, its exit code and its stderr. */
export function succeeded<R extends CliResult>(args: string[], r: R): R {
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r;
}

export function json<T = any>(r: CliResult): T {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/**
 * A database holding the sample roster (as of 2026-11-13) with 黄家村村委 merged into 涡水村委, and optionally the sample
 * visits: a copy, in a folder of its own, of the one test/globalSetup.ts built with the binary for this run (so every
 * caller still gets its own database to change); built here the same way when there is none (a run without the setup).
 */
export function sampleDb(opts: { visits?: boolean } = {}): string {
  const db = path.join(tmpDir(), 'sample.db');
  const built = opts.visits ? inject('sampleVisitsDb') : inject('sampleDb');
  if (built && fs.existsSync(built)) {
    fs.copyFileSync(built, db);
    return db;
  }
  for (const s of sampleSteps(!!opts.visits)) {
    const r = cli(s, { db });
    if (r.code !== 0) throw new Error(`sampleDb: ${s.join(' ')} → ${r.code}\n${r.stderr}`);
  }
  return db;
}

/** Every row of every table, to prove a refused command changed nothing. */
export function snapshot(dbFile: string): string {
  if (!fs.existsSync(dbFile)) return '<no file>';
  const db = new Database(dbFile, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
    return tables.map((t) => `${t.name}:${JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())}`).join('\n');
  } finally {
    db.close();
  }
}

export function query<T = any>(dbFile: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export interface FakeRun extends CliResult {
  ctx: Context;
}

/** Runs a command in-process with a fake context: no terminal unless asked, a scripted Prompter. */
export async function runInProcess(
  args: string[],
  opts: { db?: string; tty?: boolean; prompter?: Prompter; env?: Record<string, string>; stdin?: string; lang?: 'zh' | 'en'; width?: number; cwd?: string } = {},
): Promise<FakeRun> {
  let stdout = '';
  let stderr = '';
  const { Readable } = await import('node:stream');
  const ctx: Context = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([opts.stdin ?? '']),
    stdinIsTTY: !!opts.tty,
    stdoutIsTTY: !!opts.tty,
    stderrIsTTY: false,
    env: { FIELDVISIT_TODAY: '2026-11-22', ...(opts.db ? { FIELDVISIT_DB: opts.db } : {}), ...opts.env },
    now: () => new Date('2026-11-22T12:00:00+08:00'),
    cwd: opts.cwd ?? ROOT,
    prompter: () => {
      if (!opts.prompter) throw new Error('test asked a question without a prompter');
      return opts.prompter;
    },
    lang: opts.lang ?? 'en',
    color: false,
    width: opts.width,
  };
  const code = await run(args, ctx);
  return { code, stdout, stderr, ctx };
}

/** A Prompter that answers from a script, failing loudly when asked something unexpected. */
export function scriptedPrompter(answers: { kind: keyof Prompter; match?: RegExp; answer: unknown }[]): Prompter & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = async (kind: keyof Prompter, message: string, extra?: { source?: (t: string | undefined) => unknown }) => {
    asked.push(`${kind}: ${message}`);
    const a = queue.shift();
    if (!a) throw new Error(`unexpected prompt ${kind}: ${message}`);
    if (a.kind !== kind || (a.match && !a.match.test(message))) throw new Error(`expected ${a.kind} ${a.match ?? ''}, got ${kind}: ${message}`);
    if (kind === 'search' && extra?.source) await extra.source(undefined);
    return typeof a.answer === 'function' ? (a.answer as () => unknown)() : a.answer;
  };
  return {
    asked,
    input: (o) => next('input', o.message) as Promise<string>,
    select: (o) => next('select', o.message) as Promise<never>,
    checkbox: (o) => next('checkbox', o.message) as Promise<never>,
    confirm: (o) => next('confirm', o.message) as Promise<boolean>,
    search: (o) => next('search', o.message, o) as Promise<never>,
  };
}

/** A context that prints nothing and asks nothing: for building the command tree and reading its help in tests. */
export function quietContext(lang: 'zh' | 'en', width?: number): Context {
  return {
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdin: process.stdin,
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    now: () => new Date('2026-11-22T12:00:00+08:00'),
    cwd: ROOT,
    prompter: () => {
      throw new Error('no prompts here');
    },
    lang,
    color: false,
    ...(width === undefined ? {} : { width }),
  };
}
