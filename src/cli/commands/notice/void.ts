// `fieldvisit notice void NO --reason TEXT` (action): mark a notice void — it stays in the register with who, when and why.
import type { Command } from 'commander';
import { getSetting } from '../../../db/settings.js';
import { voidNotice } from '../../../db/notices.js';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { noticeJson } from '../../../format/notices.js';
import { asJson } from '../../../format/table.js';
import { nowIso, type Context } from '../../context.js';
import { out, t, warn, withSession } from '../../runtime.js';

export function action(ctx: Context) {
  return async (noticeNo: string, o: { reason?: string; officer?: string; json?: boolean }, command: Command) => {
    const no = noticeNo.trim();
    if (!no) throw new UsageError(text('请给出要作废的通知书编号（见 notice list）。', 'Give the number of the notice to void (see notice list).'));
    if (!o.reason?.trim()) throw new UsageError(text('请用 --reason 写明作废原因。', 'Say why with --reason.'));
    await withSession(ctx, command, ({ db }) => {
      const by = o.officer?.trim() || getSetting(db, 'officer');
      // Who withdrew a notice is part of the record, as who voids a visit is.
      if (!by) throw new UsageError(text('请用 --officer 写明是谁作废（或先 fieldvisit config set officer 姓名）。', 'Say who is voiding it with --officer (or set a default: fieldvisit config set officer NAME).'));
      const r = voidNotice(db, no, o.reason!.trim(), by, nowIso(ctx));
      const n = r.notice;
      if (!r.alreadyVoid && n.signedOn) {
        warn(
          ctx,
          t(
            ctx,
            text(
              `通知书 ${n.noticeNo} 已于 ${n.signedOn} 签回（走访 #${n.signedVisitId}）：该走访仍有效；如签回记录有误，请另行作废该走访（visit void ${n.signedVisitId}）。`,
              `Notice ${n.noticeNo} was signed back on ${n.signedOn} (visit #${n.signedVisitId}): that visit still stands; if the signature was recorded in error, void the visit too (visit void ${n.signedVisitId}).`,
            ),
          ),
        );
      }
      if (o.json) out(ctx, asJson({ ...noticeJson(n), already_void: r.alreadyVoid }));
      else if (r.alreadyVoid) out(ctx, t(ctx, text(`通知书 ${n.noticeNo} 早已作废（${n.voidReason}），未作改动。\n`, `Notice ${n.noticeNo} was already void (${n.voidReason}); nothing changed.\n`)));
      else
        out(
          ctx,
          t(
            ctx,
            text(
              `已作废通知书 ${n.noticeNo}（${n.borrower}，${n.loanNo}）：台账中保留并标为作废。需要时请发出新的通知书。\n`,
              `Voided notice ${n.noticeNo} (${n.borrower}, ${n.loanNo}): it stays in the register, marked void. Issue a new notice if one is needed.\n`,
            ),
          ),
        );
    });
  };
}
