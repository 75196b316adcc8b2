// Shared output flags of lists, reports and the agenda (--format, its shortcuts, --headers, --out), all from the format registry, and whole-number flags; loaded at start, so no renderer or database here.
import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../domain/errors.js';
import { text, type Lang } from '../domain/text.js';
import { CSV_HEADERS, FORMATS, OUTPUTS, resolveOutputFormat, type CsvHeaders, type FormatName, type FormatsOf, type OutputFlags, type OutputKind } from '../format/registry.js';
import { h } from './help.js';

/** --format with the command's choices, the shortcut flag of each format it has (--json, --csv, --plain), --headers when it has CSV, and --out. */
export function addFormatOptions(cmd: Command, L: Lang, kind: OutputKind): Command {
  const formats = OUTPUTS[kind] as readonly FormatName[];
  const exts = formats.flatMap((f) => FORMATS[f].extensions.slice(0, 1));
  cmd.addOption(
    new Option('--format <format>', h(L, `输出格式（默认按 --out 的扩展名，否则 text）：${formats.join('、')}`, `output format (default: from the --out name, else text): ${formats.join(', ')}`)).choices(
      formats,
    ),
  );
  for (const f of formats) {
    const flag = FORMATS[f].flag;
    if (flag) cmd.option(flag, h(L, `等同于 --format ${f}：${FORMATS[f].label.zh}`, `same as --format ${f}: ${FORMATS[f].label.en}`));
  }
  if (formats.includes('csv')) {
    cmd.addOption(
      new Option('--headers <lang>', h(L, 'CSV 表头：en 为英文字段名（默认，便于脚本），zh 为中文', 'CSV header row: en for machine names (default, for scripts), zh for Chinese')).choices([...CSV_HEADERS]),
    );
  }
  return cmd.option(
    '--out <file>',
    h(L, `写入文件而不是打印（UTF-8；CSV 带 BOM；格式可由扩展名 ${exts.join(' ')} 决定）`, `write to FILE instead of printing (UTF-8; CSV with a BOM; format from a ${exts.join(', ')} name)`),
  );
}

export interface FormatFlags extends OutputFlags {
  headers?: string;
}

/** The command's format from its flags (see resolveOutputFormat), and the CSV header language. */
export function outputFormat<K extends OutputKind>(kind: K, opts: FormatFlags): { format: FormatsOf<K>; headers: CsvHeaders } {
  const format = resolveOutputFormat(kind, opts);
  if (opts.headers !== undefined && format !== 'csv') {
    throw new UsageError(
      text(
        `--headers 只用于 CSV 输出，而这次的格式是 ${format}：去掉 --headers，或加 --csv（工作簿的表头跟随 --lang）。`,
        `--headers applies to CSV output only, and this output is ${format}: drop --headers, or add --csv (a workbook's header row follows --lang).`,
      ),
    );
  }
  return { format, headers: opts.headers === 'zh' ? 'zh' : 'en' };
}

export function intOption(name: string, v: string | undefined, fallback: number, min = 0): number {
  if (v === undefined) return fallback;
  if (!/^\d{1,6}$/.test(v) || Number(v) < min) throw new UsageError(text(`${name} 需要一个不小于 ${min} 的整数，而不是“${v}”。`, `${name} needs a whole number of at least ${min}, not "${v}".`));
  return Number(v);
}
