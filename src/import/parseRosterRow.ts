// Pure parsing and validation of one roster row: header fields in, a RosterRow or located problems out.
import type { Fen } from '../domain/money.js';
import type { IsoDate } from '../domain/dates.js';
import { checkIdNumber, normalizeIdNumber } from '../domain/idNumber.js';
import { parseStance } from '../domain/stance.js';
import { text, type Text } from '../domain/text.js';
import type { FieldSpec, HeaderMap } from './headers.js';
import { cellDate, cellMoney, cellText } from './cells.js';
import type { Cell } from './readTable.js';

export type RosterField =
  | 'township'
  | 'area'
  | 'village'
  | 'group'
  | 'household'
  | 'borrower'
  | 'id_number'
  | 'phone'
  | 'loan_no'
  | 'principal'
  | 'interest'
  | 'loan_date'
  | 'due_date'
  | 'officer'
  | 'guarantor'
  | 'guarantee_until'
  | 'guarantee_type'
  | 'guarantor_address'
  | 'stance'
  | 'as_of';

export const ROSTER_FIELDS: readonly FieldSpec<RosterField>[] = [
  { field: 'township', aliases: ['镇', '乡', '乡镇', '镇名', '乡镇名称', 'town'], required: true },
  { field: 'area', aliases: ['片区', '片'], required: false },
  { field: 'village', aliases: ['村委', '村委会', '村', '行政村', 'village_committee', 'committee'], required: true },
  { field: 'group', aliases: ['组', '自然村', '村民小组', '小组'], required: false },
  { field: 'household', aliases: ['户主', '户', 'household_head'], required: false },
  { field: 'borrower', aliases: ['借款人', '姓名', '借款人姓名', 'name'], required: true },
  { field: 'id_number', aliases: ['身份证号', '身份证', '身份证号码', '证件号码', 'id', 'idno'], required: false },
  { field: 'phone', aliases: ['电话', '手机', '联系电话', '手机号', 'mobile'], required: false },
  { field: 'loan_no', aliases: ['合同编号', '借款合同编号', '贷款编号', '借据号', 'loan', 'contract_no'], required: true },
  { field: 'principal', aliases: ['本金', '贷款余额', '余额', '欠本', 'balance'], required: true },
  { field: 'interest', aliases: ['利息', '欠息', '应收利息'], required: false },
  { field: 'loan_date', aliases: ['放款日期', '发放日期', '借款日期', 'disbursed'], required: false },
  { field: 'due_date', aliases: ['到期日期', '到期日', '还款日期', 'maturity'], required: false },
  { field: 'officer', aliases: ['管户员', '负责人', '信贷员', '客户经理'], required: false },
  { field: 'guarantor', aliases: ['保证人', '担保人'], required: false },
  { field: 'guarantee_until', aliases: ['保证期间至', '保证期限至', '保证到期日', 'guarantee_end'], required: false },
  { field: 'guarantee_type', aliases: ['保证方式', '担保方式', '保证类型'], required: false },
  { field: 'stance', aliases: ['客户类型', '类型', '态度类型'], required: false },
  { field: 'guarantor_address', aliases: ['保证人地址', '保证人住址', '担保人地址', '担保人住址'], required: false },
  // The date the ledger's figures are as of (the back office's export date); else --as-of, else the import day.
  { field: 'as_of', aliases: ['数据日期', '余额日期', 'balance_as_of', 'asof'], required: false },
];

export interface RosterRow {
  line: number;
  township: string;
  area: string | null;
  village: string;
  group: string | null;
  household: string;
  borrower: string;
  idNumber: string | null;
  phone: string | null;
  loanNo: string;
  principalFen: Fen;
  interestFen: Fen;
  loanDate: IsoDate | null;
  dueDate: IsoDate | null;
  officer: string | null;
  guarantor: string | null;
  guaranteeUntil: IsoDate | null;
  /** general (一般保证) or joint (连带责任保证); null: not stated. */
  guaranteeType: 'general' | 'joint' | null;
  stance: string | null;
  guarantorAddress: string | null;
  /** The row's as-of date (column as_of), or null. */
  asOf: IsoDate | null;
}

export interface FieldProblem {
  field: RosterField | null;
  reason: Text;
  severity: 'error' | 'warning';
}

export type RosterRowResult = { row: RosterRow | null; problems: FieldProblem[] };

const MAX_TEXT = 200;

const GUARANTEE_TYPE_ALIASES: Record<string, 'general' | 'joint'> = {
  general: 'general',
  一般: 'general',
  一般保证: 'general',
  joint: 'joint',
  连带: 'joint',
  连带责任: 'joint',
  连带保证: 'joint',
  连带责任保证: 'joint',
};

export function parseRosterRow(line: number, cells: Cell[], header: HeaderMap<RosterField>): RosterRowResult {
  const problems: FieldProblem[] = [];
  const get = (f: RosterField): Cell | undefined => {
    const i = header.index[f];
    return i === undefined ? undefined : cells[i];
  };
  const str = (f: RosterField): string | null => {
    const v = cellText(get(f));
    if (v.length > MAX_TEXT) {
      problems.push({ field: f, reason: text(`内容过长（超过 ${MAX_TEXT} 个字）`, `too long (over ${MAX_TEXT} characters)`), severity: 'error' });
    }
    return v === '' ? null : v;
  };
  const required = (f: RosterField): string => {
    const v = str(f);
    if (v === null) problems.push({ field: f, reason: text('必填项为空', 'a required value is missing'), severity: 'error' });
    return v ?? '';
  };

  const township = required('township');
  const village = required('village');
  const borrower = required('borrower');
  const loanNo = required('loan_no');
  const area = str('area');
  const group = str('group');
  const household = str('household') ?? borrower;

  let principalFen = 0;
  const p = cellMoney(get('principal'));
  if (p.ok) principalFen = p.value;
  else problems.push({ field: 'principal', reason: p.reason, severity: 'error' });

  let interestFen = 0;
  if (cellText(get('interest')) !== '') {
    const i = cellMoney(get('interest'));
    if (i.ok) interestFen = i.value;
    else problems.push({ field: 'interest', reason: i.reason, severity: 'error' });
  }

  const date = (f: RosterField): IsoDate | null => {
    if (cellText(get(f)) === '') return null;
    const d = cellDate(get(f));
    if (d.ok) return d.value;
    problems.push({ field: f, reason: d.reason, severity: 'error' });
    return null;
  };
  const loanDate = date('loan_date');
  const dueDate = date('due_date');
  const guaranteeUntil = date('guarantee_until');
  const asOf = date('as_of');
  const rawType = cellText(get('guarantee_type')).replace(/\s/g, '').toLowerCase();
  const guaranteeType = rawType === '' ? null : (GUARANTEE_TYPE_ALIASES[rawType] ?? null);
  if (rawType !== '' && guaranteeType === null) {
    problems.push({
      field: 'guarantee_type',
      reason: text(`保证方式“${rawType}”无法识别：请写 一般保证 或 连带责任保证（general / joint）`, `guarantee type "${rawType}" is not known: write general (一般保证) or joint (连带责任保证)`),
      severity: 'error',
    });
  }
  if (loanDate && dueDate && dueDate < loanDate) {
    problems.push({ field: 'due_date', reason: text('到期日期早于放款日期', 'the due date is before the loan date'), severity: 'error' });
  }

  let idNumber: string | null = null;
  const idCell = get('id_number');
  // A number that may have lost digits must never identify anyone: it is not imported (a stored number is kept).
  const idIsNumber = typeof idCell === 'number';
  if (idIsNumber) {
    problems.push({
      field: 'id_number',
      reason: text(
        '身份证号在 Excel 中存成了数字，末几位可能已丢失，未导入：请把该列设为文本后重新导出',
        'the ID number is stored as a number in Excel and may have lost digits, so it was not imported: format the column as text and export again',
      ),
      severity: 'warning',
    });
  }
  const rawId = idIsNumber ? null : str('id_number');
  if (rawId) {
    idNumber = normalizeIdNumber(rawId);
    const c = checkIdNumber(idNumber);
    if (idNumber.length !== 18 && idNumber.length !== 15) {
      // Neither a current (18) nor a first-generation (15) number: truncated or mistyped, so it identifies nobody and
      // is not stored (a number already stored is kept), like a number Excel mangled.
      idNumber = null;
      problems.push({
        field: 'id_number',
        reason: text(
          '身份证号既不是 18 位也不是 15 位，未导入：请核对后重新导出',
          'the ID number is neither 18 nor 15 characters long, so it was not imported: check it and export again',
        ),
        severity: 'warning',
      });
    } else if (idNumber.length === 15) {
      if (!/^\d{15}$/.test(idNumber)) {
        problems.push({ field: 'id_number', reason: text('15 位身份证号应全是数字', 'a 15-character ID number is all digits'), severity: 'warning' });
      }
    } else if (c !== 'ok') {
      // Never echo the number itself: it is personal data and messages end up in logs.
      const why =
        c === 'length'
          ? text('身份证号不是 18 位', 'the ID number is not 18 characters long')
          : c === 'format'
            ? text('身份证号含有非法字符', 'the ID number has invalid characters')
            : text('身份证号校验位不符（GB 11643），请核对', 'the ID number check digit does not match (GB 11643): check it');
      problems.push({ field: 'id_number', reason: why, severity: 'warning' });
    }
  }
  const phone = str('phone');
  const rawStance = str('stance');
  const stance = rawStance ? parseStance(rawStance) : null;
  if (rawStance && !stance) {
    problems.push({
      field: 'stance',
      reason: text(
        `不认识的客户类型“${rawStance}”，已忽略：可用挑衅型、推托型、受害者型、自信型、顽固型、老练型、保证还款型`,
        `unknown stance "${rawStance}", ignored: use provocative, evasive, victim, confident, stubborn, sophisticated or promise-maker`,
      ),
      severity: 'warning',
    });
  }

  const hasError = problems.some((x) => x.severity === 'error');
  if (hasError) return { row: null, problems };
  return {
    row: {
      line,
      township,
      area,
      village,
      group,
      household,
      borrower,
      idNumber,
      phone,
      loanNo,
      principalFen,
      interestFen,
      loanDate,
      dueDate,
      officer: str('officer'),
      guarantor: str('guarantor'),
      guaranteeUntil,
      guaranteeType,
      stance,
      guarantorAddress: str('guarantor_address'),
      asOf,
    },
    problems,
  };
}
