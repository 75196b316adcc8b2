// `fieldvisit promise list`: every repayment intent as a promise — open, kept, partly kept or broken — with what came.
import type { Command } from 'commander';
import { listPromises } from '../../../db/promises.js';
import { requireTownship } from '../../../db/places.js';
import { UsageError } from '../../../domain/errors.js';
import { addDays } from '../../../domain/dates.js';
import { isBroken } from '../../../domain/promise.js';
import { text } from '../../../domain/text.js';
import { promisesAsJson, promisesAsText, type PromiseListRow } from '../../../format/promises.js';
import { today, type Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { globals, out, withSession } from '../../runtime.js';

interface Opts {
  open?: boolean;
  broken?: boolean;
  dueWithin?: string;
  township?: string;
  officer?: string;
  json?: boolean;
}

export function registerPromise(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const p = program.command('promise');
  describe(p, L, '还款承诺（还款意向）。', 'Repayment promises (intents).', ['fieldvisit promise list --open']);
  const list = p
    .command('list')
    .option('--open', h(L, '只列未到期的承诺', 'only promises not yet due'))
    .option('--broken', h(L, '只列爽约的承诺（含部分兑现）', 'only broken promises (partly kept included)'))
    .option('--due-within <days>', h(L, '只列今后几天内到期、尚未兑现的承诺', 'only open promises due within this many days'))
    .option('--township <name>', h(L, '乡镇', 'township'))
    .option('--officer <name>', h(L, '催收员', 'officer'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    list,
    L,
    '列出还款承诺：借款人、村委、金额、日期、已还多少、状态（未到期／已兑现／部分兑现／爽约），以及每户爽约次数。',
    'List promises: borrower, village, amount, date, paid so far, status (open / kept / partly kept / broken), and each household’s count of broken promises.',
    ['fieldvisit promise list', 'fieldvisit promise list --open', 'fieldvisit promise list --broken --json', 'fieldvisit promise list --due-within 7'],
  );
  list.action(async (o: Opts, command: Command) => {
    const n = o.dueWithin === undefined ? null : Number(o.dueWithin);
    if (n !== null && !(Number.isInteger(n) && n >= 0 && n <= 3650)) {
      throw new UsageError(text(`--due-within 需要天数（如 7），而不是“${o.dueWithin}”。`, `--due-within takes a number of days (e.g. 7), not "${o.dueWithin}".`));
    }
    if ([o.open, o.broken, n !== null].filter(Boolean).length > 1) {
      throw new UsageError(text('--open、--broken、--due-within 只能选一个。', 'Use only one of --open, --broken, --due-within.'));
    }
    const day = today(ctx);
    await withSession(ctx, command, ({ db }) => {
      const townshipId = o.township ? requireTownship(db, o.township).id : undefined;
      const all = listPromises(db, day, { townshipId, officer: o.officer });
      const broken = new Map<number, number>();
      for (const r of all) if (isBroken(r.status)) broken.set(r.householdId, (broken.get(r.householdId) ?? 0) + 1);
      const rows: PromiseListRow[] = all
        .filter((r) => (o.open ? r.status === 'open' : o.broken ? isBroken(r.status) : n !== null ? r.status === 'open' && r.dueDate <= addDays(day, n) : true))
        .map((r) => ({ ...r, brokenCount: broken.get(r.householdId) ?? 0 }));
      out(ctx, o.json ? promisesAsJson(rows) : promisesAsText(rows, ctx.lang, { ascii: !!globals(command).ascii }));
    });
  });
}
