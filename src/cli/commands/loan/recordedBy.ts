// Shared by the loan mark/legal actions: date flags, who records, and voiding a fact by id.
import type { Db } from '../../../db/open.js';
import { getSetting } from '../../../db/settings.js';
import { voidFact } from '../../../db/facts.js';
import { UsageError, DataError } from '../../../domain/errors.js';
import { isValidIsoDate, type IsoDate } from '../../../domain/dates.js';
import { text } from '../../../domain/text.js';

export function dateFlag(flag: string, v: string | undefined, today: IsoDate): IsoDate {
  if (v === undefined || !isValidIsoDate(v)) throw new UsageError(text(`${flag} 需要 YYYY-MM-DD 格式的日期，而不是“${v ?? ''}”。`, `${flag} needs a YYYY-MM-DD date, not "${v ?? ''}".`));
  if (v > today) throw new DataError(text(`${flag} ${v} 在今天之后：只能登记已经发生的事。`, `${flag} ${v} is after today: record only what has happened.`));
  return v;
}

/** --officer, else the configured officer; required for a void (who voided is part of the record). */
export function recorder(db: Db, flag: string | undefined, required: boolean): string | null {
  const by = flag?.trim() || getSetting(db, 'officer');
  if (!by && required) throw new UsageError(text('请用 --officer 写明是谁作废（或先 fieldvisit config set officer 姓名）。', 'Say who is voiding it with --officer (or set a default: fieldvisit config set officer NAME).'));
  return by ?? null;
}

export function voidById(db: Db, table: 'loan_marks' | 'legal_events', idArg: string, reason: string | undefined, officer: string | undefined, nowIso: string) {
  if (!/^#?\d{1,12}$/.test(idArg.trim())) throw new UsageError(text(`“${idArg}”不是记录编号：用 fieldvisit loan clock 查看。`, `"${idArg}" is not a record id: see fieldvisit loan clock.`));
  if (!reason?.trim()) throw new UsageError(text('请用 --reason 写明作废原因。', 'Say why with --reason.'));
  const by = recorder(db, officer, true)!;
  const what = table === 'loan_marks' ? { zh: '贷款标记', en: 'loan mark', hint: 'fieldvisit loan clock 合同编号' } : { zh: '诉讼记录', en: 'legal record', hint: 'fieldvisit loan clock LOAN' };
  const id = Number(idArg.trim().replace('#', ''));
  return { id, ...voidFact(db, table, id, { reason: reason.trim(), voidedBy: by, voidedAt: nowIso }, what) };
}
