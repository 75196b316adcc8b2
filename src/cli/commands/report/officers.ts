// `fieldvisit report officers --month`: each officer's field visits against the quota, cash, intents, promises kept.
import type { Command } from 'commander';
import { officerActivity } from '../../../db/officers.js';
import { listPromises } from '../../../db/promises.js';
import { getSetting } from '../../../db/settings.js';
import { UsageError } from '../../../domain/errors.js';
import { parseMonth } from '../../../domain/dates.js';
import { text } from '../../../domain/text.js';
import { buildOfficerReport } from '../../../report/officers.js';
import { officersAsCsv, officersAsJson, officersAsMarkdown, officersAsText } from '../../../format/officers.js';
import { today, type Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { globals, out, withSession } from '../../runtime.js';
import { addFormatOptions, outputFormat, placeFilter } from '../../outputFormat.js';

export const DEFAULT_VISIT_QUOTA = 25;

export function registerReportOfficers(reportCmd: Command, ctx: Context): void {
  const L = ctx.lang;
  const cmd = reportCmd
    .command('officers')
    .option('--month <yyyy-mm>', h(L, '月份，如 2026-11（默认本月）', 'month, e.g. 2026-11 (default: this month)'))
    .option('--township <name>', h(L, '只看一个乡镇', 'one township only'));
  addFormatOptions(cmd, L);
  describe(
    cmd,
    L,
    '催收员月报：外访次数对照指标（默认每月 25 次，fieldvisit config set visit-quota 修改）、走访户数、签回通知书、收回现金（本金、利息）、还款意向、承诺兑现与爽约（兑现率）。作废的走访不计入。',
    'Officers report for a month: field visits against the quota (25 a month unless set with fieldvisit config set visit-quota), households visited, notices signed, cash collected (principal, interest), intents, promises kept and broken (kept rate). Void visits do not count.',
    ['fieldvisit report officers --month 2026-11', 'fieldvisit report officers --month 2026-11 --format md'],
  );
  cmd.action(async (opts: { month?: string; township?: string; format?: string; json?: boolean; csv?: boolean }, command: Command) => {
    const fmt = outputFormat(opts);
    const now = today(ctx);
    const m = parseMonth(opts.month ?? now.slice(0, 7));
    if (!m) throw new UsageError(text(`--month 需要 YYYY-MM 格式，如 2026-11，而不是“${opts.month}”。`, `--month needs YYYY-MM, e.g. 2026-11, not "${opts.month}".`));
    await withSession(ctx, command, ({ db }) => {
      const place = placeFilter(db, opts.township, undefined);
      const q = getSetting(db, 'visit-quota');
      const quota = q && /^\d+$/.test(q) ? Number(q) : DEFAULT_VISIT_QUOTA;
      const activity = officerActivity(db, m.start, m.end, place);
      const promises = listPromises(db, now, { townshipId: place.townshipId, dueFrom: m.start, dueTo: m.end });
      const r = buildOfficerReport(activity, promises, { month: m.month, from: m.start, to: m.end, today: now, quota, township: opts.township ?? null });
      out(ctx, fmt === 'json' ? officersAsJson(r) : fmt === 'csv' ? officersAsCsv(r) : fmt === 'md' ? officersAsMarkdown(r, ctx.lang) : officersAsText(r, ctx.lang, { ascii: !!globals(command).ascii }));
    });
  });
}
