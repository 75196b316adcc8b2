// `fieldvisit backup [FILE]` (action): a consistent copy of the database while others may be writing, keeping the last N.
import path from 'node:path';
import type { Command } from 'commander';
import { defaultBackupPath, onlineBackup, pruneBackups } from '../../../db/backup.js';
import type { Context } from '../../context.js';
import fs from 'node:fs';
import { DataError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { guardOutput } from '../../pathGuard.js';
import { out, withSession } from '../../runtime.js';
import { intOption } from '../../outputFormat.js';
import { backupAsJson, backupAsText } from '../../../format/exchange.js';

export function action(ctx: Context) {
  return async (file: string | undefined, opts: { keep: string; json?: boolean; force?: boolean }, command: Command) => {
    const keep = intOption('--keep', opts.keep, 10, 1);
    await withSession(
      ctx,
      command,
      async ({ db, file: dbFile }) => {
        const target = file ? path.resolve(ctx.cwd, file) : defaultBackupPath(dbFile, ctx.now());
        if (file) {
          guardOutput(ctx, file, 'FILE');
          if (fs.existsSync(target) && !opts.force) {
            throw new DataError(
              text(`${file} 已存在：要用新备份覆盖它，请加 --force；或换一个文件名。`, `${file} already exists: add --force to replace it with a new backup, or choose another name.`),
            );
          }
        }
        const r = await onlineBackup(db, target);
        if (!file) r.pruned = pruneBackups(dbFile, keep);
        out(ctx, opts.json ? backupAsJson(r) : backupAsText(r, ctx.lang));
      },
      { mustExist: true },
    );
  };
}
