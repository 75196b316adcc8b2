// Bilingual help: command descriptions and examples, choices and defaults in the person's language, and every line
// wrapped at the terminal's width by display width (a Chinese character is two columns; Chinese has no spaces to break at).
import { Help, type Command, type Option, type Argument } from 'commander';
import type { Lang } from '../domain/text.js';
import { stringWidth, wrapByWidth } from '../format/table.js';

const EXAMPLES = new WeakMap<Command, string[]>();

export function describe(cmd: Command, lang: Lang, zh: string, en: string, examples: string[]): Command {
  cmd.description(lang === 'zh' ? zh : en);
  EXAMPLES.set(cmd, examples);
  return cmd;
}

/** Option help in the current language. */
export function h(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}

const TITLES_ZH: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
};

/** What commander adds after a description (choices, default, preset, env), in the person's language. */
function extras(lang: Lang, o: { argChoices?: string[]; defaultValue?: unknown; defaultValueDescription?: string; presetArg?: unknown; envVar?: string }, showDefault: boolean, showPreset: boolean): string[] {
  const zh = lang === 'zh';
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  const out: string[] = [];
  if (o.argChoices) out.push(zh ? `可选：${o.argChoices.join('、')}` : `choices: ${o.argChoices.join(', ')}`);
  // An empty list as the default ("(default: [])") tells a person nothing.
  const emptyList = Array.isArray(o.defaultValue) && o.defaultValue.length === 0;
  if (showDefault && o.defaultValue !== undefined && !emptyList) {
    const v = o.defaultValueDescription ?? show(o.defaultValue);
    out.push(zh ? `默认：${v}` : `default: ${v}`);
  }
  if (showPreset && o.presetArg !== undefined) out.push(zh ? `不带值时：${show(o.presetArg)}` : `preset: ${show(o.presetArg)}`);
  if (o.envVar !== undefined) out.push(zh ? `环境变量：${o.envVar}` : `env: ${o.envVar}`);
  return out;
}

function withExtras(lang: Lang, description: string, more: string[]): string {
  if (more.length === 0) return description;
  const tail = lang === 'zh' ? `（${more.join('；')}）` : `(${more.join('; ')})`;
  return description ? `${description}${lang === 'zh' ? '' : ' '}${tail}` : tail;
}

/**
 * An example command wider than the line continues on the next lines, indented, breaking only before a flag, so a
 * flag and its value stay together.
 */
function wrapExample(example: string, width: number): string[] {
  const first = '  $ ';
  const cont = '      ';
  const units: string[] = [];
  for (const word of example.split(' ')) {
    if (units.length === 0 || word.startsWith('-')) units.push(word);
    else units[units.length - 1] += ` ${word}`;
  }
  const lines: string[] = [];
  let line = first + units[0];
  for (const u of units.slice(1)) {
    if (stringWidth(`${line} ${u}`) <= width) line += ` ${u}`;
    else {
      lines.push(line);
      line = cont + u;
    }
  }
  lines.push(line);
  return lines;
}

/** The help settings every command gets: width, display width, our wrap, and (in Chinese) commander's words translated. */
export function helpSettings(lang: Lang, width: number): Partial<Help> {
  const zh = lang === 'zh';
  const base = new Help();
  const usageZh = (s: string) => (zh ? s.replace(/\[options\]/g, '[选项]').replace(/\[command\]/g, '[命令]') : s);
  return {
    helpWidth: width,
    // Commander leaves a description unwrapped when less than 40 columns remain beside the terms; wrap it anyway.
    minWidthToWrap: 12,
    displayWidth: (s: string) => stringWidth(s),
    boxWrap: (s: string, w: number) => wrapByWidth(s, w, false),
    styleTitle: (s: string) => (zh ? (TITLES_ZH[s] ?? s) : s),
    styleUsage: usageZh,
    styleSubcommandTerm: usageZh,
    optionDescription: (o: Option) => withExtras(lang, o.description, extras(lang, o as never, o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === 'boolean'), o.optional)),
    argumentDescription: (a: Argument) => withExtras(lang, a.description, extras(lang, a as never, true, false)),
    formatHelp(cmd: Command, helper: Help): string {
      let s = base.formatHelp.call(this, cmd, helper);
      // Commander puts a space after the title's colon; a full-width colon needs none.
      if (zh) s = s.replace(/^用法： /, '用法：');
      const examples = EXAMPLES.get(cmd);
      if (examples?.length) s = s.trimEnd() + `\n\n${zh ? '示例：' : 'Examples:'}\n${examples.flatMap((e) => wrapExample(e, width)).join('\n')}\n`;
      return s;
    },
  };
}
