// `fieldvisit info` (action): which database file is in use, its id, schema version and row counts.
import type { Command } from 'commander';
import { readInfo } from '../../../db/info.js';
import { latestVersion, MIGRATIONS } from '../../../db/open.js';
import { tableWidth, type Context } from '../../context.js';
import { globals, out, withSession } from '../../runtime.js';
import { infoAsJson, infoAsText } from '../../../format/info.js';

export function action(ctx: Context) {
  return async (opts: { json?: boolean }, command: Command) => {
    await withSession(ctx, command, ({ db, file }) => {
      const info = { file, ...readInfo(db), supportedVersion: latestVersion(MIGRATIONS) };
      out(ctx, opts.json ? infoAsJson(info) : infoAsText(info, ctx.lang, { ascii: !!globals(command).ascii, width: tableWidth(ctx) }));
    }, { mustExist: true });
  };
}
