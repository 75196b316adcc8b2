// `fieldvisit export` (action): write the records made here since the last export (or a township's roster) into a bundle file.
import path from 'node:path';
import type { Command } from 'commander';
import { exportChanges, exportRoster, type Since } from '../../../db/exchange.js';
import { UsageError } from '../../../domain/errors.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { text } from '../../../domain/text.js';
import { uuidv7 } from '../../../domain/ids.js';
import { nowIso, today, type Context } from '../../context.js';
import { out, withSession } from '../../runtime.js';
import { exportAsJson, exportAsText } from '../../../format/exchange.js';
import { guardOutput } from '../../pathGuard.js';

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
  // Record times are stored in UTC; the date typed is local: compare with the UTC instant of its local midnight.
  if (isValidIsoDate(opts.since)) return { kind: 'date', date: opts.since, from: new Date(`${opts.since}T00:00:00`).toISOString() };
  throw new UsageError(text(`--since 需要 last 或 YYYY-MM-DD 日期，而不是“${opts.since}”。`, `--since needs last or a YYYY-MM-DD date, not "${opts.since}".`));
}

export function action(ctx: Context) {
  return async (opts: Opts, command: Command) => {
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
        guardOutput(ctx, opts.out, '--out');
        const r = opts.roster
          ? exportRoster(db, target, { township: opts.township!, withIds: !!opts.withIds, today: today(ctx), nowIso: nowIso(ctx), bundleId: uuidv7() })
          : exportChanges(db, target, { destination: opts.to ?? target, since: since!, officer: opts.officer ?? null, nowIso: nowIso(ctx), bundleId: uuidv7() });
        out(ctx, opts.json ? exportAsJson(r) : exportAsText(r, ctx.lang));
      },
      { mustExist: true },
    );
  };
}
