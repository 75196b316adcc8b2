// `fieldvisit loan mark` (action): record a lawsuit or a demand by public notice; both interrupt the limitation period.
import type { Command } from 'commander';
import { recordLoanEvent } from '../../../db/limitation.js';
import { DataError, UsageError } from '../../../domain/errors.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { text } from '../../../domain/text.js';
import { nowIso, today, type Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { requireLoan } from '../../lookups.js';
import { asJson } from '../../../format/table.js';

export function action(ctx: Context) {
  return async (loanNo: string, opts: { lawsuit?: string; publicNotice?: string; note?: string; json?: boolean }, command: Command) => {
    const chosen = [opts.lawsuit !== undefined ? 'lawsuit' : null, opts.publicNotice !== undefined ? 'public-notice' : null].filter((x): x is 'lawsuit' | 'public-notice' => x !== null);
    if (chosen.length !== 1) throw new UsageError(text('请给出 --lawsuit 日期或 --public-notice 日期（一次一个）。', 'Give --lawsuit DATE or --public-notice DATE (one at a time).'));
    const kind = chosen[0]!;
    const date = (kind === 'lawsuit' ? opts.lawsuit : opts.publicNotice)!;
    if (!isValidIsoDate(date)) throw new UsageError(text(`--${kind} 需要 YYYY-MM-DD 格式的日期，而不是“${date}”。`, `--${kind} needs a YYYY-MM-DD date, not "${date}".`));
    await withSession(ctx, command, ({ db }) => {
      if (date > today(ctx)) throw new DataError(text(`${date} 在今天之后：只能登记已经发生的事。`, `${date} is after today: record only what has happened.`));
      const l = requireLoan(db, loanNo);
      const r = recordLoanEvent(db, { loanId: l.loanId, kind, date, note: opts.note?.trim() || null, recordedAt: nowIso(ctx) });
      if (opts.json) out(ctx, asJson({ loan_no: loanNo.trim(), kind, date, note: opts.note ?? null, created: r.created }));
      else {
        const what = kind === 'lawsuit' ? text('起诉', 'lawsuit') : text('公告催收', 'public-notice demand');
        out(
          ctx,
          t(
            ctx,
            r.created
              ? text(`已登记 ${loanNo} ${date} ${what.zh}。用 fieldvisit loan clock ${loanNo} 查看时效。\n`, `Recorded ${what.en} on ${date} for ${loanNo}. See fieldvisit loan clock ${loanNo}.\n`)
              : text(`${loanNo} ${date} 的${what.zh}已经登记过，未重复记录。\n`, `The ${what.en} on ${date} for ${loanNo} was already recorded; nothing changed.\n`),
          ),
        );
      }
    });
  };
}
