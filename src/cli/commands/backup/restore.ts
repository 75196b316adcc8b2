// `fieldvisit restore FILE`: check a backup (integrity, schema), keep the current database aside, and put the backup in place.
import path from 'node:path';
import type { Command } from 'commander';
import { checkRestorable, restoreDatabase } from '../../../db/backup.js';
import { latestVersion, MIGRATIONS } from '../../../db/open.js';
import { CancelledError, UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { nowIso, resolveDbPath, type Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { globals, out, t } from '../../runtime.js';
import { restoreAsJson, restoreAsText } from '../../../format/exchange.js';

export function registerRestore(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const cmd = program
    .command('restore')
    .argument('<file>', h(L, '要恢复的备份文件', 'backup file to restore'))
    .option('--yes', h(L, '不再确认', 'do not ask for confirmation'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    cmd,
    L,
    '从备份恢复数据库：先检查备份（完整性、结构版本），当前数据库另存为 <数据库>.replaced-<时间>，再替换。',
    'Restore the database from a backup: the copy is checked first (integrity, schema version); the current database is kept as <db>.replaced-<stamp>.',
    ['fieldvisit restore backups/fieldvisit-20261122-183000.db', 'fieldvisit restore /media/usb/fieldvisit-1122.db --yes'],
  );
  cmd.action(async (file: string, opts: { yes?: boolean; json?: boolean }, command: Command) => {
    const dbFile = resolveDbPath(ctx, globals(command).db);
    const supported = latestVersion(MIGRATIONS);
    const backup = path.resolve(ctx.cwd, file);
    const check = checkRestorable(backup, supported);
    if (!opts.yes) {
      if (!ctx.stdinIsTTY) throw new UsageError(text('恢复会替换当前数据库：确认无误后加 --yes。', 'Restoring replaces the current database: add --yes to confirm.'));
      const ok = await ctx.prompter().confirm({
        message: t(
          ctx,
          text(
            `用 ${backup}（贷款 ${check.loans} 笔，走访 ${check.visits} 次）替换 ${dbFile}？原数据库会另存。`,
            `Replace ${dbFile} with ${backup} (${check.loans} loans, ${check.visits} visits)? The current file is kept aside.`,
          ),
        ),
        default: false,
      });
      if (!ok) throw new CancelledError();
    }
    const stamp = nowIso(ctx).replace(/[:.]/g, '-');
    const r = restoreDatabase(dbFile, backup, stamp, supported);
    out(ctx, opts.json ? restoreAsJson(r) : restoreAsText(r, ctx.lang));
  });
}
