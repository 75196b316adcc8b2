// The command tree. Each noun registers its verbs; this file only wires them together.
import { Command, Option } from 'commander';
import { helpWidth, type Context } from './context.js';
import { describe, h, helpSettings } from './help.js';
import { VERSION } from './version.js';
// Each noun's index.ts holds only definitions (names, arguments, options, help); actions load when they run (lazy.ts).
import { registerInfo } from './commands/info/index.js';
import { registerConfig } from './commands/config/index.js';
import { registerImport } from './commands/import/index.js';
import { registerPlace } from './commands/place/index.js';
import { registerBorrower } from './commands/borrower/index.js';
import { registerVisit } from './commands/visit/index.js';
import { registerAttachment } from './commands/attachment/index.js';
import { registerPromise } from './commands/promise/index.js';
import { registerNotice } from './commands/notice/index.js';
import { registerLoan } from './commands/loan/index.js';
import { registerAgenda } from './commands/agenda/index.js';
import { registerReport } from './commands/report/index.js';
import { registerExport, registerMerge } from './commands/exchange/index.js';
import { registerBackup, registerRestore } from './commands/backup/index.js';
import { registerTrust } from './commands/trust/index.js';
import { registerKey } from './commands/key/index.js';
import { registerReconcile } from './commands/reconcile/index.js';
import { registerCost } from './commands/cost/index.js';


type Register = (program: Command, ctx: Context) => void;

/** Every top-level command and what registers it, in the order `--help` lists them. */
const COMMANDS: readonly (readonly [string, Register])[] = [
  ['info', registerInfo],
  ['config', registerConfig],
  ['import', registerImport],
  ['place', registerPlace],
  ['borrower', registerBorrower],
  ['visit', registerVisit],
  ['attachment', registerAttachment],
  ['promise', registerPromise],
  ['notice', registerNotice],
  ['loan', registerLoan],
  ['cost', registerCost],
  ['agenda', registerAgenda],
  ['report', registerReport],
  ['reconcile', registerReconcile],
  ['export', registerExport],
  ['merge', registerMerge],
  ['backup', registerBackup],
  ['restore', registerRestore],
  ['trust', registerTrust],
  ['key', registerKey],
];

/** The names of the top-level commands (a test checks they are the ones the full tree has). */
export const COMMAND_NAMES: readonly string[] = COMMANDS.map(([n]) => n);

// The global options that take a value, and those that take none: a command word is found after them.
const GLOBAL_WITH_VALUE = new Set(['--db', '--lang']);
const GLOBAL_FLAGS = new Set(['--ascii', '--no-color', '--debug']);

/**
 * The top-level command the arguments run, when it is certain: only global options before a known command's name.
 * Anything else (no command, an unknown word, `help`, `--`, another flag first) gives undefined, and the whole tree is built.
 */
export function commandOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (GLOBAL_WITH_VALUE.has(a)) i++;
    else if (GLOBAL_FLAGS.has(a) || [...GLOBAL_WITH_VALUE].some((g) => a.startsWith(g + '='))) continue;
    else return COMMAND_NAMES.includes(a) ? a : undefined;
  }
  return undefined;
}

/**
 * The command tree. With the arguments, only the command they run is defined (start-up then skips the definitions of
 * all the others); without them, or when the command is not certain (help, an unknown word), every command is.
 */
export function buildProgram(ctx: Context, args?: readonly string[]): Command {
  const L = ctx.lang;
  const program = new Command('fieldvisit');
  program
    .version(VERSION, '-V, --version', h(L, '显示版本号', 'output the version number'))
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      // Errors are printed by main in the person's language.
      outputError: () => {},
    })
    .exitOverride()
    .showHelpAfterError(false)
    .option('--db <path>', h(L, '数据库文件（默认：环境变量 FIELDVISIT_DB，或用户数据目录）', 'database file (default: $FIELDVISIT_DB, or the per-user data folder)'))
    .addOption(new Option('--lang <lang>', h(L, '界面语言', 'interface language')).choices(['zh', 'en']))
    .option('--ascii', h(L, '表格使用 ASCII 边框（适合旧版 Windows 控制台）', 'ASCII table borders (for old Windows consoles)'))
    .option('--no-color', h(L, '不使用颜色', 'no colour'))
    .option('--debug', h(L, '出错时显示详细信息', 'show details when something fails'));
  describe(
    program,
    L,
    '农信社/村镇银行下乡催收工具：导入花名册、记录走访、生成周报、提示诉讼时效。',
    'Field collection of rural loans: import rosters, log visits, print the weekly report, watch the limitation clock.',
    ['fieldvisit import roster data/roster.csv', 'fieldvisit place list', 'fieldvisit borrower find 房六贵'],
  );
  const only = args ? commandOf(args) : undefined;
  for (const [name, register] of COMMANDS) if (only === undefined || name === only) register(program, ctx);
  for (const c of allCommands(program)) {
    c.exitOverride().configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s), outputError: () => {} });
  }
  // Help lines up and wraps by display width (string-width loads only when help is drawn), at the terminal's width.
  const settings = helpSettings(L, helpWidth(ctx));
  for (const c of [program, ...allCommands(program)]) {
    if (L === 'zh') speakChinese(c);
    c.configureHelp(settings);
  }
  return program;
}

/** Commander's own words on a help screen (the help option and command) in Chinese; titles are in helpSettings. */
function speakChinese(c: Command): void {
  c.helpOption('-h, --help', '显示帮助');
  if (c.commands.length > 0) c.helpCommand('help [command]', '显示某个命令的帮助');
}

export function allCommands(c: Command): Command[] {
  return c.commands.flatMap((s) => [s, ...allCommands(s)]);
}
