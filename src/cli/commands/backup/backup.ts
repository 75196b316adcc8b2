// `fieldvisit backup [FILE]`: a consistent copy of the database while others may be writing, keeping the last N.
import path from 'node:path';
import type { Command } from 'commander';
import { defaultBackupPath, onlineBackup, pruneBackups } from '../../../db/backup.js';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { out, withSession } from '../../runtime.js';
import { backupAsJson, backupAsText } from '../../../format/exchange.js';

export function registerBackup(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const cmd = program
    .command('backup')
    .argument('[file]', h(L, '备份文件（默认：数据库旁的 backups/<名称>-日期-时间.db）', 'backup file (default: backups/<name>-YYYYMMDD-HHMMSS.db beside the database)'))
    .option('--keep <n>', h(L, '默认位置只保留最近 N 个备份', 'keep the newest N backups in the default folder'), '10')
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(cmd, L, '在他人可能正在写入时，为数据库做一份一致的备份（SQLite 在线备份），并检查其完整性。', 'Make a consistent copy of the database while others may be writing (SQLite online backup), checked for integrity.', [
    'fieldvisit backup',
    'fieldvisit backup /media/usb/fieldvisit-1122.db',
    'fieldvisit backup --keep 30',
  ]);
  cmd.action(async (file: string | undefined, opts: { keep: string; json?: boolean }, command: Command) => {
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
  });
}
