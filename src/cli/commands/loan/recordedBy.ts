// Shared by the actions that record facts: date flags, who records, and voiding a fact by id (the void verbs' action).
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

/** How a void verb names its record in messages, and what voidFact says when the id is unknown. */
export interface VoidNoun {
  zh: string;
  /** The English noun, lower case, with its article for "is not a … id". */
  en: string;
  article: 'a' | 'an';
  /** '#' where the record's id is shown with it (costs). */
  prefix: string;
  /** The command that lists the records and their ids. */
  list: string;
  /** voidFact's words for an unknown or mismatched id. */
  what: { zh: string; en: string; hint: string };
}

/**
 * The action of the void verbs (`loan mark void`, `loan legal void`, `cost void`, `attachment void`): the record stays,
 * marked void with who, when and why; a second void changes nothing.
 */
export function voidAction(table: 'loan_marks' | 'legal_events' | 'costs' | 'attachments', n: VoidNoun, session: { mustExist?: boolean } = {}) {
  const cap = n.en[0]!.toUpperCase() + n.en.slice(1);
  return (ctx: Context) => async (idArg: string, own: { reason?: string; officer?: string; json?: boolean }, command: Command) => {
    // --officer and --json may also be options of the parent verb, which commander hands them to: read up the chain.
    const opts = { ...own, ...(command.optsWithGlobals() as typeof own) };
    if (!/^#?\d{1,12}$/.test(idArg.trim())) throw new UsageError(text(`“${idArg}”不是${n.zh}编号：用 ${n.list} 查看。`, `"${idArg}" is not ${n.article} ${n.en} id: see ${n.list}.`));
    if (!opts.reason?.trim()) throw new UsageError(text('请用 --reason 写明作废原因。', 'Say why with --reason.'));
    const id = Number(idArg.trim().replace('#', ''));
    const shown = `${n.prefix}${id}`;
    await withSession(
      ctx,
      command,
      ({ db }) => {
        const by = recorder(db, opts.officer, true)!;
        const r = voidFact(db, table, id, { reason: opts.reason!.trim(), voidedBy: by, voidedAt: nowIso(ctx) }, n.what);
        if (opts.json) out(ctx, asJson({ id, uid: r.uid, already_void: r.alreadyVoid }));
        else out(ctx, t(ctx, r.alreadyVoid ? text(`${n.zh} ${shown} 早已作废，未作改动。\n`, `${cap} ${shown} was already void; nothing changed.\n`) : text(`已作废${n.zh} ${shown}。\n`, `Voided ${n.en} ${shown}.\n`)));
      },
      session,
    );
  };
}
