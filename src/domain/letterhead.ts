// The letterhead printed on reports and notices: who the lender is, how to reach it, who prepared and who reviewed.
import type { IsoDate } from './dates.js';
import type { Lang } from './text.js';

export interface Letterhead {
  institution: string | null;
  branch: string | null;
  phone: string | null;
  address: string | null;
  preparer: string | null;
  reviewer: string | null;
}

/** The settings keys behind each field, as `config set KEY VALUE` names them. */
export const LETTERHEAD_KEYS = ['institution', 'branch', 'phone', 'address', 'preparer', 'reviewer'] as const satisfies readonly (keyof Letterhead)[];

export const EMPTY_LETTERHEAD: Letterhead = { institution: null, branch: null, phone: null, address: null, preparer: null, reviewer: null };

/** The lender's name as a document names it: institution and branch ("某某县农村信用合作联社涡水信用社"), or null when neither is set. */
export function lenderName(l: Letterhead, lang: Lang): string | null {
  const parts = [l.institution, l.branch].filter((x): x is string => !!x && x.trim() !== '');
  if (parts.length === 0) return null;
  return parts.join(lang === 'zh' ? '' : ' ');
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as a document writes it: 2026年11月30日 / 30 November 2026. */
export function writtenDate(d: IsoDate, lang: Lang): string {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return lang === 'zh' ? `${y}年${m}月${dd}日` : `${dd} ${EN_MONTHS[m - 1]} ${y}`;
}
