// `fieldvisit config get KEY` (action): print one setting (empty when unset).
import type { Command } from 'commander';
import { getSetting } from '../../../db/settings.js';
import type { Context } from '../../context.js';
import { out, withSession } from '../../runtime.js';
import { checkKey } from './settings.js';

export function action(ctx: Context) {
  return async (key: string, _o: unknown, command: Command) => {
    checkKey(key);
    await withSession(ctx, command, ({ db }) => {
      const v = getSetting(db, key);
      out(ctx, (v ?? '') + '\n');
    }, { mustExist: true });
  };
}
