// `fieldvisit config list` (action): every setting of this database.
import type { Command } from 'commander';
import { listSettings } from '../../../db/settings.js';
import type { Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { asJson } from '../../../format/table.js';
import { text } from '../../../domain/text.js';
import { SETTINGS } from './settings.js';

export function action(ctx: Context) {
  return async (opts: { json?: boolean }, command: Command) => {
    await withSession(ctx, command, ({ db }) => {
      const all = listSettings(db);
      if (opts.json) out(ctx, asJson(all));
      else if (Object.keys(all).length > 0) out(ctx, Object.entries(all).map(([k, v]) => `${k} = ${v}\n`).join(''));
      else {
        const keys = Object.entries(SETTINGS).map(([k, s]) => `  ${k}  ${t(ctx, text(s.zh, s.en))}\n`).join('');
        out(ctx, t(ctx, text('还没有任何设置（都用默认值）。可设置的项目，用 fieldvisit config set 键 值 设置：\n', 'No settings are set (defaults apply). Known keys, set with fieldvisit config set KEY VALUE:\n')) + keys);
      }
    }, { mustExist: true });
  };
}
