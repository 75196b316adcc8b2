// Pure parsing and validation of one row of a visits file.
import type { Fen } from '../domain/money.js';
import type { IsoDate } from '../domain/dates.js';
import { NOT_SIGNED_REASONS, SIGNED_BY, parseOutcomeKind, type NotSignedReason, type OutcomeKind, type SignedBy } from '../domain/outcomes.js';
import { text } from '../domain/text.js';
import { visitProblems, type OutcomeInput, type VisitRule } from '../domain/visit.js';
import type { FieldSpec, HeaderMap } from './headers.js';
import { cellDate, cellMoney, cellText } from './cells.js';
import type { Cell } from './readTable.js';
import type { FieldProblem } from './parseRosterRow.js';

export type VisitField =
  | 'visit_date'
  | 'loan_no'
  | 'officer'
  | 'outcome'
  | 'principal_paid'
  | 'interest_paid'
  | 'promise_amount'
  | 'promise_date'
  | 'notice_no'
  | 'signed_by'
  | 'relation'
  | 'reason'
  | 'where'
  | 'note'
  | 'escalate'
  | 'visit_id';

export const VISIT_FIELDS: readonly FieldSpec<VisitField>[] = [
  { field: 'visit_date', aliases: ['走访日期', '日期', '催收日期', 'date'], required: true },
  { field: 'loan_no', aliases: ['合同编号', '借款合同编号', '贷款编号', '借据号', 'loan'], required: true },
  { field: 'officer', aliases: ['催收员', '信贷员', '管户员', '负责人'], required: true },
  { field: 'outcome', aliases: ['结果', '走访结果', '催收结果', 'outcomes'], required: true },
  { field: 'principal_paid', aliases: ['收回本金', '还本', '本金'], required: false },
  { field: 'interest_paid', aliases: ['收回利息', '还息', '利息'], required: false },
  { field: 'promise_amount', aliases: ['承诺金额', '意向金额'], required: false },
  { field: 'promise_date', aliases: ['承诺日期', '承诺还款日期', '意向日期'], required: false },
  { field: 'notice_no', aliases: ['通知书编号', '催收通知书编号'], required: false },
  { field: 'signed_by', aliases: ['签收人', '签收'], required: false },
  { field: 'relation', aliases: ['与借款人关系', '关系'], required: false },
  { field: 'reason', aliases: ['未签原因', '原因'], required: false },
  { field: 'where', aliases: ['去向', '外出地点', '地点'], required: false },
  { field: 'note', aliases: ['备注', '说明'], required: false },
  { field: 'escalate', aliases: ['需协助', '上报事项', '其他情况'], required: false },
  { field: 'visit_id', aliases: ['走访编号', '记录编号'], required: false },
];

export interface VisitRow {
  line: number;
  visitDate: IsoDate;
  loanNo: string;
  officer: string;
  outcomes: OutcomeKind[];
  principalFen: Fen | null;
  interestFen: Fen | null;
  promiseAmountFen: Fen | null;
  promiseDate: IsoDate | null;
  noticeNo: string | null;
  signedBy: SignedBy | null;
  relation: string | null;
  reason: NotSignedReason | null;
  where: string | null;
  note: string | null;
  escalate: string | null;
  visitId: string | null;
}

const REASON_ALIASES: Record<string, NotSignedReason> = {
  外出: 'away',
  外出务工: 'away',
  拒签: 'refused',
  拒绝: 'refused',
  未找到: 'not-found',
  找不到: 'not-found',
  死亡: 'deceased',
  已死亡: 'deceased',
  其他: 'other',
};
const SIGNED_ALIASES: Record<string, SignedBy> = { 本人: 'borrower', 借款人: 'borrower', 亲属: 'relative', 家属: 'relative', 保证人: 'guarantor', 担保人: 'guarantor' };

/** The column and the file's wording for each rule of checkVisit a row can break (the rest are checked elsewhere). */
const FILE_RULES: Partial<Record<VisitRule, { column: VisitField; message: [string, string] }>> = {
  'cash-amount': { column: 'principal_paid', message: ['现金收回需要收回本金或收回利息', 'cash needs principal_paid or interest_paid'] },
  'intent-amount': { column: 'promise_amount', message: ['还款意向需要承诺金额', 'an intent needs promise_amount'] },
  'intent-date': { column: 'promise_date', message: ['还款意向需要承诺日期', 'an intent needs promise_date'] },
  'promise-before-visit': { column: 'promise_date', message: ['承诺日期早于走访日期', 'promise_date is before visit_date'] },
  'not-signed-reason': { column: 'reason', message: ['未签回需要原因', 'not-signed needs a reason'] },
  'signed-and-not-signed': { column: 'outcome', message: ['同一行不能既签回又未签回', 'one row cannot be both notice-signed and not-signed'] },
};

export function parseVisitRow(line: number, cells: Cell[], header: HeaderMap<VisitField>): { row: VisitRow | null; problems: FieldProblem[] } {
  const problems: (FieldProblem & { field: VisitField | null })[] = [];
  const get = (f: VisitField): Cell | undefined => {
    const i = header.index[f];
    return i === undefined ? undefined : cells[i];
  };
  const str = (f: VisitField): string | null => {
    const v = cellText(get(f));
    return v === '' ? null : v;
  };
  const err = (f: VisitField, zh: string, en: string) => problems.push({ field: f as never, reason: text(zh, en), severity: 'error' });

  const loanNo = str('loan_no');
  if (!loanNo) err('loan_no', '必填项为空', 'a required value is missing');
  const officer = str('officer');
  if (!officer) err('officer', '必填项为空', 'a required value is missing');
  let visitDate: IsoDate | null = null;
  if (!str('visit_date')) err('visit_date', '必填项为空', 'a required value is missing');
  else {
    const d = cellDate(get('visit_date'));
    if (d.ok) visitDate = d.value;
    else problems.push({ field: 'visit_date' as never, reason: d.reason, severity: 'error' });
  }
  const outcomes: OutcomeKind[] = [];
  const rawOutcome = str('outcome');
  if (!rawOutcome) err('outcome', '必填项为空', 'a required value is missing');
  else {
    for (const part of rawOutcome.split(/[;；,，、]/).map((s) => s.trim()).filter(Boolean)) {
      const k = parseOutcomeKind(part);
      if (!k) err('outcome', `不认识的结果“${part}”：可用 notice-signed、not-signed、cash、intent、statute-expired、note`, `unknown outcome "${part}": use notice-signed, not-signed, cash, intent, statute-expired, note`);
      else if (!outcomes.includes(k)) outcomes.push(k);
    }
  }
  const money = (f: VisitField): Fen | null => {
    if (cellText(get(f)) === '') return null;
    const m = cellMoney(get(f));
    if (m.ok) return m.value;
    problems.push({ field: f as never, reason: m.reason, severity: 'error' });
    return null;
  };
  const principalFen = money('principal_paid');
  const interestFen = money('interest_paid');
  const promiseAmountFen = money('promise_amount');
  let promiseDate: IsoDate | null = null;
  if (str('promise_date')) {
    const d = cellDate(get('promise_date'));
    if (d.ok) promiseDate = d.value;
    else problems.push({ field: 'promise_date' as never, reason: d.reason, severity: 'error' });
  }
  let reason: NotSignedReason | null = null;
  const rawReason = str('reason');
  if (rawReason) {
    reason = (NOT_SIGNED_REASONS as readonly string[]).includes(rawReason) ? (rawReason as NotSignedReason) : (REASON_ALIASES[rawReason] ?? null);
    if (!reason) err('reason', `不认识的原因“${rawReason}”：可用 away、refused、not-found、deceased、other`, `unknown reason "${rawReason}": use away, refused, not-found, deceased, other`);
  }
  let signedBy: SignedBy | null = null;
  const rawSigned = str('signed_by');
  if (rawSigned) {
    signedBy = (SIGNED_BY as readonly string[]).includes(rawSigned) ? (rawSigned as SignedBy) : (SIGNED_ALIASES[rawSigned] ?? null);
    if (!signedBy) err('signed_by', `签收人只能是 borrower（本人）、relative（亲属）或 guarantor（保证人），而不是“${rawSigned}”`, `signed_by must be borrower, relative or guarantor, not "${rawSigned}"`);
  }
  // What each outcome needs: the rules of checkVisit (one place), located at the column that lacks it.
  if (!outcomes.includes('cash') && (principalFen || interestFen)) {
    err('outcome', '填了收回金额，但结果里没有 cash', 'amounts paid are filled in but the outcome has no cash');
  }
  if (outcomes.length > 0) {
    // Every outcome of a row is on the row's loan (0 stands for it here).
    const rowOutcomes: OutcomeInput[] = outcomes.map((kind) => ({ kind, loanId: 0, principalFen, interestFen, promiseAmountFen, promiseDate, reason }));
    const broken = visitProblems({ householdId: 0, borrowerId: null, visitDate: visitDate ?? '', officer: officer ?? '-', source: 'import', createdAt: '', outcomes: rowOutcomes });
    for (const p of broken) {
      const where = FILE_RULES[p.rule];
      if (where) err(where.column, ...where.message);
    }
  }
  const relation = str('relation');
  if (signedBy === 'relative' && !relation && !str('note')) {
    problems.push({ field: 'relation' as never, reason: text('亲属代签最好写明关系（relation 列）', 'a relative’s signature should give the relation (relation column)'), severity: 'warning' });
  }
  if (problems.some((p) => p.severity === 'error')) return { row: null, problems: problems as FieldProblem[] };
  return {
    row: {
      line,
      visitDate: visitDate!,
      loanNo: loanNo!,
      officer: officer!,
      outcomes,
      principalFen,
      interestFen,
      promiseAmountFen,
      promiseDate,
      noticeNo: str('notice_no'),
      signedBy,
      relation,
      reason,
      where: str('where'),
      note: str('note'),
      escalate: str('escalate'),
      visitId: str('visit_id'),
    },
    problems: problems as FieldProblem[],
  };
}
