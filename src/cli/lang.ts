// The interface language from the locale: light enough for main.ts to load before any command.
import type { Lang } from '../domain/text.js';

/** The system locale from Intl (Windows usually sets no LANG). */
function intlLocale(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return '';
  }
}

/** zh when the locale says Chinese (LC_ALL, LC_MESSAGES, LANG; when none is set, the system locale), else en. */
export function localeLang(env: Record<string, string | undefined>, systemLocale: () => string = intlLocale): Lang {
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || systemLocale();
  return /^zh/i.test(loc) ? 'zh' : 'en';
}
