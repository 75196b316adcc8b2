// `fieldvisit place list|merge|set`: the place tree, committee merges, township profiles.
import type { Command } from 'commander';
import { listPlaces, mergeVillage, requireTownship, setTownshipProfile } from '../../../db/places.js';
import { UsageError } from '../../../domain/errors.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { text } from '../../../domain/text.js';
import { nowIso, today, type Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { globals, out, t, withSession } from '../../runtime.js';
import { placesAsJson, placesAsText } from '../../../format/places.js';
import { asJson } from '../../../format/table.js';

function intFlag(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,9}$/.test(v)) throw new UsageError(text(`${name} 需要一个非负整数，而不是“${v}”。`, `${name} needs a whole number, not "${v}".`));
  return Number(v);
}

export function registerPlace(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const place = program.command('place');
  describe(place, L, '乡镇、片区、村委、组：查看、合并村委、设置乡镇概况。', 'Townships, areas, committees, groups: list, merge committees, set township profiles.', [
    'fieldvisit place list --township 涡水镇',
  ]);

  const list = place
    .command('list')
    .option('--township <name>', h(L, '只看一个乡镇', 'one township only'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(list, L, '按乡镇 → 片区 → 村委 → 组列出户数、贷款笔数和贷款余额。', 'The place tree with household and loan counts and outstanding principal.', [
    'fieldvisit place list',
    'fieldvisit place list --township 涡水镇 --json',
  ]);
  list.action(async (opts: { township?: string; json?: boolean }, command: Command) => {
    await withSession(ctx, command, ({ db }) => {
      const tid = opts.township ? requireTownship(db, opts.township).id : undefined;
      const rows = listPlaces(db, tid);
      out(ctx, opts.json ? placesAsJson(rows) : placesAsText(rows, ctx.lang, { ascii: !!globals(command).ascii }));
    });
  });

  const merge = place
    .command('merge')
    .argument('<old>', h(L, '被合并的村委', 'the committee that merged'))
    .requiredOption('--into <new>', h(L, '合并进的村委', 'the committee it merged into'))
    .option('--township <name>', h(L, '村委所在乡镇（名称重复时必填）', 'township (needed when the name is in several)'))
    .option('--date <date>', h(L, '合并日期', 'date of the merge'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    merge,
    L,
    '记录村委合并：旧村委的组和农户归入新村委并保留来历；以后花名册里的旧名称自动归入新村委。',
    'Record a committee merge: the old committee’s groups and households move to the new one, keeping where they came from; later rosters that use the old name land in the new one.',
    ['fieldvisit place merge 黄家村村委 --into 涡水村委 --township 涡水镇 --date 2025-06-01'],
  );
  merge.action(async (old: string, opts: { into: string; township?: string; date?: string; json?: boolean }, command: Command) => {
    if (opts.date !== undefined && !isValidIsoDate(opts.date)) {
      throw new UsageError(text(`--date 需要 YYYY-MM-DD 格式的日期，而不是“${opts.date}”。`, `--date needs a YYYY-MM-DD date, not "${opts.date}".`));
    }
    await withSession(ctx, command, ({ db }) => {
      const tid = opts.township ? requireTownship(db, opts.township).id : undefined;
      const r = mergeVillage(db, { old, into: opts.into, townshipId: tid, date: opts.date ?? today(ctx), recordedAt: nowIso(ctx) });
      if (opts.json) out(ctx, asJson(r));
      else if (r.alreadyMerged) out(ctx, t(ctx, text(`“${r.old}”早已合并进“${r.into}”，没有变化。\n`, `"${r.old}" was already merged into "${r.into}"; nothing changed.\n`)));
      else
        out(
          ctx,
          t(
            ctx,
            text(
              `已将${r.township}“${r.old}”合并进“${r.into}”：移入 ${r.groups} 个组、${r.households} 户。\n`,
              `Merged "${r.old}" into "${r.into}" (${r.township}): moved ${r.groups} group(s) and ${r.households} household(s).\n`,
            ),
          ),
        );
    });
  });

  const set = place
    .command('set')
    .argument('<township>', h(L, '乡镇名称', 'township name'))
    .option('--population <n>', h(L, '人口', 'population'))
    .option('--livelihood <text>', h(L, '主要生计，如“林业为主，农业为辅”', 'main livelihood, e.g. "forestry first, farming second"'))
    .option('--committees <n>', h(L, '村委会个数', 'number of village committees'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(set, L, '设置乡镇概况（人口、主要生计、村委会个数），周报会引用。', 'Set a township profile (population, livelihood, committees); the weekly report quotes it.', [
    'fieldvisit place set 涡水镇 --population 7800 --committees 6 --livelihood 林业为主，农业为辅',
  ]);
  set.action(async (township: string, opts: { population?: string; livelihood?: string; committees?: string; json?: boolean }, command: Command) => {
    const population = intFlag('--population', opts.population);
    const committeeCount = intFlag('--committees', opts.committees);
    await withSession(ctx, command, ({ db }) => {
      const tw = setTownshipProfile(db, township, { population, committeeCount, livelihood: opts.livelihood });
      if (opts.json) out(ctx, asJson(tw));
      else
        out(
          ctx,
          t(
            ctx,
            text(
              `${tw.name}：${tw.committeeCount ?? '?'} 个村委会，${tw.population ?? '?'} 人，${tw.livelihood ?? ''}\n`,
              `${tw.name}: ${tw.committeeCount ?? '?'} committees, population ${tw.population ?? '?'}, ${tw.livelihood ?? ''}\n`,
            ),
          ),
        );
    });
  });
}
