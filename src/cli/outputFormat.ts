// Shared output flags of lists, reports and the agenda (--format, --json, --csv) and whole-number flags; loaded at start, so no database here.
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
  return cmd;
}

export function outputFormat(opts: { format?: string; json?: boolean; csv?: boolean }): OutputFormat {
  const chosen = [opts.json ? 'json' : null, opts.csv ? 'csv' : null, opts.format ?? null].filter((x): x is string => x !== null);
  if (new Set(chosen).size > 1) throw new UsageError(text('--json、--csv 和 --format 只能选一个。', 'Choose one of --json, --csv and --format.'));
  return (chosen[0] as OutputFormat | undefined) ?? 'text';
}

export function intOption(name: string, v: string | undefined, fallback: number, min = 0): number {
  if (v === undefined) return fallback;
  if (!/^\d{1,6}$/.test(v) || Number(v) < min) throw new UsageError(text(`${name} 需要一个不小于 ${min} 的整数，而不是“${v}”。`, `${name} needs a whole number of at least ${min}, not "${v}".`));
  return Number(v);
}

export type ListFormat = 'text' | 'json' | 'csv';

/** --json and --csv of the list commands (a table for people otherwise). */
export function addListOutputOptions(cmd: Command, L: Lang): Command {
  cmd.option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  cmd.option('--csv', h(L, '以 CSV 输出（UTF-8 带 BOM，金额为 1234.50 格式）', 'print as CSV (UTF-8 with BOM, amounts as 1234.50)'));
  return cmd;
}

export function listFormat(opts: { json?: boolean; csv?: boolean }): ListFormat {
  if (opts.json && opts.csv) throw new UsageError(text('--json 和 --csv 只能选一个。', 'Use --json or --csv, not both.'));
  return opts.json ? 'json' : opts.csv ? 'csv' : 'text';
}
