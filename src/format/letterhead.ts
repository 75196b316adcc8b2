// The letterhead as printed lines: the institution heading and the 制表人 / 审核人 / 日期 line to sign.
import type { IsoDate } from '../domain/dates.js';
import { lenderName, writtenDate, type Letterhead } from '../domain/letterhead.js';
import type { Lang } from '../domain/text.js';

export interface LetterheadLines {
  /** Institution and branch, or null when neither is set. */
  heading: string | null;
  /** 制表人：X　审核人：Y　日期：2026年11月30日; a blank to sign by hand where a name is not set. */
  sign: string;
}

/** What a person fills in by hand on paper. */
export const SIGN_BLANK = '__________';

export function letterheadLines(l: Letterhead, date: IsoDate | null, lang: Lang): LetterheadLines {
  const v = (x: string | null) => x ?? SIGN_BLANK;
  const d = date ? writtenDate(date, lang) : SIGN_BLANK;
  const sign =
    lang === 'zh'
      ? `制表人：${v(l.preparer)}　审核人：${v(l.reviewer)}　日期：${d}`
      : `Preparer: ${v(l.preparer)}    Reviewer: ${v(l.reviewer)}    Date: ${d}`;
  return { heading: lenderName(l, lang), sign };
}
