// `fieldvisit config set KEY VALUE` (action): check the value and store it in this database.
import type { Command } from 'commander';
import { setSetting } from '../../../db/settings.js';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import type { Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { SETTINGS, checkKey } from './settings.js';

export function action(ctx: Context) {
  return async (key: string, value: string, _o: unknown, command: Command) => {
    checkKey(key);
    if (!SETTINGS[key]!.check(value)) {
      throw new UsageError(text(`“${value}”不是 ${key} 的有效值：${SETTINGS[key]!.zh}。`, `"${value}" is not a valid ${key}: ${SETTINGS[key]!.en}.`));
    }
    await withSession(ctx, command, ({ db }) => {
      setSetting(db, key, value);
      out(ctx, t(ctx, text(`已设置 ${key} = ${value}\n`, `Set ${key} = ${value}\n`)));
    });
  };
}
