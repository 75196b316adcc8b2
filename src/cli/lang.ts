// The interface language from the locale or --lang: light enough for main.ts to load before any command.
import { UsageError } from '../domain/errors.js';
import { isLang, text, type Lang } from '../domain/text.js';

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

export function parseLangFlag(v: string | undefined): Lang | undefined {
  if (v === undefined) return undefined;
  if (isLang(v)) return v;
  throw new UsageError(text(`--lang 只能是 zh 或 en，而不是“${v}”。`, `--lang must be zh or en, not "${v}".`));
}
