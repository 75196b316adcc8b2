// Shared by the loan mark/legal actions: date flags, who records, and voiding a fact by id (the void verbs' action).
import type { Command } from 'commander';
import type { Db } from '../../../db/open.js';
import { asJson } from '../../../format/table.js';
import { nowIso, type Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
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

function voidById(db: Db, table: 'loan_marks' | 'legal_events', idArg: string, reason: string | undefined, officer: string | undefined, nowIso: string) {
  if (!/^#?\d{1,12}$/.test(idArg.trim())) throw new UsageError(text(`“${idArg}”不是记录编号：用 fieldvisit loan clock 查看。`, `"${idArg}" is not a record id: see fieldvisit loan clock.`));
  if (!reason?.trim()) throw new UsageError(text('请用 --reason 写明作废原因。', 'Say why with --reason.'));
  const by = recorder(db, officer, true)!;
  const what = table === 'loan_marks' ? { zh: '贷款标记', en: 'loan mark', hint: 'fieldvisit loan clock 合同编号' } : { zh: '诉讼记录', en: 'legal record', hint: 'fieldvisit loan clock LOAN' };
  const id = Number(idArg.trim().replace('#', ''));
  return { id, ...voidFact(db, table, id, { reason: reason.trim(), voidedBy: by, voidedAt: nowIso }, what) };
}

/** The action of `loan mark void` and `loan legal void`: the record stays, marked void with who, when and why. */
export function voidAction(table: 'loan_marks' | 'legal_events') {
  return (ctx: Context) => async (idArg: string, own: { reason?: string; officer?: string; json?: boolean }, command: Command) => {
    // --officer and --json are also options of the parent verb, which commander hands them to: read up the chain.
    const opts = { ...own, ...(command.optsWithGlobals() as typeof own) };
    await withSession(ctx, command, ({ db }) => {
      const r = voidById(db, table, idArg, opts.reason, opts.officer, nowIso(ctx));
      if (opts.json) out(ctx, asJson({ id: r.id, uid: r.uid, already_void: r.alreadyVoid }));
      else out(ctx, t(ctx, r.alreadyVoid ? text(`记录 ${r.id} 早已作废，未作改动。\n`, `Record ${r.id} was already void; nothing changed.\n`) : text(`已作废记录 ${r.id}。\n`, `Voided record ${r.id}.\n`)));
    });
  };
}
