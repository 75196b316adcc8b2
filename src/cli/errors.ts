// Maps every error to a message in the person's language and an exit code: 0 ok, 1 data, 2 usage, 130 cancelled.
import { CommanderError } from 'commander';
import { CancelledError, DataError, InputError, UsageError } from '../domain/errors.js';
import { pick, type Lang } from '../domain/text.js';
import { formatProblem } from '../format/problems.js';
import { busyGaveUp, isBusy } from '../db/busy.js';

export const EXIT = { ok: 0, data: 1, usage: 2, cancelled: 130 } as const;

export interface Reported {
  code: number;
  message: string;
}

/** "option '--format <format>' argument 'xml' is invalid. Allowed choices are text, md." in Chinese. */
function invalidArgumentZh(m: string): string {
  const choices = m.match(/Allowed choices are (.*)\.\s*$/)?.[1];
  const allowed = choices ? `：可选 ${choices.split(', ').join('、')}` : '';
  const opt = m.match(/option '([^']+)' (?:argument|value) '([^']*)'/);
  if (opt) {
    const name = opt[1]!.split(/[ ,]+/).find((f) => f.startsWith('--')) ?? opt[1]!.split(' ')[0]!;
    return `选项 ${name} 的值“${opt[2]}”无效${allowed}`;
  }
  const arg = m.match(/command-argument value '([^']*)' is invalid for argument '([^']+)'/);
  if (arg) return `参数 ${arg[2]} 的值“${arg[1]}”无效${allowed}`;
  return `参数无效：${m.replace(/^error: /, '')}`;
}

const COMMANDER_ZH: Record<string, (m: string) => string> = {
  'commander.unknownOption': (m) => `未知选项 ${m.match(/'([^']+)'/)?.[1] ?? ''}`,
  'commander.unknownCommand': (m) => `未知命令 ${m.match(/'([^']+)'/)?.[1] ?? ''}`,
  'commander.missingArgument': (m) => `缺少参数 ${m.match(/'([^']+)'/)?.[1] ?? ''}`,
  'commander.optionMissingArgument': (m) => `选项 ${m.match(/'([^']+)'/)?.[1] ?? ''} 需要一个值`,
  'commander.missingMandatoryOptionValue': (m) => `缺少必需的选项 ${m.match(/'([^']+)'/)?.[1] ?? ''}`,
  'commander.excessArguments': () => `参数过多`,
  'commander.invalidArgument': invalidArgumentZh,
  'commander.conflictingOption': (m) => `选项冲突：${m.replace(/^error: /, '')}`,
};

export function reportError(e: unknown, lang: Lang, debug: boolean): Reported {
  const label = lang === 'zh' ? '错误：' : 'Error: ';
  if (e instanceof CancelledError) {
    return { code: EXIT.cancelled, message: lang === 'zh' ? '已取消，未保存任何内容。' : 'Cancelled; nothing was saved.' };
  }
  if (e instanceof UsageError) {
    const hint = lang === 'zh' ? '（用 --help 查看用法）' : ' (see --help)';
    return { code: EXIT.usage, message: label + pick(e.text, lang) + hint };
  }
  if (e instanceof InputError) {
    const lines = [label + pick(e.text, lang)];
    const errors = e.problems.filter((p) => p.severity === 'error');
    for (const p of errors.slice(0, 20)) lines.push('  ' + formatProblem(p, lang));
    if (errors.length > 20) {
      lines.push(
        lang === 'zh'
          ? `  ……还有 ${errors.length - 20} 处错误；用 --errors 文件.csv 导出全部。`
          : `  … and ${errors.length - 20} more; write them all with --errors FILE.csv.`,
      );
    }
    return { code: EXIT.data, message: lines.join('\n') };
  }
  if (e instanceof DataError) {
    const lines = [label + pick(e.text, lang), ...e.details.map((d) => '  ' + pick(d, lang))];
    return { code: EXIT.data, message: lines.join('\n') };
  }
  if (e instanceof CommanderError) {
    const zh = COMMANDER_ZH[e.code];
    const msg = lang === 'zh' && zh ? '错误：' + zh(e.message) + '（用 --help 查看用法）' : e.message.replace(/^error: /, 'Error: ') + ' (see --help)';
    return { code: EXIT.usage, message: msg };
  }
  // A lock held by another process past every wait: one sentence, exit 1 — never "internal error".
  if (isBusy(e)) return reportError(busyGaveUp(0), lang, debug);
  const err = e instanceof Error ? e : new Error(String(e));
  const lines = [
    lang === 'zh'
      ? `fieldvisit 内部错误（这是程序缺陷，请报告）：${err.message}`
      : `Internal error in fieldvisit (this is a bug; please report it): ${err.message}`,
  ];
  if (debug && err.stack) lines.push(err.stack);
  else lines.push(lang === 'zh' ? '加上 --debug 重新运行可查看详细位置。' : 'Run again with --debug to see where it happened.');
  return { code: EXIT.data, message: lines.join('\n') };
}
