// Shared output flags of lists, reports and the agenda (--format, --json, --csv, --out) and whole-number flags; loaded at start, so no database here.
import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../domain/errors.js';
import { text, type Lang } from '../domain/text.js';
import { h } from './help.js';

export type OutputFormat = 'text' | 'md' | 'json' | 'csv';

export function addFormatOptions(cmd: Command, L: Lang, formats: OutputFormat[] = ['text', 'md', 'json', 'csv']): Command {
  cmd.addOption(new Option('--format <format>', h(L, `输出格式：${formats.join('、')}`, `output format: ${formats.join(', ')}`)).choices(formats));
  cmd.option('--json', h(L, '以 JSON 输出（同 --format json）', 'print as JSON (same as --format json)'));
  if (formats.includes('csv')) cmd.option('--csv', h(L, '以 CSV 输出（UTF-8 带 BOM，金额为 1234.50 格式）', 'print as CSV (UTF-8 with BOM, amounts as 1234.50)'));
  addOutOption(cmd, L);
  return cmd;
}

/** --out FILE: written as UTF-8 (CSV with a BOM); the format follows the extension (.csv .json .md) unless given. */
export function addOutOption(cmd: Command, L: Lang): Command {
  return cmd.option('--out <file>', h(L, '写入文件（UTF-8；CSV 带 BOM；格式可由扩展名 .csv .json .md 决定）而不是打印', 'write to FILE (UTF-8; CSV with a BOM; format from a .csv, .json or .md name) instead of printing'));
}

/** The format a --out file's extension asks for, among those the command has. */
function fromOut<F extends string>(file: string | undefined, allowed: readonly F[]): F | undefined {
  if (file === undefined) return undefined;
  const ext = file.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  const f = ext === 'markdown' ? 'md' : ext === 'txt' ? 'text' : ext;
  return (allowed as readonly string[]).includes(f ?? '') ? (f as F) : undefined;
}

export function outputFormat(opts: { format?: string; json?: boolean; csv?: boolean; out?: string }): OutputFormat {
  const chosen = [opts.json ? 'json' : null, opts.csv ? 'csv' : null, opts.format ?? null].filter((x): x is string => x !== null);
  if (new Set(chosen).size > 1) throw new UsageError(text('--json、--csv 和 --format 只能选一个。', 'Choose one of --json, --csv and --format.'));
  return (chosen[0] as OutputFormat | undefined) ?? fromOut(opts.out, ['text', 'md', 'json', 'csv'] as const) ?? 'text';
}

export function intOption(name: string, v: string | undefined, fallback: number, min = 0): number {
  if (v === undefined) return fallback;
  if (!/^\d{1,6}$/.test(v) || Number(v) < min) throw new UsageError(text(`${name} 需要一个不小于 ${min} 的整数，而不是“${v}”。`, `${name} needs a whole number of at least ${min}, not "${v}".`));
  return Number(v);
}

export type ListFormat = 'text' | 'json' | 'csv';

/** --json and --csv of the list commands (a table for people otherwise), and --out when asked. */
export function addListOutputOptions(cmd: Command, L: Lang, opts: { out?: boolean } = {}): Command {
  cmd.option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  cmd.option('--csv', h(L, '以 CSV 输出（UTF-8 带 BOM，金额为 1234.50 格式）', 'print as CSV (UTF-8 with BOM, amounts as 1234.50)'));
  if (opts.out) addOutOption(cmd, L);
  return cmd;
}

export function listFormat(opts: { json?: boolean; csv?: boolean; out?: string }): ListFormat {
  if (opts.json && opts.csv) throw new UsageError(text('--json 和 --csv 只能选一个。', 'Use --json or --csv, not both.'));
  return opts.json ? 'json' : opts.csv ? 'csv' : (fromOut(opts.out, ['json', 'csv'] as const) ?? 'text');
}
