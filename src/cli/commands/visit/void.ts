// `fieldvisit visit void ID --reason TEXT`: mark a visit void (kept, with who, when and why); the fix is a new visit.
import type { Command } from 'commander';
import { getSetting } from '../../../db/settings.js';
import { voidVisit } from '../../../db/visits.js';
import { visitById } from '../../../db/visitList.js';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { visitJson } from '../../../format/visits.js';
import { asJson } from '../../../format/table.js';
import { nowIso, type Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { out, t, withSession } from '../../runtime.js';

export function registerVisitVoid(parent: Command, ctx: Context): void {
  const L = ctx.lang;
  const cmd = parent
    .command('void')
    .argument('<id>', h(L, '走访编号（见 visit list）', 'visit id (see visit list)'))
    .option('--reason <text>', h(L, '作废原因（必填）', 'why it is void (required)'))
    .option('--officer <name>', h(L, '作废人（默认 config set officer 的值）', 'who voids it (default: config set officer)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    cmd,
    L,
    '作废一条走访记录：记录保留（谁、何时、为何作废），但不再计入任何数字；改正的办法是再记一条新的走访。',
    'Void a visit: it stays on record (who, when, why) but counts in no figure; to correct it, log a new visit.',
    ['fieldvisit visit void 12 --reason "wrong household"', 'fieldvisit visit void 12 --reason 金额录错 --officer 张明'],
  );
  cmd.action(async (idArg: string, opts: { reason?: string; officer?: string; json?: boolean }, command: Command) => {
    if (!/^#?\d{1,12}$/.test(idArg.trim())) throw new UsageError(text(`“${idArg}”不是走访编号：用 fieldvisit visit list 查看。`, `"${idArg}" is not a visit id: see fieldvisit visit list.`));
    if (!opts.reason?.trim()) throw new UsageError(text('请用 --reason 写明作废原因。', 'Say why with --reason.'));
    await withSession(ctx, command, ({ db }) => {
      const by = opts.officer?.trim() || getSetting(db, 'officer');
      const r = voidVisit(db, Number(idArg.trim().replace('#', '')), opts.reason!.trim(), by, nowIso(ctx));
      const v = visitById(db, r.visitId)!;
      if (opts.json) out(ctx, asJson({ ...visitJson(v), already_void: r.alreadyVoid }));
      else if (r.alreadyVoid) out(ctx, t(ctx, text(`走访 #${r.visitId} 早已作废（${v.void!.reason}），未作改动。\n`, `Visit #${r.visitId} was already void (${v.void!.reason}); nothing changed.\n`)));
      else out(ctx, t(ctx, text(`已作废走访 #${r.visitId}（${v.visitDate} ${v.borrower}）。如需改正，请再记一条新的走访。\n`, `Voided visit #${r.visitId} (${v.visitDate} ${v.borrower}). To correct it, log a new visit.\n`)));
    });
  });
}
