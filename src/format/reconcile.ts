// Renders the reconciliation of field cash with the ledger: text, Markdown, JSON, CSV, Excel.
import type { Lang } from '../domain/text.js';
import { fenToDisplay } from '../domain/money.js';
import type { ReconcileBranch, ReconcilePayment, ReconcileReport, ReconcileTotals, Tally } from '../report/reconcile.js';
import { asJson, renderTable, type TableOptions } from './table.js';
import { mdTable, money, tableAsCsv, type DataTable } from './csv.js';
import type { RendererMap } from './render.js';
import type { CsvHeaders } from './registry.js';
import { tableWorkbook } from './xlsx.js';

function stateLabel(p: ReconcilePayment, lang: Lang): string {
  const zh = lang === 'zh';
  switch (p.state) {
    case 'posted':
      return (
        (zh ? `已入账（${p.postedOn} 余额）` : `posted (statement ${p.postedOn})`) +
        (p.interestState === 'not-determinable' ? (zh ? '；利息无法判断' : '; interest not determinable') : '')
      );
    case 'unposted':
      return zh ? '未入账' : 'not yet posted';
    case 'confirm':
      return zh ? '早于第一份余额——请确认已含在内' : 'before the first statement — confirm it is included';
  }
}

function title(r: ReconcileReport, lang: Lang): string {
  const scope = [r.township, r.officer, r.since ? (lang === 'zh' ? `${r.since} 起` : `since ${r.since}`) : null].filter(Boolean).join(lang === 'zh' ? '，' : ', ');
  return lang === 'zh' ? `现场收款对账${scope ? ` — ${scope}` : ''}（截至 ${r.today}）` : `Field cash against the ledger${scope ? ` — ${scope}` : ''} (as of ${r.today})`;
}

const amt = (t: Tally) => fenToDisplay(t.principalFen + t.interestFen);

function summaryLines(t: ReconcileTotals, lang: Lang): string[] {
  const zh = lang === 'zh';
  const oldest = t.oldestUnpostedDays === null ? '' : zh ? `，最久的已收 ${t.oldestUnpostedDays} 天` : `, the oldest collected ${t.oldestUnpostedDays} days ago`;
  return zh
    ? [
        `已入账：${t.posted.count} 笔，${amt(t.posted)} 元`,
        `未入账：${t.unposted.count} 笔，${amt(t.unposted)} 元${oldest}`,
        `早于第一份余额、待确认：${t.confirm.count} 笔，${amt(t.confirm)} 元`,
        `利息无法判断：${t.interestNotDeterminable.count} 笔，利息 ${fenToDisplay(t.interestNotDeterminable.interestFen)} 元`,
        `后台余额下降而无现场收款（网点收回）：${t.branch.count} 笔，${amt(t.branch)} 元`,
      ]
    : [
        `Posted: ${t.posted.count} payment(s), ${amt(t.posted)}`,
        `Not yet posted: ${t.unposted.count} payment(s), ${amt(t.unposted)}${oldest}`,
        `Before the first statement, to confirm: ${t.confirm.count} payment(s), ${amt(t.confirm)}`,
        `Interest not determinable: ${t.interestNotDeterminable.count} payment(s), interest ${fenToDisplay(t.interestNotDeterminable.interestFen)}`,
        `Ledger drops with no field payment (paid at the branch): ${t.branch.count}, ${amt(t.branch)}`,
      ];
}

function note(lang: Lang): string {
  return lang === 'zh'
    ? '未入账和待确认的现金已从余额中扣除（余额宁低勿高）。确认早于第一份余额的收款：fieldvisit reconcile confirm 收款编号。'
    : 'Cash not yet posted or to confirm is already taken off the balance (the balance errs low). Confirm a payment before the first statement: fieldvisit reconcile confirm PAYMENT.';
}

const paymentHeaders = (zh: boolean) => [
  zh ? '收款编号' : 'payment',
  zh ? '日期' : 'date',
  zh ? '已过天数' : 'days',
  zh ? '催收员' : 'officer',
  zh ? '借款人' : 'borrower',
  zh ? '合同编号' : 'loan',
  zh ? '本金' : 'principal',
  zh ? '利息' : 'interest',
  zh ? '状态' : 'status',
];

function paymentCells(p: ReconcilePayment, lang: Lang): string[] {
  return [String(p.paymentId), p.paidOn, String(p.days), p.officer, p.borrower, p.loanNo, fenToDisplay(p.principalFen), fenToDisplay(p.interestFen), stateLabel(p, lang)];
}

const branchHeaders = (zh: boolean) => [zh ? '合同编号' : 'loan', zh ? '借款人' : 'borrower', zh ? '管户员' : 'loan officer', zh ? '期间' : 'between statements', zh ? '本金' : 'principal', zh ? '利息' : 'interest'];

function branchCells(b: ReconcileBranch): string[] {
  return [b.loanNo, b.borrower, b.loanOfficer ?? '', `${b.from} → ${b.to}`, fenToDisplay(b.principalFen), fenToDisplay(b.interestFen)];
}

const officerHeaders = (zh: boolean) => [
  zh ? '催收员' : 'officer',
  zh ? '已入账' : 'posted',
  zh ? '未入账' : 'not yet posted',
  zh ? '待确认' : 'to confirm',
  zh ? '最久未入账（天）' : 'oldest unposted (days)',
];

function officerCells(o: ReconcileReport['officers'][number]): string[] {
  const t = o.totals;
  return [o.officer, `${t.posted.count} / ${amt(t.posted)}`, `${t.unposted.count} / ${amt(t.unposted)}`, `${t.confirm.count} / ${amt(t.confirm)}`, t.oldestUnpostedDays === null ? '-' : String(t.oldestUnpostedDays)];
}

export function reconcileAsText(r: ReconcileReport, lang: Lang, opts: TableOptions = {}): string {
  const zh = lang === 'zh';
  const out = [title(r, lang), ...summaryLines(r.totals, lang), ''];
  const right = (n: number) => (i: number) => (i >= n ? ('right' as const) : ('left' as const));
  if (r.payments.length) {
    out.push(zh ? '现场收款（未入账的在前，最久的在前）：' : 'Field payments (not yet posted first, most overdue first):');
    const al = right(6);
    out.push(
      renderTable(
        paymentHeaders(zh).map((h, i) => ({ header: h, align: i === 0 || i === 2 ? ('right' as const) : i === 8 ? ('left' as const) : al(i) })),
        r.payments.map((p) => paymentCells(p, lang)),
        opts,
      ).trimEnd(),
    );
  } else out.push(zh ? '没有现场收款。' : 'No field payments.');
  if (r.branch.length) {
    out.push('', zh ? '后台余额下降而无现场收款（网点收回）：' : 'Ledger drops with no field payment (paid at the branch):');
    out.push(renderTable(branchHeaders(zh).map((h, i) => ({ header: h, align: right(4)(i) })), r.branch.map(branchCells), opts).trimEnd());
  }
  if (r.officers.length) {
    out.push('', zh ? '按催收员：' : 'By officer:');
    out.push(renderTable(officerHeaders(zh).map((h, i) => ({ header: h, align: i === 0 ? ('left' as const) : ('right' as const) })), r.officers.map(officerCells), opts).trimEnd());
  }
  out.push('', note(lang));
  return out.join('\n') + '\n';
}

export function reconcileAsMarkdown(r: ReconcileReport, lang: Lang): string {
  const zh = lang === 'zh';
  let s = `# ${title(r, lang)}\n\n` + summaryLines(r.totals, lang).map((l) => `- ${l}`).join('\n') + '\n\n';
  s += `## ${zh ? '现场收款' : 'Field payments'}\n\n`;
  s += r.payments.length ? mdTable(paymentHeaders(zh), r.payments.map((p) => paymentCells(p, lang)), [0, 2, 6, 7]) : (zh ? '没有现场收款。' : 'No field payments.') + '\n';
  if (r.branch.length) s += `\n## ${zh ? '网点收回（无现场收款的余额下降）' : 'Paid at the branch (ledger drops with no field payment)'}\n\n` + mdTable(branchHeaders(zh), r.branch.map(branchCells), [4, 5]);
  if (r.officers.length) s += `\n## ${zh ? '按催收员' : 'By officer'}\n\n` + mdTable(officerHeaders(zh), r.officers.map(officerCells), [1, 2, 3, 4]);
  return s + '\n' + note(lang) + '\n';
}

function tallyJson(t: Tally) {
  return { count: t.count, principal_fen: t.principalFen, interest_fen: t.interestFen };
}

function totalsJson(t: ReconcileTotals) {
  return {
    posted: tallyJson(t.posted),
    not_yet_posted: tallyJson(t.unposted),
    to_confirm: tallyJson(t.confirm),
    interest_not_determinable: tallyJson(t.interestNotDeterminable),
    paid_at_branch: tallyJson(t.branch),
    oldest_unposted_days: t.oldestUnpostedDays,
  };
}

export function reconcileAsJson(r: ReconcileReport): string {
  return asJson({
    today: r.today,
    township: r.township,
    officer: r.officer,
    since: r.since,
    totals: totalsJson(r.totals),
    payments: r.payments.map((p) => ({
      payment_id: p.paymentId,
      visit_id: p.visitId,
      loan_no: p.loanNo,
      borrower: p.borrower,
      township: p.township,
      village: p.village,
      officer: p.officer,
      paid_on: p.paidOn,
      principal_fen: p.principalFen,
      interest_fen: p.interestFen,
      state: p.state,
      posted_on: p.postedOn,
      interest_state: p.interestState,
      days: p.days,
    })),
    paid_at_branch: r.branch.map((b) => ({
      loan_no: b.loanNo,
      borrower: b.borrower,
      township: b.township,
      village: b.village,
      loan_officer: b.loanOfficer,
      from: b.from,
      to: b.to,
      principal_fen: b.principalFen,
      interest_fen: b.interestFen,
    })),
    loans: r.loans.map((l) => ({
      loan_no: l.loanNo,
      borrower: l.borrower,
      township: l.township,
      village: l.village,
      loan_officer: l.loanOfficer,
      latest_as_of: l.latestAsOf,
      statement_principal_fen: l.statementPrincipalFen,
      statement_interest_fen: l.statementInterestFen,
      outstanding_principal_fen: l.outstandingPrincipalFen,
      outstanding_interest_fen: l.outstandingInterestFen,
      ...totalsJson(l.totals),
    })),
    officers: r.officers.map((o) => ({ officer: o.officer, ...totalsJson(o.totals) })),
  });
}

/** One row per field payment, then one per branch drop (kind = payment | branch). */
function reconcileTable(r: ReconcileReport, lang?: Lang): DataTable {
  return {
    columns: ['kind', 'payment_id', 'loan_no', 'borrower', 'township', 'village', 'officer', 'date', 'days', 'principal', 'interest', 'state', 'posted_on', 'interest_state', 'previous_statement'],
    labels: {
      kind: { zh: '类别', en: 'Kind' },
      payment_id: { zh: '收款编号', en: 'Payment' },
      date: { zh: '收款日期/余额日期', en: 'Paid on / statement' },
      days: { zh: '已过天数', en: 'Days' },
      principal: { zh: '本金', en: 'Principal' },
      interest: { zh: '利息', en: 'Interest' },
      state: { zh: '状态', en: 'State' },
      posted_on: { zh: '入账余额日期', en: 'Posted by statement of' },
      interest_state: { zh: '利息状态', en: 'Interest state' },
      previous_statement: { zh: '上一份余额日期', en: 'Previous statement' },
    },
    rows: [
      ...r.payments.map((p) => [
        'payment',
        p.paymentId,
        p.loanNo,
        p.borrower,
        p.township,
        p.village,
        p.officer,
        p.paidOn,
        p.days,
        money(p.principalFen),
        money(p.interestFen),
        lang ? stateLabel(p, lang) : p.state,
        p.postedOn,
        p.interestState,
        null,
      ]),
      ...r.branch.map((b) => ['branch', null, b.loanNo, b.borrower, b.township, b.village, b.loanOfficer, b.to, null, money(b.principalFen), money(b.interestFen), 'paid-at-branch', null, null, b.from]),
    ],
  };
}

export function reconcileAsCsv(r: ReconcileReport, headers: CsvHeaders = 'en'): string {
  return tableAsCsv(reconcileTable(r), headers);
}

export const reconcileRenderers: RendererMap<'reconcile', ReconcileReport> = {
  text: (r, o) => reconcileAsText(r, o.lang, { ascii: o.ascii, width: o.width }),
  md: (r, o) => reconcileAsMarkdown(r, o.lang),
  json: (r) => reconcileAsJson(r),
  csv: (r, o) => reconcileAsCsv(r, o.headers),
  xlsx: (r, o) =>
    tableWorkbook(o.lang === 'zh' ? '对账' : 'Reconciliation', reconcileTable(r, o.lang), o.lang, {
      title: title(r, o.lang),
      notes: [...summaryLines(r.totals, o.lang), note(o.lang)],
    }),
};
