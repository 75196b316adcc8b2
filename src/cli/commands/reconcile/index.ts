// `fieldvisit reconcile`: field cash against the ledger; `reconcile confirm` and its void (definitions; actions in ./<verb>.ts).
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';
import { addFormatOptions } from '../../outputFormat.js';

export function registerReconcile(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const cmd = program
    .command('reconcile')
    .option('--township <name>', h(L, '只看一个乡镇', 'one township only'))
    .option('--officer <name>', h(L, '只看一名催收员收的现金（及其管户贷款的网点收回）', "one officer's cash only (and branch payments on the loans they manage)"))
    .option('--since <date>', h(L, '只看此日期（含）以后的收款和余额下降', 'payments and ledger drops from this date on'));
  addFormatOptions(cmd, L, 'reconcile');
  describe(
    cmd,
    L,
    '现场收款与后台账务对账：每次导入花名册就是后台在数据日期的余额。逐笔列出现场收款已入账或未入账（金额、已过天数）、早于第一份余额待确认的、利息无法判断的，以及后台余额下降却没有现场收款的（网点收回）；按贷款和催收员汇总，最久未入账的在前。',
    'Field cash against the ledger: every roster import is the ledger’s statement of each loan at its as-of date. Lists each field payment posted or not yet posted (amount, days since collected), those before a loan’s first statement to confirm, interest not determinable, and ledger drops no field payment explains (paid at the branch); per loan and per officer, the most overdue unposted cash first.',
    ['fieldvisit reconcile', 'fieldvisit reconcile --township 涡水镇 --officer 李华 --since 2026-11-01', 'fieldvisit reconcile --json', 'fieldvisit reconcile --out 对账.xlsx'],
  );
  lazyAction(cmd, ctx, () => import('./reconcile.js'));

  const confirm = cmd
    .command('confirm')
    .argument('<payment>', h(L, '收款编号（reconcile 和 visit list 中显示）', 'payment id (shown by reconcile and visit list)'))
    .option('--officer <name>', h(L, '确认人（默认 config set officer 的值）', 'who confirms (default: config set officer)'))
    .option('--note <text>', h(L, '备注，如核对的凭证', 'note, e.g. the voucher checked'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    confirm,
    L,
    '确认一笔早于贷款第一份余额的现场收款已包含在该余额中：此后它算作已入账，余额不再扣除它。确认会随交换文件传到其他电脑；确认错了用 reconcile confirm void 作废。',
    'Confirm that a field payment dated before its loan’s first statement is included in it: it then counts as posted and no longer comes off the balance. The confirmation travels in bundles; void a wrong one with reconcile confirm void.',
    ['fieldvisit reconcile confirm 12 --note "核对了 11 月 13 日的对账单"', 'fieldvisit reconcile confirm void 3 --reason "看错了凭证"'],
  );
  lazyAction(confirm, ctx, () => import('./confirm.js'));
  const confirmVoid = confirm
    .command('void')
    .argument('<id>', h(L, '确认编号（reconcile confirm 输出中显示）', 'confirmation id (shown when it was made)'))
    .option('--reason <text>', h(L, '作废原因（必填）', 'why it is void (required)'))
    .option('--officer <name>', h(L, '作废人（默认 config set officer 的值）', 'who voids it (default: config set officer)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    confirmVoid,
    L,
    '作废一条入账确认：记录保留，注明谁、何时、为何作废；该收款重新算作“早于第一份余额——请确认”。',
    'Void a confirmation: it is kept with who, when and why; the payment is again "before the first statement — confirm".',
    ['fieldvisit reconcile confirm void 3 --reason "看错了凭证"'],
  );
  lazyAction(confirmVoid, ctx, () => import('./confirmVoid.js'));
}
