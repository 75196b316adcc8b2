// The output registry: every format (name, file extensions, text or binary, BOM, shortcut flag) and the formats each report and list renders; loaded at start-up, so it names renderers' formats but loads none of them.
import path from 'node:path';
import { UsageError } from '../domain/errors.js';
import { text, type Lang, type Text } from '../domain/text.js';

export interface FormatInfo {
  /** File name endings that ask for this format with --out (lower case, with the dot). */
  extensions: readonly string[];
  /** Binary output (a workbook) is only ever written to a file, never to the terminal. */
  binary: boolean;
  /** A text file that starts with a UTF-8 byte order mark (so Excel on Chinese Windows reads it right). */
  bom: boolean;
  /** The flag that is short for --format NAME, when there is one. */
  flag: string | null;
  /** What the format is, for help and messages. */
  label: Text;
}

export const FORMATS = {
  text: { extensions: ['.txt', '.text'], binary: false, bom: false, flag: null, label: text('文本表格', 'text table') },
  md: { extensions: ['.md', '.markdown'], binary: false, bom: false, flag: null, label: text('Markdown', 'Markdown') },
  json: { extensions: ['.json'], binary: false, bom: false, flag: '--json', label: text('JSON', 'JSON') },
  csv: { extensions: ['.csv'], binary: false, bom: true, flag: '--csv', label: text('CSV（UTF-8 带 BOM，金额为 1234.50 格式）', 'CSV (UTF-8 with BOM, amounts as 1234.50)') },
  html: { extensions: ['.html', '.htm'], binary: false, bom: false, flag: null, label: text('可打印的 A4 网页', 'a printable A4 page') },
  xlsx: { extensions: ['.xlsx'], binary: true, bom: false, flag: null, label: text('Excel 工作簿（只能用 --out 写入文件）', 'Excel workbook (written with --out only)') },
  wechat: { extensions: [], binary: false, bom: false, flag: '--plain', label: text('适合粘贴到微信的纯文本', 'plain text to paste into WeChat') },
} as const satisfies Record<string, FormatInfo>;

export type FormatName = keyof typeof FORMATS;

/**
 * The formats of every report and list, by command. A renderer map (`RendererMap<'report aging', AgingReport>`) must have
 * exactly these keys, so the choices a command offers and the renderers it has cannot drift apart.
 */
export const OUTPUTS = {
  'report weekly': ['text', 'md', 'json', 'csv', 'html', 'xlsx', 'wechat'],
  'report limitation': ['text', 'md', 'json', 'csv', 'xlsx'],
  'report aging': ['text', 'md', 'json', 'csv', 'xlsx'],
  'report officers': ['text', 'md', 'json', 'csv', 'xlsx'],
  'report costs': ['text', 'md', 'json', 'csv', 'xlsx'],
  'report legal': ['text', 'md', 'json', 'csv', 'xlsx'],
  agenda: ['text', 'md', 'json', 'csv', 'xlsx'],
  'place list': ['text', 'json', 'csv', 'xlsx'],
  'borrower find': ['text', 'json', 'csv', 'xlsx'],
  'visit list': ['text', 'json', 'csv', 'xlsx'],
  'promise list': ['text', 'json', 'csv', 'xlsx'],
  'notice list': ['text', 'json', 'csv', 'xlsx'],
  'cost list': ['text', 'json', 'csv', 'xlsx'],
  reconcile: ['text', 'md', 'json', 'csv', 'xlsx'],
  'loan dossier': ['text', 'json', 'html', 'xlsx'],
} as const satisfies Record<string, readonly FormatName[]>;

export type OutputKind = keyof typeof OUTPUTS;
export type FormatsOf<K extends OutputKind> = (typeof OUTPUTS)[K][number];

/** Language of CSV header rows: machine names (default) or Chinese. */
export type CsvHeaders = 'en' | 'zh';
export const CSV_HEADERS: readonly CsvHeaders[] = ['en', 'zh'];

/** The flags a command's output was chosen with (commander's option values). */
export interface OutputFlags {
  format?: string;
  json?: boolean;
  csv?: boolean;
  plain?: boolean;
  out?: string;
}

const FLAG_VALUES: { flag: string; key: 'json' | 'csv' | 'plain' }[] = [
  { flag: '--json', key: 'json' },
  { flag: '--csv', key: 'csv' },
  { flag: '--plain', key: 'plain' },
];

function join(lang: Lang, xs: readonly string[]): string {
  return xs.join(lang === 'zh' ? '、' : ', ');
}

/** The format a file name asks for by its extension, among all formats (undefined when none does). */
export function formatOfFile(file: string): FormatName | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '') return undefined;
  return (Object.keys(FORMATS) as FormatName[]).find((f) => (FORMATS[f].extensions as readonly string[]).includes(ext));
}

function extensionsOf(formats: readonly FormatName[]): string[] {
  return formats.flatMap((f) => FORMATS[f].extensions.slice(0, 1));
}

/**
 * The format a command writes: --format or a shortcut flag (only one of them), else the --out file's extension, else text.
 * An extension the command has no renderer for, a name with no known extension, and binary output without --out are
 * usage errors that name the choices.
 */
export function resolveOutputFormat<K extends OutputKind>(kind: K, flags: OutputFlags): FormatsOf<K> {
  const allowed = OUTPUTS[kind] as readonly FormatName[];
  const shortcuts = FLAG_VALUES.filter((s) => allowed.some((f) => FORMATS[f].flag === s.flag));
  const chosen = [
    ...shortcuts.filter((s) => flags[s.key]).map((s) => allowed.find((f) => FORMATS[f].flag === s.flag)!),
    ...(flags.format !== undefined ? [flags.format] : []),
  ];
  if (new Set(chosen).size > 1) {
    const given = shortcuts.filter((s) => flags[s.key]).map((s) => s.flag);
    if (flags.format === undefined) {
      throw new UsageError(text(`${given.join(' 和 ')} 只能选一个。`, `Use ${given.join(' or ')}, not both.`));
    }
    const names = [...shortcuts.map((s) => s.flag), '--format'];
    throw new UsageError(text(`${names.slice(0, -1).join('、')} 和 --format 只能选一个。`, `Choose one of ${names.slice(0, -1).join(', ')} and --format.`));
  }
  let format: string;
  if (chosen.length) {
    format = chosen[0]!;
    if (!allowed.includes(format as FormatName)) {
      throw new UsageError(
        text(`${kind} 没有“${format}”格式：--format 可选 ${join('zh', allowed)}。`, `${kind} has no "${format}" format: --format takes ${join('en', allowed)}.`),
      );
    }
  } else if (flags.out !== undefined) {
    const f = formatOfFile(flags.out);
    if (f === undefined) {
      throw new UsageError(
        text(
          `无法从文件名“${flags.out}”判断格式：请用 --format 指明（${join('zh', allowed)}），或使用 ${extensionsOf(allowed).join(' ')} 扩展名。`,
          `Cannot tell the format from "${flags.out}": say it with --format (${join('en', allowed)}) or use a ${extensionsOf(allowed).join(', ')} name.`,
        ),
      );
    }
    if (!allowed.includes(f)) {
      throw new UsageError(
        text(
          `${kind} 不能输出 ${f} 格式（--out ${flags.out}）：可选 ${join('zh', allowed)}；请换扩展名（${extensionsOf(allowed).join(' ')}）或用 --format 指明。`,
          `${kind} cannot write the ${f} format (--out ${flags.out}): it writes ${join('en', allowed)}; use a ${extensionsOf(allowed).join(', ')} name or say it with --format.`,
        ),
      );
    }
    format = f;
  } else format = 'text';
  const info = FORMATS[format as FormatName];
  if (info.binary && flags.out === undefined) {
    const ext = info.extensions[0]!;
    throw new UsageError(
      text(
        `${format} 是二进制文件，不能显示在终端上：请用 --out 文件名${ext} 写入文件。`,
        `${format} is a binary file and is never printed to the terminal: write it with --out FILE${ext}.`,
      ),
    );
  }
  return format as FormatsOf<K>;
}
