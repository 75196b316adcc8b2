// Bilingual command descriptions and examples, so every command's help says what it does and shows a use.
import type { Command } from 'commander';
import type { Lang } from '../domain/text.js';

export function describe(cmd: Command, lang: Lang, zh: string, en: string, examples: string[]): Command {
  cmd.description(lang === 'zh' ? zh : en);
  const head = lang === 'zh' ? '示例：' : 'Examples:';
  cmd.addHelpText('after', `\n${head}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  return cmd;
}

/** Option help in the current language. */
export function h(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}
