// `fieldvisit config set|get|list|unset`: per-database settings (officer, lang, limitation-years, quota, notice series).
import type { Command } from 'commander';
import { getSetting, listSettings, setSetting, unsetSetting } from '../../../db/settings.js';
import { UsageError } from '../../../domain/errors.js';
import { isLang, text } from '../../../domain/text.js';
import { isValidSeries } from '../../../domain/notice.js';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { out, t, withSession } from '../../runtime.js';
import { asJson } from '../../../format/table.js';

/** The settings the tool reads, each with a check of its value. */
export const SETTINGS: Record<string, { zh: string; en: string; check: (v: string) => boolean }> = {
  officer: { zh: '默认催收员姓名', en: 'default officer name', check: (v) => v.trim().length > 0 },
  lang: { zh: '界面语言：zh 或 en', en: 'language: zh or en', check: (v) => isLang(v) },
  'limitation-years': { zh: '诉讼时效年数（默认 3）', en: 'limitation period in years (default 3)', check: (v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 },
  'visit-quota': { zh: '每月外访指标（默认 25）', en: 'field visits quota per month (default 25)', check: (v) => /^\d{1,4}$/.test(v) },
  'notice-series': {
    zh: '通知书编号格式，如 {township}-{year}-{seq:4}',
    en: 'notice number pattern, e.g. {township}-{year}-{seq:4}',
    check: (v) => isValidSeries(v),
  },
};

function checkKey(key: string): void {
  if (!SETTINGS[key]) {
    throw new UsageError(
      text(`没有名为“${key}”的设置。可用：${Object.keys(SETTINGS).join('、')}。`, `No setting named "${key}". Known: ${Object.keys(SETTINGS).join(', ')}.`),
    );
  }
}

export function registerConfig(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const cfg = program.command('config');
  describe(cfg, L, '查看或修改本数据库的设置。', 'Show or change this database’s settings.', ['fieldvisit config set officer 张明', 'fieldvisit config list']);
  const set = cfg.command('set').argument('<key>').argument('<value>');
  describe(set, L, `修改设置：${Object.entries(SETTINGS).map(([k, v]) => `${k}（${v.zh}）`).join('，')}。`, `Change a setting: ${Object.entries(SETTINGS).map(([k, v]) => `${k} (${v.en})`).join(', ')}.`, [
    'fieldvisit config set officer 张明',
    'fieldvisit config set lang zh',
  ]);
  set.action(async (key: string, value: string, _o: unknown, command: Command) => {
    checkKey(key);
    if (!SETTINGS[key]!.check(value)) {
      throw new UsageError(text(`“${value}”不是 ${key} 的有效值：${SETTINGS[key]!.zh}。`, `"${value}" is not a valid ${key}: ${SETTINGS[key]!.en}.`));
    }
    await withSession(ctx, command, ({ db }) => {
      setSetting(db, key, value);
      out(ctx, t(ctx, text(`已设置 ${key} = ${value}\n`, `Set ${key} = ${value}\n`)));
    });
  });
  const get = cfg.command('get').argument('<key>');
  describe(get, L, '显示一项设置。', 'Show one setting.', ['fieldvisit config get officer']);
  get.action(async (key: string, _o: unknown, command: Command) => {
    checkKey(key);
    await withSession(ctx, command, ({ db }) => {
      const v = getSetting(db, key);
      out(ctx, (v ?? '') + '\n');
    });
  });
  const unset = cfg.command('unset').argument('<key>');
  describe(unset, L, '删除一项设置，恢复默认。', 'Remove a setting, back to its default.', ['fieldvisit config unset lang']);
  unset.action(async (key: string, _o: unknown, command: Command) => {
    checkKey(key);
    await withSession(ctx, command, ({ db }) => {
      unsetSetting(db, key);
      out(ctx, t(ctx, text(`已删除 ${key}\n`, `Removed ${key}\n`)));
    });
  });
  const list = cfg.command('list').option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(list, L, '列出所有设置。', 'List every setting.', ['fieldvisit config list --json']);
  list.action(async (opts: { json?: boolean }, command: Command) => {
    await withSession(ctx, command, ({ db }) => {
      const all = listSettings(db);
      if (opts.json) out(ctx, asJson(all));
      else out(ctx, Object.entries(all).map(([k, v]) => `${k} = ${v}\n`).join(''));
    });
  });
}
