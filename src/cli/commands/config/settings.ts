// The settings `fieldvisit config` knows, each with a check of its value (shared by the definitions and the actions).
import { UsageError } from '../../../domain/errors.js';
import { isLang, text } from '../../../domain/text.js';
import { isValidSeries } from '../../../domain/notice.js';

/** One line of letterhead text: not empty, no line breaks, short enough for a heading. */
function letterheadText(v: string): boolean {
  return v.trim().length > 0 && v.length <= 100 && !/[\r\n]/.test(v);
}

/** The settings the tool reads, each with a check of its value. */
export const SETTINGS: Record<string, { zh: string; en: string; check: (v: string) => boolean }> = {
  officer: { zh: '默认催收员姓名', en: 'default officer name', check: (v) => v.trim().length > 0 },
  lang: { zh: '界面语言：zh 或 en', en: 'language: zh or en', check: (v) => isLang(v) },
  'limitation-years': { zh: '诉讼时效年数（默认 3）', en: 'limitation period in years (default 3)', check: (v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 },
  'visit-quota': { zh: '每月外访指标（默认 25）', en: 'field visits quota per month (default 25)', check: (v) => /^\d{1,4}$/.test(v) },
  'notice-series': {
    zh: '通知书编号格式，如 {township}-{year}-{seq:4}',
    en: 'notice number pattern, e.g. {township}-{year}-{seq:4}',
    check: (v) => isValidSeries(v),
  },
  // The letterhead: printed on the weekly report and on notices (src/domain/letterhead.ts).
  institution: { zh: '机构名称，印在抬头，如 某某县农村信用合作联社', en: 'institution name for the letterhead, e.g. 某某县农村信用合作联社', check: letterheadText },
  branch: { zh: '网点或信用社名称，印在机构名称之后，如 涡水信用社', en: 'branch name, printed after the institution, e.g. 涡水信用社', check: letterheadText },
  phone: { zh: '联系电话，印在通知书上', en: 'contact phone printed on notices', check: letterheadText },
  address: { zh: '联系地址，印在通知书上', en: 'contact address printed on notices', check: letterheadText },
  preparer: { zh: '制表人，印在周报末尾；未设置时留空待手签', en: 'preparer named at the foot of the weekly report (a blank line to sign when unset)', check: letterheadText },
  reviewer: { zh: '审核人，印在周报末尾；未设置时留空待手签', en: 'reviewer named at the foot of the weekly report (a blank line to sign when unset)', check: letterheadText },
};

export function checkKey(key: string): void {
  if (!SETTINGS[key]) {
    throw new UsageError(
      text(`没有名为“${key}”的设置。可用：${Object.keys(SETTINGS).join('、')}。`, `No setting named "${key}". Known: ${Object.keys(SETTINGS).join(', ')}.`),
    );
  }
}
