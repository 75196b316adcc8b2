// `fieldvisit export`: write the records made here since the last export (or a township's roster) into a bundle file.
import path from 'node:path';
import type { Command } from 'commander';
import { exportChanges, exportRoster, type Since } from '../../../db/exchange.js';
import { UsageError } from '../../../domain/errors.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { text } from '../../../domain/text.js';
import { uuidv7 } from '../../../domain/ids.js';
import { nowIso, today, type Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { out, withSession } from '../../runtime.js';
import { exportAsJson, exportAsText } from '../../../format/exchange.js';

interface Opts {
  out: string;
  since?: string;
  all?: boolean;
  officer?: string;
  to?: string;
  roster?: boolean;
  township?: string;
  withIds?: boolean;
  json?: boolean;
}

function parseSince(opts: Opts): Since {
  if (opts.all && opts.since) throw new UsageError(text('--all 与 --since 只能选一个。', 'Use --all or --since, not both.'));
  if (opts.all) return { kind: 'all' };
  if (opts.since === undefined || opts.since === 'last') return { kind: 'last' };
  if (isValidIsoDate(opts.since)) return { kind: 'date', date: opts.since };
  throw new UsageError(text(`--since 需要 last 或 YYYY-MM-DD 日期，而不是“${opts.since}”。`, `--since needs last or a YYYY-MM-DD date, not "${opts.since}".`));
}

export function registerExport(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const cmd = program
    .command('export')
    .requiredOption('--out <file>', h(L, '写入的交换文件（如 U 盘上的 张明-1122.fvb）', 'bundle file to write (e.g. on a USB stick)'))
    .option('--since <last|date>', h(L, 'last：自上次导出到同一目的地以来（默认）；或某日期以来记录的', 'last: since the last export to the same destination (default); or records made since a date'))
    .option('--all', h(L, '导出全部记录', 'export every record'))
    .option('--officer <name>', h(L, '只导出该催收员的走访', 'only this officer’s visits'))
    .option('--to <name>', h(L, '目的地名称，用于记住发过什么（默认：输出文件路径）', 'destination name that remembers what was sent (default: the output path)'))
    .option('--roster', h(L, '导出一个乡镇的花名册给外勤电脑（需 --township）', 'export a township’s roster for a field laptop (needs --township)'))
    .option('--township <name>', h(L, '花名册的乡镇', 'township of the roster'))
    .option('--with-ids', h(L, '花名册包含完整身份证号（默认遮盖）', 'include full ID numbers in the roster (masked by default)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    cmd,
    L,
    '把本机的新记录（或一个乡镇的花名册）写成一个交换文件，用 U 盘或聊天软件带到另一台电脑，再用 fieldvisit merge 合并。',
    'Write this laptop’s new records (or a township’s roster) into one bundle file to carry by USB stick or chat app; load it elsewhere with fieldvisit merge.',
    [
      'fieldvisit export --out /media/usb/zhangming.fvb --to supervisor',
      'fieldvisit export --all --officer 张明 --out zhangming-all.fvb',
      'fieldvisit export --roster --township 涡水镇 --out 涡水镇-roster.fvb',
    ],
  );
  cmd.action(async (opts: Opts, command: Command) => {
    const target = path.resolve(ctx.cwd, opts.out);
    if (opts.roster) {
      if (!opts.township) throw new UsageError(text('--roster 需要 --township 指明乡镇。', '--roster needs --township.'));
      if (opts.since || opts.all || opts.officer || opts.to) {
        throw new UsageError(text('--roster 不能与 --since、--all、--officer、--to 同用。', '--roster does not combine with --since, --all, --officer or --to.'));
      }
    } else if (opts.township || opts.withIds) {
      throw new UsageError(text('--township 和 --with-ids 只用于 --roster。', '--township and --with-ids go with --roster.'));
    }
    const since = opts.roster ? null : parseSince(opts);
    await withSession(
      ctx,
      command,
      ({ db }) => {
        const r = opts.roster
          ? exportRoster(db, target, { township: opts.township!, withIds: !!opts.withIds, today: today(ctx), nowIso: nowIso(ctx), bundleId: uuidv7() })
          : exportChanges(db, target, { destination: opts.to ?? target, since: since!, officer: opts.officer ?? null, nowIso: nowIso(ctx), bundleId: uuidv7() });
        out(ctx, opts.json ? exportAsJson(r) : exportAsText(r, ctx.lang));
      },
      { mustExist: true },
    );
  });
}
