// `fieldvisit config list` (action): every setting of this database.
import type { Command } from 'commander';
import { listSettings } from '../../../db/settings.js';
import type { Context } from '../../context.js';
import { out, withSession } from '../../runtime.js';
import { asJson } from '../../../format/table.js';

export function action(ctx: Context) {
  return async (opts: { json?: boolean }, command: Command) => {
    await withSession(ctx, command, ({ db }) => {
      const all = listSettings(db);
      if (opts.json) out(ctx, asJson(all));
      else out(ctx, Object.entries(all).map(([k, v]) => `${k} = ${v}\n`).join(''));
    }, { mustExist: true });
  };
}
