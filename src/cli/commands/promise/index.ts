// `fieldvisit promise list`: every repayment intent as a promise — open, kept, partly kept or broken (definition; the action is ./list.ts).
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';
import { addFormatOptions } from '../../outputFormat.js';

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
    .option('--officer <name>', h(L, '催收员', 'officer'));
  addFormatOptions(list, L, 'promise list');
  describe(
    list,
    L,
    '列出还款承诺：借款人、村委、金额、日期、已还多少、状态（未到期／已兑现／部分兑现／爽约），以及每户爽约次数。',
    'List promises: borrower, village, amount, date, paid so far, status (open / kept / partly kept / broken), and each household’s count of broken promises.',
    ['fieldvisit promise list', 'fieldvisit promise list --open', 'fieldvisit promise list --broken --json', 'fieldvisit promise list --due-within 7', 'fieldvisit promise list --out promises.csv'],
  );
  lazyAction(list, ctx, () => import('./list.js'));
}
