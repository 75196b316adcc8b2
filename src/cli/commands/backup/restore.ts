// `fieldvisit restore FILE` (action): check a backup (integrity, schema), keep the current database aside, and put the backup in place.
import path from 'node:path';
import type { Command } from 'commander';
import { checkRestorable, restoreDatabase } from '../../../db/backup.js';
import { latestVersion, MIGRATIONS } from '../../../db/open.js';
import { CancelledError, UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { nowIso, resolveDbPath, type Context } from '../../context.js';
import { globals, out, t } from '../../runtime.js';
import { restoreAsJson, restoreAsText } from '../../../format/exchange.js';
import { realTarget } from '../../pathGuard.js';

export function action(ctx: Context) {
  return async (file: string, opts: { yes?: boolean; json?: boolean }, command: Command) => {
    const dbFile = await resolveDbPath(ctx, globals(command).db);
    const supported = latestVersion(MIGRATIONS);
    const backup = path.resolve(ctx.cwd, file);
    if (realTarget(backup) === realTarget(dbFile)) {
      throw new UsageError(text(`${file} 就是当前数据库本身（经由链接），不能用它恢复。`, `${file} is the database itself (through a link); it cannot be restored over itself.`));
    }
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
    // Fault injection for the crash tests: FIELDVISIT_FAULT=restore:after-step-N kills the process after step N.
    const fault = /^restore:after-step-(\d+)$/.exec(ctx.env.FIELDVISIT_FAULT ?? '');
    const r = restoreDatabase(dbFile, backup, stamp, supported, fault ? Number(fault[1]) : undefined);
    out(ctx, opts.json ? restoreAsJson(r) : restoreAsText(r, ctx.lang));
  };
}
