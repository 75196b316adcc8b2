// Shared flags of the limitation, agenda and report commands: output format, township/village, the "within" window.
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Db } from '../db/open.js';
import { getSetting } from '../db/settings.js';
import { requireTownship } from '../db/places.js';
import { findVillage } from '../db/agenda.js';
import { DataError, UsageError } from '../domain/errors.js';
import { DEFAULT_PERIOD_YEARS } from '../domain/limitation.js';
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

export function periodYears(db: Db): number {
  const v = getSetting(db, 'limitation-years');
  return v && /^\d+$/.test(v) && Number(v) >= 1 ? Number(v) : DEFAULT_PERIOD_YEARS;
}

export function placeFilter(db: Db, township: string | undefined, village: string | undefined): { townshipId?: number; villageId?: number } {
  const townshipId = township ? requireTownship(db, township).id : undefined;
  if (!village) return { townshipId };
  const hits = findVillage(db, village, townshipId);
  if (hits.length === 0) throw new DataError(text(`没有名为“${village}”的村委：用 fieldvisit place list 查看。`, `No village committee named "${village}": see fieldvisit place list.`));
  if (hits.length > 1) throw new UsageError(text(`有多个乡镇都有“${village}”：请加 --township。`, `"${village}" exists in several townships: add --township.`));
  return { townshipId, villageId: hits[0]!.id };
}
