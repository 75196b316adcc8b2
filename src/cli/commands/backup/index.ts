// `fieldvisit backup` and `fieldvisit restore`: consistent copies of the database and putting one back (definitions; actions in ./backup.ts, ./restore.ts).
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';

export function registerBackup(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const backup = program
    .command('backup')
    .argument('[file]', h(L, '备份文件（默认：数据库旁的 backups/<名称>-日期-时间.db）', 'backup file (default: backups/<name>-YYYYMMDD-HHMMSS.db beside the database)'))
    .option('--keep <n>', h(L, '默认位置只保留最近 N 个备份', 'keep the newest N backups in the default folder'), '10')
    .option('--force', h(L, '备份文件已存在时覆盖它', 'replace FILE when it exists'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(backup, L, '在他人可能正在写入时，为数据库做一份一致的备份（SQLite 在线备份），并检查其完整性。', 'Make a consistent copy of the database while others may be writing (SQLite online backup), checked for integrity.', [
    'fieldvisit backup',
    'fieldvisit backup /media/usb/fieldvisit-1122.db',
    'fieldvisit backup --keep 30',
    'fieldvisit backup /media/usb/fieldvisit.db --force',
  ]);
  lazyAction(backup, ctx, () => import('./backup.js'));
}

export function registerRestore(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const restore = program
    .command('restore')
    .argument('<file>', h(L, '要恢复的备份文件', 'backup file to restore'))
    .option('--yes', h(L, '不再确认', 'do not ask for confirmation'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    restore,
    L,
    '从备份恢复数据库：先检查备份（完整性、结构版本），当前数据库另存为 <数据库>.replaced-<时间>，再替换。',
    'Restore the database from a backup: the copy is checked first (integrity, schema version); the current database is kept as <db>.replaced-<stamp>.',
    ['fieldvisit restore backups/fieldvisit-20261122-183000.db', 'fieldvisit restore /media/usb/fieldvisit-1122.db --yes'],
  );
  lazyAction(restore, ctx, () => import('./restore.js'));
}
