// `fieldvisit visit log|void|list`: record visits, correct them by voiding, and read them back.
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe } from '../../help.js';
import { registerVisitLog } from './log.js';
import { registerVisitVoid } from './void.js';
import { registerVisitList } from './list.js';

export function registerVisit(program: Command, ctx: Context): void {
  const cmd = program.command('visit');
  describe(cmd, ctx.lang, '记录、作废和查看走访。', 'Log, void and list visits.', ['fieldvisit visit log', 'fieldvisit visit list --from 2026-11-16 --to 2026-11-22']);
  registerVisitLog(cmd, ctx);
  registerVisitVoid(cmd, ctx);
  registerVisitList(cmd, ctx);
}
