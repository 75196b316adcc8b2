// The entry point: builds the context from the process, runs the command, and is the only place that sets the exit code.
// It loads little itself (start-up is paid on every run): `--version` and a help screen rendered at build time need
// nothing more; commander, the command tree and the error messages load only for a command that runs.
import fs from 'node:fs';
import { isatty } from 'node:tty';
import type { Context } from './context.js';
import { localeLang } from './lang.js';
import { createInquirerPrompter } from '../prompts/inquirerPrompter.js';
import type { Prompter } from '../prompts/prompter.js';
import { isLang, type Lang } from '../domain/text.js';
import { resolveDbPath, terminalWidth } from './context.js';
import { VERSION } from './version.js';

export function createProcessContext(): Context {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  let prompter: Prompter | undefined;
  const ctx: Context = {
    stdout: process.stdout,
    // stdin and stderr are made (a stream each, with the modules behind them) only when a command uses them: a
    // help screen never does. isatty() asks the same question as the streams' isTTY without making them.
    get stderr() {
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
    stdinIsTTY: isatty(0),
    stdoutIsTTY: !!process.stdout.isTTY,
    stderrIsTTY: isatty(2),
    env: process.env,
    now: () => new Date(),
    cwd: process.cwd(),
    // Created when first asked, after --lang or the configured language has been applied.
    prompter: () => (prompter ??= createInquirerPrompter(process.stdin, process.stderr, ctx.lang)),
    lang: localeLang(process.env),
    color: !!process.stdout.isTTY && !noColor,
    width: terminalWidth(!!process.stdout.isTTY, process.stdout.columns, process.env),
  };
  return ctx;
}

/** Reads --lang, --db, --debug and --no-color before commander parses, so even parse errors speak the right language. */
export function preScan(args: string[], ctx: Context): { debug: boolean; lang: boolean; db: string | undefined } {
  let debug = false;
  let lang = false;
  let db: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a === '--debug') debug = true;
    if (a === '--no-color') ctx.color = false;
    const v = a === '--lang' ? args[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (isLang(v)) {
      ctx.lang = v;
      lang = true;
    }
    const d = a === '--db' ? args[i + 1] : a.startsWith('--db=') ? a.slice(5) : undefined;
    if (d !== undefined) db = d;
  }
  return { debug, lang, db };
}

/**
 * The language set with `config set lang`, read before the program is built so help and every error (even a parse
 * error) use it. Only when the database file already exists; the database code loads only then, so --version stays cheap.
 */
export async function applyConfiguredLang(args: string[], ctx: Context, dbFlag: string | undefined): Promise<void> {
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) return;
  try {
    const file = await resolveDbPath(ctx, dbFlag);
    if (!fs.existsSync(file)) return;
    // The file's header mirrors the setting (src/db/langMark.ts): read there without the SQLite driver when it can tell.
    const { readLangMark } = await import('../db/langMark.js');
    const marked = readLangMark(file);
    if (marked !== undefined) {
      if (marked) ctx.lang = marked;
      return;
    }
    const { readLangSetting } = await import('../db/settings.js');
    const l = readLangSetting(file);
    if (isLang(l)) ctx.lang = l;
  } catch {
    // No configured language to apply: keep the locale's.
  }
}

/**
 * --out and --errors are checked against the database (and its journal files and backups) before anything else runs,
 * so a path that would destroy the database is refused first, whatever else about it is wrong.
 */
async function guardOutputFlags(args: string[], ctx: Context, dbFlag: string | undefined): Promise<void> {
  const targets: [string, string][] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    for (const flag of ['--out', '--errors']) {
      if (a === flag && args[i + 1] !== undefined) targets.push([flag, args[i + 1]!]);
      else if (a.startsWith(flag + '=')) targets.push([flag, a.slice(flag.length + 1)]);
    }
  }
  if (targets.length === 0) return;
  const { guardOutput, protectDatabase } = await import('./pathGuard.js');
  protectDatabase(ctx, await resolveDbPath(ctx, dbFlag));
  // Every --out but export's is a report, list or notice: never written over any SQLite file (export writes a bundle).
  const noun = args.find((a, i) => !a.startsWith('-') && !['--db', '--lang'].includes(args[i - 1] ?? ''));
  for (const [flag, v] of targets) if (v !== '-') guardOutput(ctx, v, flag, { textOutput: flag === '--out' && noun !== 'export' });
}

/** `fieldvisit --version` (or `-V`) and nothing else: the version, with nothing loaded to print it. */
function isVersionOnly(args: string[]): boolean {
  return args.length === 1 && (args[0] === '--version' || args[0] === '-V');
}

/**
 * The help screens drawn at build time (scripts/build.mjs: `help-<lang>.json` beside the bundled main.js), keyed by
 * command path ('' for the program, 'report weekly'), each exactly what commander prints at 80 columns. Used for
 * `fieldvisit [command...] --help` (or -h, with --lang anywhere) when help is drawn at 80 columns (not a terminal, or
 * an 80-column one), so a help screen needs neither commander nor string-width; otherwise, or when the file is not
 * there (the unbundled build, the tests' in-process runs), commander draws it. A test compares every screen with
 * commander's.
 */
export function prebuiltHelp(args: string[], ctx: Context): string | undefined {
  if ((ctx.width ?? 80) !== 80) return undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lang' && isLang(args[i + 1])) i++;
    else if (a.startsWith('--lang=') && isLang(a.slice(7))) continue;
    else words.push(a);
  }
  const last = words.pop();
  if ((last !== '--help' && last !== '-h') || words.some((w) => w.startsWith('-'))) return undefined;
  const screens = readHelpScreens(ctx.lang);
  return screens && Object.hasOwn(screens, words.join(' ')) ? screens[words.join(' ')] : undefined;
}

function readHelpScreens(lang: Lang): Record<string, string> | undefined {
  try {
    return JSON.parse(fs.readFileSync(new URL(`./help-${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;
  } catch {
    return undefined;
  }
}

/** Runs one invocation and returns its exit code; tests call this in-process with a fake context. */
export async function run(args: string[], ctx: Context): Promise<number> {
  if (isVersionOnly(args)) {
    ctx.stdout.write(VERSION + '\n');
    return 0;
  }
  const { debug, lang, db } = preScan(args, ctx);
  if (!lang) await applyConfiguredLang(args, ctx, db);
  const help = prebuiltHelp(args, ctx);
  if (help !== undefined) {
    ctx.stdout.write(help);
    return 0;
  }
  const [{ CommanderError }, { buildProgram }, { reportError, EXIT }] = await Promise.all([import('commander'), import('./program.js'), import('./errors.js')]);
  const program = buildProgram(ctx, args);
  try {
    await guardOutputFlags(args, ctx, db);
    await program.parseAsync(args, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError && (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')) {
      return EXIT.ok;
    }
    const r = reportError(e, ctx.lang, debug);
    ctx.stderr.write(r.message + '\n');
    return r.code;
  }
}

/** `fieldvisit report weekly | head`: the reader went away; stop quietly, as other command-line tools do. */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export async function main(): Promise<void> {
  quietOnClosedPipe(process.stdout);
  const code = await run(process.argv.slice(2), createProcessContext());
  process.exitCode = code;
}
