// What issue and print share: the renderer chosen by the output file's extension, and the hint when no lender is set.
import type { NoticeRow } from '../../../db/notices.js';
import type { Letterhead } from '../../../domain/letterhead.js';
import { text, type Lang } from '../../../domain/text.js';
import { noticeAsHtml, noticeAsText, type NoticeRenderOptions } from '../../../format/notices.js';
import type { Context } from '../../context.js';
import { t, warn } from '../../runtime.js';

/** HTML for a .html/.htm file, text otherwise (and on the terminal). */
export function renderNotice(row: NoticeRow, lang: Lang, file: string | null, o: NoticeRenderOptions): string {
  return file && /\.html?$/i.test(file) ? noticeAsHtml(row, lang, o) : noticeAsText(row, lang, o);
}

/** A notice should name the lender: say how once per run when the letterhead has no institution or branch. */
export function warnNoLender(ctx: Context, l: Letterhead): void {
  if (l.institution || l.branch) return;
  warn(
    ctx,
    t(
      ctx,
      text(
        '通知书上没有贷款人名称（只写“贷款人”）：请用 fieldvisit config set institution "某某县农村信用合作联社" 和 config set branch 设置，联系方式用 config set phone / address。',
        'The notice does not name the lender (it says "the lender" only): set it with fieldvisit config set institution "…" and config set branch; contact details with config set phone / address.',
      ),
    ),
  );
}
