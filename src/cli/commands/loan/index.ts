// `fieldvisit loan clock|mark`: explain a loan's limitation date; record a lawsuit or a demand by public notice.
import type { Command } from 'commander';
import { loanClockFacts, recordLoanEvent } from '../../../db/limitation.js';
import { resolveBorrowerRef } from '../../../db/borrowers.js';
import { loanByNo } from '../../../db/visits.js';
import { DataError, UsageError } from '../../../domain/errors.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { text } from '../../../domain/text.js';
import { loanClockRow } from '../../../report/limitation.js';
import { loanClockAsText, loanClocksAsJson } from '../../../format/limitation.js';
import { nowIso, today, type Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { globals, out, t, withSession } from '../../runtime.js';
import { intOption, periodYears } from '../../outputFormat.js';
import { DEFAULT_EXPIRING_DAYS } from '../../../domain/limitation.js';
import { asJson } from '../../../format/table.js';

export function registerLoan(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const loan = program.command('loan');
  describe(loan, L, '贷款：诉讼时效说明；登记起诉或公告催收。', 'Loans: explain the limitation clock; record a lawsuit or a public-notice demand.', [
    'fieldvisit loan clock WS-2022-0024',
    'fieldvisit loan mark WS-2022-0019 --lawsuit 2026-11-20',
  ]);

  const clock = loan
    .command('clock')
    .argument('<ref>', h(L, '合同编号（或身份证号、借款人编号：显示其全部贷款）', 'loan number (or ID number or borrower id: all their loans)'))
    .option('--within <days>', h(L, '剩余天数不超过此数即为“即将届满”（默认 30）', '"expiring" when at most this many days are left (default 30)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    clock,
    L,
    '说明一笔贷款的诉讼时效：到期日、每次中断（日期、方式、走访编号）、适用的规则和结果；并列出保证期间。仅为辅助提示，不构成法律意见。',
    'Explain a loan’s limitation date: due date, each interrupting event (date, kind, visit), the rule applied and the result; with the guarantee period. An aid, not legal advice.',
    ['fieldvisit loan clock WS-2022-0024', 'fieldvisit loan clock WS-2013-0016 --json'],
  );
  clock.action(async (ref: string, opts: { within?: string; json?: boolean }, command: Command) => {
    const within = intOption('--within', opts.within, DEFAULT_EXPIRING_DAYS);
    await withSession(ctx, command, ({ db }) => {
      const now = today(ctx);
      const byLoan = loanByNo(db, ref.trim());
      const facts = byLoan
        ? loanClockFacts(db, { loanId: byLoan.loanId }, now)
        : resolveBorrowerRef(db, ref).flatMap((borrowerId) => loanClockFacts(db, { borrowerId }, now));
      if (facts.length === 0) {
        throw new DataError(
          text(`找不到“${ref}”：请用合同编号、身份证号或借款人编号；可先用 fieldvisit borrower find 查找。`, `Nothing matches "${ref}": use a loan number, ID number or borrower id; try fieldvisit borrower find first.`),
        );
      }
      const rows = facts.map((f) => loanClockRow(f, { today: now, periodYears: periodYears(db), withinDays: within }));
      const missing = rows.filter((r) => !r.clock);
      if (missing.length === rows.length) {
        throw new DataError(
          text(
            `贷款 ${missing.map((m) => m.facts.loanNo).join('、')} 没有到期日，无法计算诉讼时效：请在花名册中补上到期日后重新导入。`,
            `Loan ${missing.map((m) => m.facts.loanNo).join(', ')} has no due date, so no limitation date can be computed: add the due date to the roster and import it again.`,
          ),
        );
      }
      const shown = rows.filter((r) => r.clock);
      if (opts.json) out(ctx, loanClocksAsJson(shown, !!byLoan));
      else out(ctx, shown.map((r) => loanClockAsText(r, ctx.lang, { ascii: !!globals(command).ascii })).join('\n'));
    });
  });

  const mark = loan
    .command('mark')
    .argument('<loan>', h(L, '合同编号', 'loan number'))
    .option('--lawsuit <date>', h(L, '起诉日期（中断时效）', 'date the lawsuit was filed (interrupts)'))
    .option('--public-notice <date>', h(L, '公告催收日期（借款人下落不明时，中断时效）', 'date of a demand by public notice for a missing borrower (interrupts)'))
    .option('--note <text>', h(L, '备注，如案号或报纸名称', 'note, e.g. the case number or the newspaper'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    mark,
    L,
    '登记起诉或公告催收：两者都中断诉讼时效（《民法典》第195条）。同一日期重复登记不会重复记录。',
    'Record a lawsuit filed or a demand by public notice: both interrupt the limitation period (Civil Code art. 195). Recording the same date twice records it once.',
    ['fieldvisit loan mark WS-2022-0019 --lawsuit 2026-11-20 --note "(2026)桂0123民初456号"', 'fieldvisit loan mark WS-2022-0015 --public-notice 2026-11-01'],
  );
  mark.action(async (loanNo: string, opts: { lawsuit?: string; publicNotice?: string; note?: string; json?: boolean }, command: Command) => {
    const chosen = [opts.lawsuit !== undefined ? 'lawsuit' : null, opts.publicNotice !== undefined ? 'public-notice' : null].filter((x): x is 'lawsuit' | 'public-notice' => x !== null);
    if (chosen.length !== 1) throw new UsageError(text('请给出 --lawsuit 日期或 --public-notice 日期（一次一个）。', 'Give --lawsuit DATE or --public-notice DATE (one at a time).'));
    const kind = chosen[0]!;
    const date = (kind === 'lawsuit' ? opts.lawsuit : opts.publicNotice)!;
    if (!isValidIsoDate(date)) throw new UsageError(text(`--${kind} 需要 YYYY-MM-DD 格式的日期，而不是“${date}”。`, `--${kind} needs a YYYY-MM-DD date, not "${date}".`));
    await withSession(ctx, command, ({ db }) => {
      if (date > today(ctx)) throw new DataError(text(`${date} 在今天之后：只能登记已经发生的事。`, `${date} is after today: record only what has happened.`));
      const l = loanByNo(db, loanNo.trim());
      if (!l) throw new DataError(text(`没有合同编号为“${loanNo}”的贷款：用 fieldvisit borrower find 查找。`, `No loan numbered "${loanNo}": try fieldvisit borrower find.`));
      const r = recordLoanEvent(db, { loanId: l.loanId, kind, date, note: opts.note?.trim() || null, recordedAt: nowIso(ctx) });
      if (opts.json) out(ctx, asJson({ loan_no: loanNo.trim(), kind, date, note: opts.note ?? null, created: r.created }));
      else {
        const what = kind === 'lawsuit' ? text('起诉', 'lawsuit') : text('公告催收', 'public-notice demand');
        out(
          ctx,
          t(
            ctx,
            r.created
              ? text(`已登记 ${loanNo} ${date} ${what.zh}。用 fieldvisit loan clock ${loanNo} 查看时效。\n`, `Recorded ${what.en} on ${date} for ${loanNo}. See fieldvisit loan clock ${loanNo}.\n`)
              : text(`${loanNo} ${date} 的${what.zh}已经登记过，未重复记录。\n`, `The ${what.en} on ${date} for ${loanNo} was already recorded; nothing changed.\n`),
          ),
        );
      }
    });
  });
}
