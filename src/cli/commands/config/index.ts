// `fieldvisit config set|get|list|unset`: per-database settings (definitions; actions in ./<verb>.ts).
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';
import { SETTINGS } from './settings.js';

export function registerConfig(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const cfg = program.command('config');
  describe(cfg, L, '查看或修改本数据库的设置。', 'Show or change this database’s settings.', ['fieldvisit config set officer 张明', 'fieldvisit config list']);
  const set = cfg.command('set').argument('<key>').argument('<value>');
  describe(set, L, `修改设置：${Object.entries(SETTINGS).map(([k, v]) => `${k}（${v.zh}）`).join('，')}。`, `Change a setting: ${Object.entries(SETTINGS).map(([k, v]) => `${k} (${v.en})`).join(', ')}.`, [
    'fieldvisit config set officer 张明',
    'fieldvisit config set lang zh',
  ]);
  lazyAction(set, ctx, () => import('./set.js'));
  const get = cfg.command('get').argument('<key>');
  describe(get, L, '显示一项设置。', 'Show one setting.', ['fieldvisit config get officer']);
  lazyAction(get, ctx, () => import('./get.js'));
  const unset = cfg.command('unset').argument('<key>');
  describe(unset, L, '删除一项设置，恢复默认。', 'Remove a setting, back to its default.', ['fieldvisit config unset lang']);
  lazyAction(unset, ctx, () => import('./unset.js'));
  const list = cfg.command('list').option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(list, L, '列出所有设置。', 'List every setting.', ['fieldvisit config list --json']);
  lazyAction(list, ctx, () => import('./list.js'));
}
