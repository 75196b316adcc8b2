// `fieldvisit trust list` (action): the keys this database trusts.
import type { Command } from 'commander';
import { listTrustedKeys } from '../../../db/keys.js';
import { trustedKeysAsJson, trustedKeysAsText } from '../../../format/keys.js';
import type { Context } from '../../context.js';
import { out, withSession } from '../../runtime.js';

export function action(ctx: Context) {
  return async (opts: { json?: boolean }, command: Command) => {
    await withSession(
      ctx,
      command,
      ({ db }) => {
        const keys = listTrustedKeys(db);
        out(ctx, opts.json ? trustedKeysAsJson(keys) : trustedKeysAsText(keys, ctx.lang));
      },
      { mustExist: true },
    );
  };
}
