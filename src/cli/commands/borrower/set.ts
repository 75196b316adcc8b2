// `fieldvisit borrower set` (action): record a death, an heir, a stance or whereabouts for one borrower.
import type { Command } from 'commander';
import { maskPersonal } from '../../../domain/idNumber.js';
import { resolveBorrowerRef } from '../../../db/borrowers.js';
import { borrowerName, setBorrowerFacts, type BorrowerChanges } from '../../../db/borrowerSet.js';
import { DataError, UsageError } from '../../../domain/errors.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { STANCES, parseStance } from '../../../domain/stance.js';
import { text } from '../../../domain/text.js';
import { nowIso, today, type Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { asJson } from '../../../format/table.js';

function dateFlag(name: string, v: string | undefined, now: string): string | undefined {
  if (v === undefined) return undefined;
  if (!isValidIsoDate(v)) throw new UsageError(text(`${name} 需要 YYYY-MM-DD 格式的日期，而不是“${v}”。`, `${name} needs a YYYY-MM-DD date, not "${v}".`));
  if (v > now) throw new UsageError(text(`${name} ${v} 在今天之后：只能登记已经发生的事。`, `${name} ${v} is after today: record only what has happened.`));
  return v;
}

export function action(ctx: Context) {
  return async (
    ref: string,
    opts: { deceased?: string; heir?: string; heirKnown?: string; stance?: string; status?: 'active' | 'away'; where?: string; date?: string; json?: boolean },
    command: Command,
  ) => {
    const now = today(ctx);
    const c: BorrowerChanges = {};
    c.deceasedOn = dateFlag('--deceased', opts.deceased, now);
    const on = dateFlag('--date', opts.date, now) ?? now;
    if (opts.heirKnown !== undefined && !opts.heir) throw new UsageError(text('--heir-known 需要同时给出 --heir 姓名。', '--heir-known needs --heir NAME too.'));
    if (opts.heir !== undefined) {
      if (!opts.heir.trim()) throw new UsageError(text('--heir 需要姓名。', '--heir needs a name.'));
      c.heir = { name: opts.heir.trim(), knownOn: dateFlag('--heir-known', opts.heirKnown, now) ?? now };
    }
    if (opts.stance !== undefined) {
      const s = parseStance(opts.stance);
      if (!s) throw new UsageError(text(`不认识的类型“${opts.stance}”：可用 ${STANCES.join('、')}。`, `Unknown stance "${opts.stance}": use one of ${STANCES.join(', ')}.`));
      c.stance = s;
      c.stanceOn = on;
    }
    if (opts.where !== undefined && opts.status !== 'away') throw new UsageError(text('--where 只和 --status away 一起用。', '--where goes with --status away.'));
    if (opts.status) c.status = { status: opts.status, where: opts.where?.trim() || null, on };
    if (c.status && c.deceasedOn) throw new UsageError(text('--status 和 --deceased 不能同时使用。', 'Use --status or --deceased, not both.'));
    if (!c.deceasedOn && !c.heir && !c.stance && !c.status) {
      throw new UsageError(text('没有要登记的内容：请给出 --deceased、--heir、--stance 或 --status。', 'Nothing to record: give --deceased, --heir, --stance or --status.'));
    }
    await withSession(ctx, command, ({ db }) => {
      const ids = resolveBorrowerRef(db, ref);
      if (ids.length === 0) {
        throw new DataError(text(`找不到“${maskPersonal(ref)}”：请用合同编号、身份证号或借款人编号。`, `Nothing matches "${maskPersonal(ref)}": use a loan number, ID number or borrower id.`));
      }
      if (ids.length > 1) {
        throw new UsageError(text(`“${maskPersonal(ref)}”对应多位借款人（编号 ${ids.join('、')}）：请用借款人编号。`, `"${maskPersonal(ref)}" matches several borrowers (ids ${ids.join(', ')}): use the borrower id.`));
      }
      const id = ids[0]!;
      const n = setBorrowerFacts(db, id, c, nowIso(ctx));
      const name = borrowerName(db, id);
      if (opts.json) {
        out(
          ctx,
          asJson({
            borrower_id: id,
            name,
            deceased_on: c.deceasedOn ?? null,
            heir: c.heir ? { name: c.heir.name, known_on: c.heir.knownOn } : null,
            stance: c.stance ?? null,
            status: c.status ? { status: c.status.status, where: c.status.where, since: c.status.on } : null,
            events: n,
          }),
        );
      } else {
        out(ctx, t(ctx, text(`已为 ${name}（#${id}）登记 ${n} 项。用 fieldvisit borrower show ${id} 查看。\n`, `Recorded ${n} change(s) for ${name} (#${id}). See fieldvisit borrower show ${id}.\n`)));
      }
    });
  };
}
