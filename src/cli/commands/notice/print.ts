// `fieldvisit notice print NO` (action): reprint a registered notice with its number and stored figures, marked 补打 / reprint.
import type { Command } from 'commander';
import { noticeByNo } from '../../../db/notices.js';
import { readLetterhead } from '../../../db/settings.js';
import { DataError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { today, type Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { prepareOutFile } from '../../outFile.js';
import { renderNotice, warnNoLender } from './render.js';

export function action(ctx: Context) {
  return async (noticeNo: string, o: { out?: string }, command: Command) => {
    const no = noticeNo.trim();
    await withSession(
      ctx,
      command,
      ({ db }) => {
        const row = noticeByNo(db, no);
        if (!row) {
          throw new DataError(text(`台账中没有编号为“${no}”的通知书：用 fieldvisit notice list 查看编号。`, `No notice numbered "${no}" in the register: see the numbers with fieldvisit notice list.`));
        }
        if (row.voidedAt) {
          throw new DataError(
            text(
              `通知书 ${no} 已作废（${row.voidReason}），不再补打：需要时请发出新的通知书（notice issue）。`,
              `Notice ${no} is void (${row.voidReason}) and is not reprinted: issue a new notice if one is needed (notice issue).`,
            ),
          );
        }
        if (row.external || !row.type || !row.issuedOn) {
          throw new DataError(
            text(
              `通知书 ${no} 是外部编号（签回时登记，并非本台账发出），没有可补打的内容。`,
              `Notice ${no} is an external number (recorded when signed back, never issued by this register): there is nothing to reprint.`,
            ),
          );
        }
        const letterhead = readLetterhead(db);
        warnNoLender(ctx, letterhead);
        const opts = { letterhead, reprintedOn: today(ctx) };
        if (o.out) {
          const file = prepareOutFile(ctx, o.out);
          try {
            file.commit(renderNotice(row, ctx.lang, file.path, opts));
          } finally {
            file.discard();
          }
          out(ctx, t(ctx, text(`已补打通知书 ${row.noticeNo}（${row.borrower}，${row.loanNo}），已写入 ${o.out}\n`, `Reprinted notice ${row.noticeNo} (${row.borrower}, ${row.loanNo}); written to ${o.out}\n`)));
        } else out(ctx, renderNotice(row, ctx.lang, null, opts));
      },
      { mustExist: true },
    );
  };
}
