// `fieldvisit info`: which database file is in use, its id, schema version and row counts.
import type { Command } from 'commander';
import { readInfo } from '../../db/info.js';
import { latestVersion, MIGRATIONS } from '../../db/open.js';
import type { Context } from '../context.js';
import { describe, h } from '../help.js';
import { globals, out, withSession } from '../runtime.js';
import { infoAsJson, infoAsText } from '../../format/info.js';

export function registerInfo(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const cmd = program.command('info').option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(cmd, L, '显示正在使用的数据库文件、数据库编号、结构版本和各表行数。', 'Show the database file in use, its id, schema version and row counts.', [
    'fieldvisit info',
    'fieldvisit --db team.db info --json',
  ]);
  cmd.action(async (opts: { json?: boolean }, command: Command) => {
    await withSession(ctx, command, ({ db, file }) => {
      const info = { file, ...readInfo(db), supportedVersion: latestVersion(MIGRATIONS) };
      out(ctx, opts.json ? infoAsJson(info) : infoAsText(info, ctx.lang, { ascii: !!globals(command).ascii }));
    });
  });
}
