// `fieldvisit cost add` (action): checks every flag before the database is touched, then records the cost in one transaction and prints its id.
import type { Command } from 'commander';
import { recordCost } from '../../../db/costs.js';
import { getSetting } from '../../../db/settings.js';
import { isCostKind, COST_KINDS, COST_KIND_TEXT, type CostKind } from '../../../domain/cost.js';
import { UsageError } from '../../../domain/errors.js';
import { fenToDisplay, parseYuan } from '../../../domain/money.js';
import { text } from '../../../domain/text.js';
import { asJson } from '../../../format/table.js';
import { nowIso, today, type Context } from '../../context.js';
import { requireLoan } from '../../lookups.js';
import { out, t, withSession } from '../../runtime.js';
import { dateFlag } from '../loan/recordedBy.js';

interface AddOpts {
  loan?: string;
  kind?: string;
  amount?: string;
  date?: string;
  officer?: string;
  note?: string;
  json?: boolean;
}

/** The amount in fen, or a usage error naming --amount and what is wrong with it. */
function costAmount(v: string | undefined): number {
  if (v === undefined || v.trim() === '') throw new UsageError(text('请用 --amount 写明金额（元），如 --amount 120.00。', 'Give the amount in yuan with --amount, e.g. --amount 120.00.'));
  const r = parseYuan(v);
  if (!r.ok) {
    switch (r.why) {
      case 'negative':
        throw new UsageError(text(`--amount 不能是负数（“${v}”）：费用金额必须大于 0；登记错了请用 cost void 作废。`, `--amount cannot be negative ("${v}"): a cost is more than zero; void a wrong one with cost void.`));
      case 'decimals':
        throw new UsageError(text(`--amount 最多两位小数（到分），而不是“${v}”。`, `--amount takes at most two decimals (fen), not "${v}".`));
      case 'too-large':
        throw new UsageError(text(`--amount “${v}” 太大了：请检查金额。`, `--amount "${v}" is too large: check the amount.`));
      case 'format':
        throw new UsageError(text(`--amount 的值“${v}”不是金额：请写成 120 或 120.50（元）。`, `--amount "${v}" is not an amount: write it as 120 or 120.50 (yuan).`));
    }
  }
  if (r.fen === 0) throw new UsageError(text(`--amount 必须大于 0，而不是“${v}”。`, `--amount must be more than zero, not "${v}".`));
  return r.fen;
}

export function action(ctx: Context) {
  return async (own: AddOpts, command: Command) => {
    const opts = { ...own, ...(command.optsWithGlobals() as AddOpts) };
    if (!opts.loan?.trim()) throw new UsageError(text('请用 --loan 写明合同编号。', 'Name the loan with --loan.'));
    if (!isCostKind(opts.kind)) throw new UsageError(text(`请用 --kind 写明类别：${COST_KINDS.join('、')}。`, `Give the kind with --kind: ${COST_KINDS.join(', ')}.`));
    const kind: CostKind = opts.kind;
    const amountFen = costAmount(opts.amount);
    if (opts.date === undefined) throw new UsageError(text('请用 --date 写明支出日期（YYYY-MM-DD）。', 'Give the date it was spent with --date (YYYY-MM-DD).'));
    const date = dateFlag('--date', opts.date.trim(), today(ctx));
    await withSession(
      ctx,
      command,
      ({ db }) => {
        const loan = requireLoan(db, opts.loan!);
        const officer = opts.officer?.trim() || getSetting(db, 'officer');
        if (!officer) throw new UsageError(text('请用 --officer 写明经办人（或先 fieldvisit config set officer 姓名）：费用记录要写明是谁支出的。', 'Say who spent it with --officer (or set a default: fieldvisit config set officer NAME): a cost records who spent it.'));
        const note = opts.note?.trim() || null;
        const loanNo = opts.loan!.trim();
        const r = recordCost(db, { loanId: loan.loanId, kind, amountFen, date, officer, note, recordedAt: nowIso(ctx) });
        if (opts.json) {
          out(ctx, asJson({ id: r.id, uid: r.uid, loan_no: loanNo, kind, amount_fen: amountFen, date, officer, note }));
          return;
        }
        const k = COST_KIND_TEXT[kind];
        out(
          ctx,
          t(
            ctx,
            text(
              `已登记费用 #${r.id}：${loanNo} ${date} ${k.zh} ${fenToDisplay(amountFen)} 元（${officer}）。\n`,
              `Recorded cost #${r.id}: ${loanNo} ${date} ${k.en} ${fenToDisplay(amountFen)} (${officer}).\n`,
            ),
          ),
        );
      },
      { mustExist: true },
    );
  };
}
