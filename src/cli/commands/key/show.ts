// `fieldvisit key show` (action): this database's key id, public key and fingerprint.
import type { Command } from 'commander';
import { ownKey } from '../../../db/keys.js';
import { ownKeyAsJson, ownKeyAsText } from '../../../format/keys.js';
import type { Context } from '../../context.js';
import { out, withSession } from '../../runtime.js';

export function action(ctx: Context) {
  return async (opts: { json?: boolean }, command: Command) => {
    await withSession(
      ctx,
      command,
      ({ db }) => {
        const k = ownKey(db);
        out(ctx, opts.json ? ownKeyAsJson(k) : ownKeyAsText(k, ctx.lang));
      },
      { mustExist: true },
    );
  };
}
