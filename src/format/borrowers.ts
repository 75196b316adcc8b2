// Renders borrower search results and one borrower's household, loans and status.
import type { Lang } from '../domain/text.js';
import { pick } from '../domain/text.js';
import type { BorrowerDetail, BorrowerHit, LoanDetail } from '../db/borrowers.js';
import { fenToDisplay } from '../domain/money.js';
import { maskIdNumber, maskPhone } from '../domain/idNumber.js';
import { STATUS_LABELS, type BorrowerStatus } from '../domain/outcomes.js';
import { STANCE_INFO, parseStance } from '../domain/stance.js';
import { asJson, renderTable } from './table.js';
import { money, tableAsCsv, type DataTable } from './csv.js';
import type { RendererMap } from './render.js';
import type { CsvHeaders } from './registry.js';
import { tableWorkbook } from './xlsx.js';

/** Township / area / committee / group, as one line. */
export function place(h: Pick<BorrowerHit, 'township' | 'area' | 'village' | 'group'>): string {
  return [h.township, h.area, h.village, h.group].filter(Boolean).join(' / ');
}

function idOf(s: string | null, unmask: boolean): string | null {
  return unmask ? s : maskIdNumber(s);
}
function phoneOf(s: string | null, unmask: boolean): string | null {
  return unmask ? s : maskPhone(s);
}

function hitJson(h: BorrowerHit, unmask: boolean) {
  return {
    borrower_id: h.borrowerId,
    name: h.name,
    id_number: idOf(h.idNumber, unmask),
    phone: phoneOf(h.phone, unmask),
    township: h.township,
    area: h.area,
    village: h.village,
    group: h.group,
    household_id: h.householdId,
    household_head: h.householdHead,
    status: h.status,
    loans: h.loans,
    principal_fen: h.principalFen,
    interest_fen: h.interestFen,
  };
}

export function borrowerHitsAsJson(hits: BorrowerHit[], unmask: boolean): string {
  return asJson(hits.map((h) => hitJson(h, unmask)));
}

/** The same fields as borrowerHitsAsJson, amounts in yuan; ID numbers and phones masked unless unmask. */
export function borrowerHitsTable(hits: BorrowerHit[], unmask: boolean): DataTable {
  return {
    columns: ['borrower_id', 'name', 'id_number', 'phone', 'township', 'area', 'village', 'group', 'household_id', 'household_head', 'status', 'loans', 'principal', 'interest'],
    labels: { principal: { zh: '贷款余额', en: 'Principal' }, interest: { zh: '欠息', en: 'Interest' } },
    rows: hits.map((h) => [
      h.borrowerId,
      h.name,
      idOf(h.idNumber, unmask),
      phoneOf(h.phone, unmask),
      h.township,
      h.area,
      h.village,
      h.group,
      h.householdId,
      h.householdHead,
      h.status,
      h.loans,
      money(h.principalFen),
      money(h.interestFen),
    ]),
  };
}

export function borrowerHitsAsCsv(hits: BorrowerHit[], unmask: boolean, headers: CsvHeaders = 'en'): string {
  return tableAsCsv(borrowerHitsTable(hits, unmask), headers);
}

export const borrowerFindRenderers: RendererMap<'borrower find', BorrowerHit[]> = {
  text: (hits, o) => borrowerHitsAsText(hits, o.lang, !!o.unmask, { ascii: o.ascii, width: o.width }),
  json: (hits, o) => borrowerHitsAsJson(hits, !!o.unmask),
  csv: (hits, o) => borrowerHitsAsCsv(hits, !!o.unmask, o.headers),
  xlsx: (hits, o) => tableWorkbook(o.lang === 'zh' ? '借款人' : 'Borrowers', borrowerHitsTable(hits, !!o.unmask), o.lang),
};

export function borrowerHitsAsText(hits: BorrowerHit[], lang: Lang, unmask: boolean, opts: { ascii?: boolean; width?: number }): string {
  const zh = lang === 'zh';
  if (hits.length === 0) {
    return zh
      ? '没有找到。可以只输入姓名的一部分（如“房”），或身份证号、手机号的后几位，或合同编号。\n'
      : 'No match. Try part of a name, the last digits of an ID number or phone, or a loan number.\n';
  }
  return renderTable(
    [
      { header: zh ? '编号' : 'id', align: 'right' },
      { header: zh ? '姓名' : 'name' },
      { header: zh ? '地点' : 'place', maxWidth: 44 },
      { header: zh ? '身份证号' : 'ID number' },
      { header: zh ? '电话' : 'phone' },
      { header: zh ? '合同编号' : 'loans', maxWidth: 30, noTruncate: true },
      { header: zh ? '贷款余额' : 'principal', align: 'right' },
      { header: zh ? '状态' : 'status' },
    ],
    hits.map((h) => [
      h.borrowerId,
      h.name,
      place(h),
      idOf(h.idNumber, unmask) ?? '',
      phoneOf(h.phone, unmask) ?? '',
      h.loanNos ?? '',
      fenToDisplay(h.principalFen),
      pick(STATUS_LABELS[h.status as BorrowerStatus] ?? STATUS_LABELS.active, lang),
    ]),
    opts,
  );
}

function loanJson(l: LoanDetail) {
  return {
    loan_no: l.loanNo,
    borrower: l.borrower,
    principal_fen: l.principalFen,
    interest_fen: l.interestFen,
    roster_principal_fen: l.rosterPrincipalFen,
    roster_interest_fen: l.rosterInterestFen,
    balance_as_of: l.balanceAsOf,
    loan_date: l.loanDate,
    due_date: l.dueDate,
    officer: l.officer,
    guarantor: l.guarantor,
    guarantee_until: l.guaranteeUntil,
  };
}

/** Always one object: `borrower show` refuses a reference that matches several borrowers. */
export function borrowerAsJson(x: BorrowerDetail, unmask: boolean): string {
  return asJson({
    ...hitJson(x, unmask),
    status_where: x.statusWhere,
    status_since: x.statusSince,
    deceased_on: x.deceasedOn,
    heir: x.heirName,
    stance: x.stance,
    former_village: x.formerVillage,
    household_members: x.householdMembers.map((m) => ({ borrower_id: m.borrowerId, name: m.name })),
    household_loans: x.householdLoans.map(loanJson),
  });
}

export function loansTable(loans: LoanDetail[], lang: Lang, opts: { ascii?: boolean; width?: number }): string {
  const zh = lang === 'zh';
  return renderTable(
    [
      { header: zh ? '合同编号' : 'loan', noTruncate: true },
      { header: zh ? '借款人' : 'borrower' },
      { header: zh ? '贷款余额' : 'principal', align: 'right' },
      { header: zh ? '欠息' : 'interest', align: 'right' },
      { header: zh ? '放款日期' : 'disbursed' },
      { header: zh ? '到期日期' : 'due' },
      { header: zh ? '保证人' : 'guarantor' },
      { header: zh ? '管户员' : 'officer' },
    ],
    loans.map((l) => [l.loanNo, l.borrower, fenToDisplay(l.principalFen), fenToDisplay(l.interestFen), l.loanDate ?? '', l.dueDate ?? '', l.guarantor ?? '', l.officer ?? '']),
    opts,
  );
}

export function stanceLine(stance: string | null, lang: Lang): string | null {
  const s = stance ? parseStance(stance) : null;
  if (!s) return null;
  const info = STANCE_INFO[s];
  return `${pick(info.label, lang)}: ${pick(info.approach, lang)}`;
}

/** A borrower's status for people: away with where, deceased with the date. */
export function statusText(d: Pick<BorrowerDetail, 'status' | 'statusWhere' | 'deceasedOn'>, lang: Lang): string {
  const status = pick(STATUS_LABELS[d.status as BorrowerStatus] ?? STATUS_LABELS.active, lang);
  if (d.status === 'away' && d.statusWhere) return `${status}（${d.statusWhere}）`;
  if (d.status === 'deceased' && d.deceasedOn) return `${status}（${d.deceasedOn}）`;
  return status;
}

export function borrowerAsText(d: BorrowerDetail, lang: Lang, unmask: boolean, opts: { ascii?: boolean; width?: number }): string {
  const zh = lang === 'zh';
  const lines = [
    `${d.name}  #${d.borrowerId}`,
    `${zh ? '地点' : 'Place'}: ${place(d)}${d.formerVillage ? (zh ? `（原${d.formerVillage}）` : ` (formerly ${d.formerVillage})`) : ''}`,
    `${zh ? '户主' : 'Household head'}: ${d.householdHead}   ${zh ? '户内借款人' : 'borrowers in household'}: ${d.householdMembers.map((m) => m.name).join(zh ? '、' : ', ')}`,
    `${zh ? '身份证号' : 'ID number'}: ${idOf(d.idNumber, unmask) ?? '-'}   ${zh ? '电话' : 'Phone'}: ${phoneOf(d.phone, unmask) ?? '-'}`,
    `${zh ? '状态' : 'Status'}: ${statusText(d, lang)}${d.heirName ? (zh ? `   继承人：${d.heirName}` : `   heir: ${d.heirName}`) : ''}`,
  ];
  const st = stanceLine(d.stance, lang);
  if (st) lines.push(`${zh ? '类型' : 'Stance'}: ${st}`);
  return lines.join('\n') + '\n' + loansTable(d.householdLoans, lang, opts);
}
