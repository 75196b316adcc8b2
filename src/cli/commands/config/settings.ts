// The settings `fieldvisit config` knows, each with a check of its value (shared by the definitions and the actions).
import { UsageError } from '../../../domain/errors.js';
import { isLang, text } from '../../../domain/text.js';
import { isValidSeries } from '../../../domain/notice.js';

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
};

export function checkKey(key: string): void {
  if (!SETTINGS[key]) {
    throw new UsageError(
      text(`没有名为“${key}”的设置。可用：${Object.keys(SETTINGS).join('、')}。`, `No setting named "${key}". Known: ${Object.keys(SETTINGS).join(', ')}.`),
    );
  }
}
