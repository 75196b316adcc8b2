// `fieldvisit place list|merge|set`: the place tree, committee merges, township profiles (definitions; actions in ./<verb>.ts).
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';
import { addFormatOptions } from '../../outputFormat.js';

export function registerPlace(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const place = program.command('place');
  describe(place, L, '乡镇、片区、村委、组：查看、合并村委、设置乡镇概况。', 'Townships, areas, committees, groups: list, merge committees, set township profiles.', [
    'fieldvisit place list --township 涡水镇',
  ]);

  const list = place.command('list').option('--township <name>', h(L, '只看一个乡镇', 'one township only'));
  addFormatOptions(list, L, 'place list');
  describe(list, L, '按乡镇 → 片区 → 村委 → 组列出户数、贷款笔数和贷款余额。', 'The place tree with household and loan counts and outstanding principal.', [
    'fieldvisit place list',
    'fieldvisit place list --township 涡水镇 --json',
    'fieldvisit place list --out places.csv',
  ]);
  lazyAction(list, ctx, () => import('./list.js'));

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
  lazyAction(merge, ctx, () => import('./merge.js'));

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
  lazyAction(set, ctx, () => import('./set.js'));
}
