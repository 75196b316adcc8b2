// The end-of-import summary: rows read, records created / updated / unchanged, warnings — as text or JSON.
import { pick, type Lang } from '../domain/text.js';
import type { RowProblem } from '../domain/errors.js';
import { asJson, renderTable } from './table.js';
import { formatProblem } from './problems.js';
import { fenToDisplay } from '../domain/money.js';

/** The posting counts over the loans of a roster import (see src/db/ledger.ts LedgerCounts). */
export interface LedgerTally {
  posted: number;
  unposted: number;
  confirm: number;
  branch: number;
  postedFen: number;
  unpostedFen: number;
  confirmFen: number;
  branchFen: number;
}

/** Rows of a roster import whose as-of date was assumed (the import day): no as_of column value, no --as-of. */
export interface AssumedAsOf {
  date: string;
  rows: number;
}

function ledgerJson(l: LedgerTally) {
  return {
    posted: l.posted,
    posted_fen: l.postedFen,
    not_yet_posted: l.unposted,
    not_yet_posted_fen: l.unpostedFen,
    to_confirm: l.confirm,
    to_confirm_fen: l.confirmFen,
    paid_at_branch: l.branch,
    paid_at_branch_fen: l.branchFen,
  };
}

/** The line a roster import ends with: field payments posted, not yet posted (with those to confirm), paid at the branch. */
export function ledgerLine(l: LedgerTally, lang: Lang): string {
  const unposted = l.unposted + l.confirm;
  const unpostedFen = l.unpostedFen + l.confirmFen;
  return lang === 'zh'
    ? `对账（本次导入的贷款）：现场收款已入账 ${l.posted} 笔（${fenToDisplay(l.postedFen)}），未入账 ${unposted} 笔（${fenToDisplay(unpostedFen)}${l.confirm ? `，其中 ${l.confirm} 笔早于第一份余额、待确认` : ''}），网点收回 ${l.branch} 笔（${fenToDisplay(l.branchFen)}）。详见 fieldvisit reconcile。`
    : `Reconciliation (loans of this import): field payments posted ${l.posted} (${fenToDisplay(l.postedFen)}), not yet posted ${unposted} (${fenToDisplay(unpostedFen)}${l.confirm ? `, of which ${l.confirm} before the first statement, to confirm` : ''}), paid at the branch ${l.branch} (${fenToDisplay(l.branchFen)}). See fieldvisit reconcile.`;
}

export interface ImportReport<S> {
  file: string;
  encoding: string;
  rows: number;
  written: number;
  invalid: number;
  warnings: number;
  dryRun: boolean;
  problems: RowProblem[];
  unknownColumns: string[];
  result: S;
}

type Counts = Record<string, { created: number; updated: number; unchanged: number }>;

export interface MergedName {
  from: string;
  into: string;
  rows: number;
}

const ENTITY_LABELS: Record<string, { zh: string; en: string }> = {
  townships: { zh: '乡镇', en: 'townships' },
  areas: { zh: '片区', en: 'areas' },
  villages: { zh: '村委', en: 'village committees' },
  groups: { zh: '组/自然村', en: 'groups' },
  households: { zh: '农户', en: 'households' },
  borrowers: { zh: '借款人', en: 'borrowers' },
  loans: { zh: '贷款', en: 'loans' },
};

export function rosterSummaryAsJson(r: ImportReport<Counts>, merged: MergedName[], olderKept = 0, l?: { assumed: AssumedAsOf; ledger: LedgerTally }): string {
  return asJson({
    file: r.file,
    encoding: r.encoding,
    dry_run: r.dryRun,
    rows: r.rows,
    written: r.written,
    invalid: r.invalid,
    warnings: r.warnings,
    unknown_columns: r.unknownColumns,
    merged_villages: merged,
    ...r.result,
    older_balances_kept: olderKept,
    ...(l ? { as_of: l.assumed.date, as_of_assumed_rows: l.assumed.rows, ledger: ledgerJson(l.ledger) } : {}),
    problems: r.problems.map((p) => ({ line: p.line, column: p.column, severity: p.severity, reason: p.reason.en, reason_zh: p.reason.zh })),
  });
}

export function rosterSummaryAsText(
  r: ImportReport<Counts>,
  merged: MergedName[],
  lang: Lang,
  opts: { ascii?: boolean; width?: number; olderKept?: number; assumed?: AssumedAsOf; ledger?: LedgerTally } = {},
): { body: string; notes: string[] } {
  const zh = lang === 'zh';
  const lines: string[] = [];
  const head = r.dryRun
    ? zh
      ? `试运行（未写入）：${r.file}，${r.rows} 行，编码 ${r.encoding}`
      : `Dry run (nothing written): ${r.file}, ${r.rows} rows, encoding ${r.encoding}`
    : zh
      ? `已导入 ${r.file}：${r.rows} 行，编码 ${r.encoding}`
      : `Imported ${r.file}: ${r.rows} rows, encoding ${r.encoding}`;
  lines.push(head);
  if (r.invalid) lines.push(zh ? `跳过错误行 ${r.invalid} 行。` : `Skipped ${r.invalid} bad row(s).`);
  const table = renderTable(
    [
      { header: zh ? '类别' : 'records' },
      { header: zh ? '新增' : 'created', align: 'right' },
      { header: zh ? '更新' : 'updated', align: 'right' },
      { header: zh ? '未变' : 'unchanged', align: 'right' },
    ],
    Object.entries(r.result).map(([k, c]) => [pick(ENTITY_LABELS[k] ?? { zh: k, en: k }, lang), c.created, c.updated, c.unchanged]),
    opts,
  );
  const notes: string[] = [];
  if (opts.assumed?.rows) {
    notes.push(
      zh
        ? `注意：${opts.assumed.rows} 行既没有数据日期列也没有 --as-of，余额日期按导入当天 ${opts.assumed.date} 记录（推定）。若花名册是更早导出的，请用 --as-of 导出日期 重新导入。`
        : `Note: ${opts.assumed.rows} row(s) have no as_of column value and no --as-of was given, so their balances are taken as of the import day, ${opts.assumed.date} (assumed). If the roster was exported earlier, import it again with --as-of EXPORT-DATE.`,
    );
  }
  if (opts.olderKept) {
    notes.push(
      zh
        ? `警告：${opts.olderKept} 笔贷款已有更晚日期的余额，本花名册的余额比它旧，已保留原余额（其他信息照常更新）。`
        : `Warning: ${opts.olderKept} loan balance(s) in this roster are older than the ones recorded; the recorded balances were kept (other details updated).`,
    );
  }
  for (const m of merged) {
    notes.push(zh ? `${m.rows} 行写的是已合并的“${m.from}”，已归入“${m.into}”。` : `${m.rows} row(s) name "${m.from}", which has merged; they went to "${m.into}".`);
  }
  if (r.unknownColumns.length) {
    notes.push(
      zh ? `警告：忽略了不认识的列：${r.unknownColumns.join('、')}。` : `Warning: ignored unknown column(s): ${r.unknownColumns.join(', ')}.`,
    );
  }
  const shown = r.problems.slice(0, 20);
  for (const p of shown) notes.push(formatProblem(p, lang));
  if (r.problems.length > shown.length || r.warnings + r.invalid > shown.length) {
    const total = r.problems.length;
    if (total > shown.length) notes.push(zh ? `……共 ${total} 条提示；用 --errors 文件.csv 查看全部。` : `… ${total} notices in all; see them all with --errors FILE.csv.`);
  }
  if (r.warnings) notes.push(zh ? `警告 ${r.warnings} 条。` : `${r.warnings} warning(s).`);
  const tail = opts.ledger ? ledgerLine(opts.ledger, lang) + '\n' : '';
  return { body: lines.join('\n') + '\n' + table + tail, notes };
}

export interface VisitImportSummary {
  created: number;
  duplicates: number;
  outcomes: number;
}

export function visitImportAsJson(r: ImportReport<VisitImportSummary>, warnings: { line: number; text: { zh: string; en: string } }[]): string {
  return asJson({
    file: r.file,
    encoding: r.encoding,
    dry_run: r.dryRun,
    rows: r.rows,
    invalid: r.invalid,
    visits_created: r.result.created,
    duplicates_skipped: r.result.duplicates,
    outcomes: r.result.outcomes,
    unknown_columns: r.unknownColumns,
    warnings: [
      ...r.problems.filter((p) => p.severity === 'warning').map((p) => ({ line: p.line, column: p.column, reason: p.reason.en, reason_zh: p.reason.zh })),
      ...warnings.map((w) => ({ line: w.line, column: null, reason: w.text.en, reason_zh: w.text.zh })),
    ],
    problems: r.problems.filter((p) => p.severity === 'error').map((p) => ({ line: p.line, column: p.column, reason: p.reason.en, reason_zh: p.reason.zh })),
  });
}

export function visitImportAsText(r: ImportReport<VisitImportSummary>, lang: Lang): string {
  const zh = lang === 'zh';
  const lines = [
    r.dryRun
      ? zh
        ? `试运行（未写入）：${r.file}，${r.rows} 行`
        : `Dry run (nothing written): ${r.file}, ${r.rows} rows`
      : zh
        ? `已导入 ${r.file}：${r.rows} 行`
        : `Imported ${r.file}: ${r.rows} rows`,
    zh
      ? `新记录走访 ${r.result.created} 次（${r.result.outcomes} 项结果），重复跳过 ${r.result.duplicates} 行${r.invalid ? `，错误跳过 ${r.invalid} 行` : ''}。`
      : `${r.result.created} visit(s) recorded (${r.result.outcomes} outcomes), ${r.result.duplicates} duplicate row(s) skipped${r.invalid ? `, ${r.invalid} bad row(s) skipped` : ''}.`,
  ];
  for (const p of r.problems.slice(0, 20)) lines.push(formatProblem(p, lang));
  if (r.unknownColumns.length) lines.push(zh ? `警告：忽略了不认识的列：${r.unknownColumns.join('、')}。` : `Warning: ignored unknown column(s): ${r.unknownColumns.join(', ')}.`);
  return lines.join('\n') + '\n';
}
