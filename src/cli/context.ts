// Everything a command may touch from the outside world, injected so tests can replace it.
import path from 'node:path';
import type { Prompter } from '../prompts/prompter.js';
import type { IsoDate } from '../domain/dates.js';
import { isValidIsoDate, localIsoDate } from '../domain/isoDate.js';
import { UsageError } from '../domain/errors.js';
import { text, type Lang } from '../domain/text.js';

export interface Output {
  write(s: string): unknown;
}

export interface Context {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  /** Wall-clock time, for record timestamps. */
  now(): Date;
  cwd: string;
  /** Created on first use: prompts are only for people at a terminal. */
  prompter(): Prompter;
  /** Set by main from --lang / config / locale before a command runs. */
  lang: Lang;
  /** Colour on stdout (a terminal, and NO_COLOR unset). */
  color: boolean;
  /** Columns to fit tables and help into: the terminal's, else COLUMNS; undefined when unknown (a pipe). */
  width?: number;
}

/** The terminal's columns when stdout is one, else a positive COLUMNS, else unknown. */
export function terminalWidth(stdoutIsTTY: boolean, columns: number | undefined, env: Record<string, string | undefined>): number | undefined {
  if (stdoutIsTTY && columns && columns > 0) return columns;
  const n = Number(env.COLUMNS);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The width tables are fitted to: none when the output goes to a file (--out), which no terminal will wrap. */
export function tableWidth(ctx: Context, outFile?: string): number | undefined {
  return outFile === undefined ? ctx.width : undefined;
}

/** Help wraps at the terminal's width, or at 80 columns when nothing is known. */
export function helpWidth(ctx: Context): number {
  return ctx.width ?? 80;
}

/** "Today" for every command: FIELDVISIT_TODAY when set (tests, back-filling), else the local date. */
export function today(ctx: Context): IsoDate {
  const forced = ctx.env.FIELDVISIT_TODAY;
  if (forced !== undefined && forced !== '') {
    if (!isValidIsoDate(forced)) {
      throw new UsageError(
        text(`FIELDVISIT_TODAY=${forced} 不是 YYYY-MM-DD 格式的日期。`, `FIELDVISIT_TODAY=${forced} is not a YYYY-MM-DD date.`),
      );
    }
    return forced;
  }
  return localIsoDate(ctx.now());
}

export function nowIso(ctx: Context): string {
  return ctx.now().toISOString();
}

/**
 * --db, else FIELDVISIT_DB, else the per-user data folder (never the current folder, never a roaming one).
 * env-paths is loaded only when the default folder is needed.
 */
export async function resolveDbPath(ctx: Context, flag: string | undefined): Promise<string> {
  if (flag) return path.resolve(ctx.cwd, flag);
  const env = ctx.env.FIELDVISIT_DB;
  if (env) return path.resolve(ctx.cwd, env);
  const { default: envPaths } = await import('env-paths');
  return path.join(envPaths('fieldvisit', { suffix: '' }).data, 'fieldvisit.db');
}
