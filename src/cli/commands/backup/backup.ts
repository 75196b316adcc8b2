// `fieldvisit backup [FILE]` (action): a consistent copy of the database while others may be writing, keeping the last N.
import path from 'node:path';
import type { Command } from 'commander';
import { defaultBackupPath, onlineBackup, pruneBackups } from '../../../db/backup.js';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import type { Context } from '../../context.js';
import { out, withSession } from '../../runtime.js';
import { backupAsJson, backupAsText } from '../../../format/exchange.js';

export function action(ctx: Context) {
  return async (file: string | undefined, opts: { keep: string; json?: boolean }, command: Command) => {
    if (!/^\d{1,4}$/.test(opts.keep) || Number(opts.keep) < 1) {
      throw new UsageError(text(`--keep 需要一个正整数，而不是“${opts.keep}”。`, `--keep needs a positive whole number, not "${opts.keep}".`));
    }
    await withSession(
      ctx,
      command,
      async ({ db, file: dbFile }) => {
        const target = file ? path.resolve(ctx.cwd, file) : defaultBackupPath(dbFile, ctx.now());
        const r = await onlineBackup(db, target);
        if (!file) r.pruned = pruneBackups(dbFile, Number(opts.keep));
        out(ctx, opts.json ? backupAsJson(r) : backupAsText(r, ctx.lang));
      },
      { mustExist: true },
    );
  };
}
