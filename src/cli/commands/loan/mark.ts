// `fieldvisit loan mark` (action): record a public-notice demand (with its medium) or an acceleration; --lawsuit records the filed stage.
import type { Command } from 'commander';
import { recordLegalEvent, recordLoanMark } from '../../../db/limitation.js';
import { UsageError } from '../../../domain/errors.js';
import type { PublicMedium } from '../../../domain/limitationStatus.js';
import { text } from '../../../domain/text.js';
import { nowIso, today, type Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { requireLoan } from '../../lookups.js';
import { asJson } from '../../../format/table.js';
import { dateFlag, recorder } from './recordedBy.js';

type MarkOpts = { lawsuit?: string; publicNotice?: string; medium?: PublicMedium; accelerated?: string; note?: string; officer?: string; json?: boolean };

export function action(ctx: Context) {
  return async (loanNo: string, opts: MarkOpts, command: Command) => {
    const chosen = (['lawsuit', 'publicNotice', 'accelerated'] as const).filter((k) => opts[k] !== undefined);
    if (chosen.length !== 1) {
      throw new UsageError(text('请给出 --public-notice、--accelerated 或 --lawsuit 中的一个（一次一个）。', 'Give one of --public-notice, --accelerated or --lawsuit (one at a time).'));
    }
    const key = chosen[0]!;
    if (key === 'publicNotice' && !opts.medium) {
      throw new UsageError(text('--public-notice 需要 --medium national|provincial|other：只有国家级或借款人住所地省级媒体的公告才中断时效。', '--public-notice needs --medium national|provincial|other: only national, or provincial media of the domicile, interrupt.'));
    }
    if (opts.medium && key !== 'publicNotice') throw new UsageError(text('--medium 只用于 --public-notice。', '--medium goes with --public-notice only.'));
    const flag = key === 'publicNotice' ? '--public-notice' : `--${key}`;
    const day = today(ctx);
    const date = dateFlag(flag, opts[key], day);
    await withSession(ctx, command, ({ db }) => {
      const l = requireLoan(db, loanNo);
      const by = recorder(db, opts.officer, false);
      const note = opts.note?.trim() || null;
      const r =
        key === 'lawsuit'
          ? recordLegalEvent(db, { loanId: l.loanId, stage: 'filed', date, performBy: null, court: null, caseNo: null, lawyer: null, result: null, note, recordedBy: by, recordedAt: nowIso(ctx) })
          : recordLoanMark(db, { loanId: l.loanId, kind: key === 'publicNotice' ? 'public-notice' : 'accelerated', date, medium: opts.medium ?? null, note, recordedBy: by, recordedAt: nowIso(ctx) });
      const kind = key === 'lawsuit' ? 'lawsuit' : key === 'publicNotice' ? 'public-notice' : 'accelerated';
      if (opts.json) {
        out(ctx, asJson({ id: r.id, record: key === 'lawsuit' ? 'legal' : 'mark', loan_no: loanNo.trim(), kind, date, medium: opts.medium ?? null, note, created: r.created }));
        return;
      }
      const what = { lawsuit: text('起诉', 'lawsuit'), publicNotice: text('公告催收', 'public-notice demand'), accelerated: text('提前到期', 'acceleration') }[key];
      out(
        ctx,
        t(
          ctx,
          r.created
            ? text(`已登记 ${loanNo} ${date} ${what.zh}（编号 ${r.id}）。用 fieldvisit loan clock ${loanNo} 查看时效。\n`, `Recorded ${what.en} on ${date} for ${loanNo} (id ${r.id}). See fieldvisit loan clock ${loanNo}.\n`)
            : text(`${loanNo} ${date} 的${what.zh}已经登记过（编号 ${r.id}），未重复记录。\n`, `The ${what.en} on ${date} for ${loanNo} was already recorded (id ${r.id}); nothing changed.\n`),
        ),
      );
    });
  };
}
