// `--month YYYY-MM`, read the same way by every command that takes it (cost list, report costs, report officers).
import { parseMonth } from '../domain/dates.js';
import { UsageError } from '../domain/errors.js';
import { text } from '../domain/text.js';

/** The month named by `v`, or null when the flag is absent; anything but YYYY-MM is a usage error. */
export function monthOption(v: string | undefined): ReturnType<typeof parseMonth> {
  if (v === undefined) return null;
  const m = parseMonth(v);
  if (!m) throw new UsageError(text(`--month 需要 YYYY-MM 格式，如 2026-11，而不是“${v}”。`, `--month needs YYYY-MM, e.g. 2026-11, not "${v}".`));
  return m;
}
