// `fieldvisit loan legal` (action): record one stage of a case (referred, filed, judgment, enforcement, closed), in order.
import type { Command } from 'commander';
import { LegalOrderError, recordLegalEvent } from '../../../db/limitation.js';
import { UsageError } from '../../../domain/errors.js';
import type { LegalResult, LegalStage } from '../../../domain/limitationStatus.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { text } from '../../../domain/text.js';
import { nowIso, today, type Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { requireLoan } from '../../lookups.js';
import { asJson } from '../../../format/table.js';
import { dateFlag, recorder } from './recordedBy.js';

type LegalOpts = { stage?: LegalStage; date?: string; performBy?: string; court?: string; caseNo?: string; lawyer?: string; result?: LegalResult; note?: string; officer?: string; json?: boolean };

export function action(ctx: Context) {
  return async (loanNo: string, opts: LegalOpts, command: Command) => {
    if (!opts.stage) throw new UsageError(text('请用 --stage 写明阶段（referred|filed|judgment|enforcement|closed）。', 'Say which stage with --stage (referred|filed|judgment|enforcement|closed).'));
    const day = today(ctx);
    const date = dateFlag('--date', opts.date, day);
    if (opts.performBy !== undefined && !isValidIsoDate(opts.performBy)) throw new UsageError(text(`--perform-by 需要 YYYY-MM-DD 格式的日期，而不是“${opts.performBy}”。`, `--perform-by needs a YYYY-MM-DD date, not "${opts.performBy}".`));
    if (opts.result && opts.stage !== 'closed') throw new UsageError(text('--result 只用于 --stage closed。', '--result goes with --stage closed only.'));
    await withSession(ctx, command, ({ db }) => {
      const l = requireLoan(db, loanNo);
      let r: { created: boolean; id: number };
      try {
        r = recordLegalEvent(db, {
          loanId: l.loanId,
          stage: opts.stage!,
          date,
          performBy: opts.performBy ?? null,
          court: opts.court?.trim() || null,
          caseNo: opts.caseNo?.trim() || null,
          lawyer: opts.lawyer?.trim() || null,
          result: opts.result ?? null,
          note: opts.note?.trim() || null,
          recordedBy: recorder(db, opts.officer, false),
          recordedAt: nowIso(ctx),
        });
      } catch (e) {
        // A stage out of order is a mistake in the flags: exit 2 naming the flag.
        if (e instanceof LegalOrderError) throw new UsageError(text(`${e.flag}：${e.text.zh}`, `${e.flag}: ${e.text.en}`));
        throw e;
      }
      if (opts.json) {
        out(ctx, asJson({ id: r.id, loan_no: loanNo.trim(), stage: opts.stage, date, perform_by: opts.performBy ?? null, court: opts.court ?? null, case_no: opts.caseNo ?? null, lawyer: opts.lawyer ?? null, result: opts.result ?? null, created: r.created }));
        return;
      }
      out(
        ctx,
        t(
          ctx,
          r.created
            ? text(`已登记 ${loanNo} ${date} ${opts.stage}（编号 ${r.id}）。用 fieldvisit loan clock ${loanNo} 查看时效。\n`, `Recorded ${opts.stage} on ${date} for ${loanNo} (id ${r.id}). See fieldvisit loan clock ${loanNo}.\n`)
            : text(`${loanNo} ${date} 的 ${opts.stage} 已经登记过（编号 ${r.id}），未重复记录。\n`, `${opts.stage} on ${date} for ${loanNo} was already recorded (id ${r.id}); nothing changed.\n`),
        ),
      );
    });
  };
}
