// `fieldvisit info`: which database file is in use, its id, schema version and row counts (definition; the action is ./info.ts).
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';

export function registerInfo(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const cmd = program.command('info').option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(cmd, L, '显示正在使用的数据库文件、数据库编号、结构版本和各表行数。', 'Show the database file in use, its id, schema version and row counts.', [
    'fieldvisit info',
    'fieldvisit --db team.db info --json',
  ]);
  lazyAction(cmd, ctx, () => import('./info.js'));
}
