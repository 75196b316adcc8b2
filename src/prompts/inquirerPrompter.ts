// The Prompter backed by @inquirer/prompts, writing to stderr so stdout stays clean; loaded only when needed. In Chinese
// every word the library itself draws (key hints, yes/no, its own error messages) is Chinese too.
import { styleText } from 'node:util';
import { CancelledError } from '../domain/errors.js';
import type { Lang } from '../domain/text.js';
import type { Prompter } from './prompter.js';

function wrapCancel<T>(p: Promise<T>): Promise<T> {
  return p.catch((e: unknown) => {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new CancelledError();
    throw e;
  });
}

// The library's key hints ("↑↓ navigate • ⏎ select") and messages, keyed by its English words.
const KEYS_ZH: Record<string, string> = { space: '空格', '⏎': '回车', enter: '回车', tab: 'Tab 键' };
const ACTIONS_ZH: Record<string, string> = { navigate: '移动', select: '选择', submit: '确认', all: '全选', invert: '反选' };
const MESSAGES_ZH: Record<string, string> = {
  'No results found': '没有找到，换个写法试试',
  'At least one choice must be selected': '请至少选择一项（空格选择）',
  'You must select a valid value': '请选择有效的选项',
  'You must provide a value': '请输入内容',
  'You must provide a valid value': '请输入有效的内容',
  'This option is disabled and cannot be selected.': '这一项不能选择。',
  'This option is disabled and cannot be toggled.': '这一项不能选择。',
};

/** Theme settings that put the prompt library's own words in Chinese (none for English). */
export function chineseTheme(): Record<string, unknown> {
  return {
    style: {
      keysHelpTip: (keys: [string, string][]) =>
        keys.map(([key, action]) => `${styleText('bold', KEYS_ZH[key] ?? key)} ${styleText('dim', ACTIONS_ZH[action] ?? action)}`).join(styleText('dim', ' • ')),
      error: (t: string) => styleText('red', `> ${MESSAGES_ZH[t] ?? t}`),
      // The default answer of 是/否 is marked with brackets, which show without colour too.
      confirmDefault: (t: string) => `[${t}]`,
      renderSelectedChoices: (sel: { short: string }[]) => sel.map((c) => c.short).join('、'),
    },
    i18n: { disabledError: '这一项不能选择。' },
    keywords: { yes: '是', no: '否', error: () => '请回答“是”或“否”（y 或 n）' },
  };
}

export function createInquirerPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, lang: Lang = 'en'): Prompter {
  const ctx = { input, output } as never;
  const lib = () => import('@inquirer/prompts');
  const zh = lang === 'zh';
  const theme = zh ? chineseTheme() : undefined;
  return {
    async input(o) {
      const { input: ask } = await lib();
      return wrapCancel(ask({ message: o.message, default: o.default, validate: o.validate, theme } as never, ctx));
    },
    async select(o) {
      const { select } = await lib();
      return wrapCancel(select({ message: o.message, choices: o.choices, default: o.default, pageSize: 12, theme } as never, ctx)) as never;
    },
    async checkbox(o) {
      const { checkbox } = await lib();
      // The library's "required" message is fixed English: check it here, in the person's language.
      const validate = o.required ? (sel: readonly unknown[]) => sel.length > 0 || (zh ? '请至少选择一项（空格选择）' : 'Select at least one (space to select)') : undefined;
      return wrapCancel(checkbox({ message: o.message, choices: o.choices, validate, pageSize: 12, theme } as never, ctx)) as never;
    },
    async confirm(o) {
      const { confirm } = await lib();
      return wrapCancel(confirm({ message: o.message, default: o.default, theme } as never, ctx));
    },
    async search(o) {
      const { search } = await lib();
      return wrapCancel(search({ message: o.message, source: o.source, pageSize: 12, theme } as never, ctx)) as never;
    },
  };
}
