// The command tree. Each noun registers its verbs; this file only wires them together.
import { Command, Option } from 'commander';
import type { Context } from './context.js';
import { describe, h } from './help.js';
// Each noun's index.ts holds only definitions (names, arguments, options, help); actions load when they run (lazy.ts).
import { registerInfo } from './commands/info/index.js';
import { registerConfig } from './commands/config/index.js';
import { registerImport } from './commands/import/index.js';
import { registerPlace } from './commands/place/index.js';
import { registerBorrower } from './commands/borrower/index.js';
import { registerVisit } from './commands/visit/index.js';
import { registerPromise } from './commands/promise/index.js';
import { registerNotice } from './commands/notice/index.js';
import { registerLoan } from './commands/loan/index.js';
import { registerAgenda } from './commands/agenda/index.js';
import { registerReport } from './commands/report/index.js';
import { registerExport, registerMerge } from './commands/exchange/index.js';
import { registerBackup, registerRestore } from './commands/backup/index.js';
import { registerReconcile } from './commands/reconcile/index.js';

export const VERSION = '0.1.0';

export function buildProgram(ctx: Context): Command {
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
    .addOption(new Option('--lang <lang>', h(L, '界面语言：zh 或 en', 'language: zh or en')).choices(['zh', 'en']))
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
  registerInfo(program, ctx);
  registerConfig(program, ctx);
  registerImport(program, ctx);
  registerPlace(program, ctx);
  registerBorrower(program, ctx);
  registerVisit(program, ctx);
  registerPromise(program, ctx);
  registerNotice(program, ctx);
  registerLoan(program, ctx);
  registerAgenda(program, ctx);
  registerReport(program, ctx);
  registerReconcile(program, ctx);
  registerExport(program, ctx);
  registerMerge(program, ctx);
  registerBackup(program, ctx);
  registerRestore(program, ctx);
  for (const c of allCommands(program)) {
    c.exitOverride().configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s), outputError: () => {} });
  }
  if (L === 'zh') for (const c of [program, ...allCommands(program)]) speakChinese(c);
  return program;
}

const TITLES_ZH: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
};

/** Commander's own words on a help screen (section titles, the help option and command) in Chinese. */
function speakChinese(c: Command): void {
  c.helpOption('-h, --help', '显示帮助');
  if (c.commands.length > 0) c.helpCommand('help [command]', '显示某个命令的帮助');
  c.configureHelp({ ...c.configureHelp(), styleTitle: (s: string) => TITLES_ZH[s] ?? s });
}

/**
 * Help columns line up Chinese text only when measured with string-width, which takes ~40 ms to load (it builds an
 * Intl.Segmenter), so it is loaded only when this run may print help: --help/-h, `help`, or a noun without its verb.
 */
export async function prepareHelp(program: Command, args: string[]): Promise<void> {
  if (!mayPrintHelp(program, args)) return;
  const { default: stringWidth } = await import('string-width');
  for (const c of [program, ...allCommands(program)]) c.configureHelp({ ...c.configureHelp(), displayWidth: (s: string) => stringWidth(s) } as never);
}

function mayPrintHelp(program: Command, args: string[]): boolean {
  let cmd = program;
  for (const a of args) {
    if (a === '--') break;
    if (a === '--help' || a === '-h' || a === 'help') return true;
    if (cmd === program && (a === '--version' || a === '-V')) return false;
    const sub = a.startsWith('-') ? undefined : cmd.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (sub) cmd = sub;
  }
  return cmd.commands.length > 0;
}

export function allCommands(c: Command): Command[] {
  return c.commands.flatMap((s) => [s, ...allCommands(s)]);
}
