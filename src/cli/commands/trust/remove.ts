// `fieldvisit trust remove KEY_ID` (action): stop trusting a key (a lost or reinstalled laptop).
import type { Command } from 'commander';
import { removeTrustedKey } from '../../../db/keys.js';
import { text } from '../../../domain/text.js';
import { trustChangeAsJson } from '../../../format/keys.js';
import type { Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';

export function action(ctx: Context) {
  return async (keyId: string, opts: { json?: boolean }, command: Command) => {
    await withSession(
      ctx,
      command,
      ({ db }) => {
        const k = removeTrustedKey(db, keyId);
        if (opts.json) out(ctx, trustChangeAsJson('removed', k));
        else
          out(
            ctx,
            t(
              ctx,
              text(
                `已不再信任 ${k.keyId}${k.label ? `（${k.label}）` : ''}：它签署的交换文件今后会被拒绝，已合并的记录保留。\n`,
                `No longer trusting ${k.keyId}${k.label ? ` (${k.label})` : ''}: bundles it signs are refused from now on; records already merged stay.\n`,
              ),
            ),
          );
      },
      { mustExist: true },
    );
  };
}
