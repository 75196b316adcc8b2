// `fieldvisit config unset KEY` (action): remove a setting, back to its default.
import type { Command } from 'commander';
import { unsetSetting } from '../../../db/settings.js';
import { text } from '../../../domain/text.js';
import type { Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { checkKey } from './settings.js';

export function action(ctx: Context) {
  return async (key: string, _o: unknown, command: Command) => {
    checkKey(key);
    await withSession(ctx, command, ({ db }) => {
      unsetSetting(db, key);
      out(ctx, t(ctx, text(`已删除 ${key}\n`, `Removed ${key}\n`)));
    });
  };
}
