// Renders the follow-up agenda: a route by committee and group for people (text, Markdown), JSON and CSV for scripts.
import type { Lang } from '../domain/text.js';
import { pick } from '../domain/text.js';
import { fenToDisplay } from '../domain/money.js';
import { STANCE_INFO } from '../domain/stance.js';
import { STATUS_LABELS, type BorrowerStatus } from '../domain/outcomes.js';
import type { Agenda, AgendaHousehold, AgendaReason } from '../report/agenda.js';
import { asJson } from './table.js';
import { money, tableAsCsv, type DataTable } from './csv.js';
import type { RendererMap } from './render.js';
import type { CsvHeaders } from './registry.js';
import { tableWorkbook } from './xlsx.js';

export function reasonText(r: AgendaReason, lang: Lang): string {
  const zh = lang === 'zh';
  switch (r.kind) {
    case 'limitation-expiring':
      if (r.deadline === 'enforcement-application') {
        return zh ? `${r.loanNo} 须在 ${r.expires} 前申请强制执行（还有 ${r.daysLeft} 天）` : `${r.loanNo} apply for enforcement by ${r.expires} (${r.daysLeft} days)`;
      }
      return zh ? `${r.loanNo} 诉讼时效 ${r.expires} 届满（还有 ${r.daysLeft} 天）` : `${r.loanNo} limitation expires ${r.expires} (${r.daysLeft} days)`;
    case 'promise-broken':
      return zh
        ? `爽约：承诺 ${r.dueDate} 前还 ${fenToDisplay(r.amountFen)}${r.status === 'partly-kept' ? '（只还了一部分）' : ''}`
        : `broken promise: ${fenToDisplay(r.amountFen)} by ${r.dueDate}${r.status === 'partly-kept' ? ' (partly paid)' : ''}`;
    case 'promise-due':
      return zh ? `承诺 ${r.dueDate} 前还 ${fenToDisplay(r.amountFen)}，即将到期` : `promise due: ${fenToDisplay(r.amountFen)} by ${r.dueDate}`;
    case 'guarantee-ending':
      if (r.what === 'limitation') {
        return zh
          ? `${r.loanNo} 保证人 ${r.guarantor} 的诉讼时效 ${r.ends} 届满（还有 ${r.daysLeft} 天）`
          : `${r.loanNo} guarantor ${r.guarantor}'s limitation ends ${r.ends} (${r.daysLeft} days)`;
      }
      return zh
        ? `${r.loanNo} 保证期间 ${r.ends} 结束（还有 ${r.daysLeft} 天）：须向保证人 ${r.guarantor} 主张`
        : `${r.loanNo} guarantee period ends ${r.ends} (${r.daysLeft} days): demand of guarantor ${r.guarantor}`;
    case 'suspended':
      return zh
        ? `${r.loanNo} 借款人${r.deceasedOn ? `于 ${r.deceasedOn} ` : ''}死亡，未确定继承人：时效中止，请查明继承人`
        : `${r.loanNo} the borrower died${r.deceasedOn ? ` on ${r.deceasedOn}` : ''} and no heir is known: suspended; find the heir`;
    case 'after-expiry':
      return r.how === 'waived'
        ? zh
          ? `${r.loanNo} 时效届满后 ${r.on} 放弃时效抗辩，重新计算：请妥善保存证据`
          : `${r.loanNo} waived after expiry on ${r.on}, running again: keep the evidence safe`
        : zh
          ? `${r.loanNo} 时效届满后 ${r.on} 有重新确认记录：请核对证据`
          : `${r.loanNo} reconfirmation after expiry on ${r.on}: check the evidence`;
    case 'never-visited':
      return zh ? '从未走访' : 'never visited';
    case 'not-visited':
      return zh ? `${r.days} 天未走访（上次 ${r.lastVisit}）` : `not visited for ${r.days} days (last ${r.lastVisit})`;
  }
}

function title(a: Agenda, lang: Lang): string {
  const where = [a.township, a.village].filter(Boolean).join(' / ');
  return lang === 'zh'
    ? `走访安排${where ? ` — ${where}` : ''}（截至 ${a.today}，时效/保证期间提示 ${a.withinDays} 天）：${a.households.length} 户${a.total > a.households.length ? `（共 ${a.total} 户）` : ''}`
    : `Whom to visit next${where ? ` — ${where}` : ''} (as of ${a.today}; limitation and guarantee window ${a.withinDays} days): ${a.households.length} households${a.total > a.households.length ? ` of ${a.total}` : ''}`;
}

function statusText(h: AgendaHousehold, lang: Lang): string | null {
  if (h.borrowerStatus === 'active') return null;
  const s = pick(STATUS_LABELS[h.borrowerStatus as BorrowerStatus] ?? STATUS_LABELS.active, lang);
  return h.statusWhere ? `${s}（${h.statusWhere}）` : s;
}

function householdLines(h: AgendaHousehold, lang: Lang, bullet: string, indent: string): string[] {
  const zh = lang === 'zh';
  const loans = h.loans
    .map((l) => `${l.loanNo}${l.expires ? (zh ? ` 时效至 ${l.expires}` : ` limitation ${l.expires}`) : l.suspended ? (zh ? ' 时效中止' : ' suspended') : ''}${l.limitationStatus === 'expired' || l.limitationStatus === 'reconfirmed' ? (zh ? '（已届满）' : ' (expired)') : ''}`)
    .join(zh ? '；' : '; ');
  const st = statusText(h, lang);
  const lines = [
    `${bullet}${h.rank}. ${h.householdHead}${st ? `  [${st}]` : ''}  ${zh ? '本金' : 'principal'} ${fenToDisplay(h.principalFen)}  ${zh ? '利息' : 'interest'} ${fenToDisplay(h.interestFen)}  ${zh ? '上次走访' : 'last visit'}: ${h.lastVisit ?? (zh ? '无' : 'never')}`,
    `${indent}${zh ? '原因' : 'why'}: ${h.reasons.map((r) => reasonText(r, lang)).join(zh ? '；' : '; ')}`,
    `${indent}${zh ? '贷款' : 'loans'}: ${loans}`,
  ];
  if (h.openPromise) lines.push(`${indent}${zh ? '未到期承诺' : 'open promise'}: ${fenToDisplay(h.openPromise.amountFen)} ${zh ? '于' : 'by'} ${h.openPromise.dueDate}`);
  if (h.stance) {
    const info = STANCE_INFO[h.stance];
    lines.push(`${indent}${zh ? '类型' : 'stance'}: ${pick(info.label, lang)} — ${pick(info.approach, lang)}`);
  }
  return lines;
}

export function agendaAsText(a: Agenda, lang: Lang): string {
  const zh = lang === 'zh';
  const out = [title(a, lang)];
  if (a.households.length === 0) out.push(zh ? '没有需要跟进的农户。' : 'No household needs a visit.');
  for (const v of a.route) {
    out.push('', `■ ${v.village}`);
    for (const g of v.groups) {
      out.push(`  ${g.group ?? (zh ? '（未分组）' : '(no group)')}`);
      for (const h of g.households) out.push(...householdLines(h, lang, '    ', '       '));
    }
  }
  return out.join('\n') + '\n';
}

export function agendaAsMarkdown(a: Agenda, lang: Lang): string {
  const zh = lang === 'zh';
  const out = [`# ${title(a, lang)}`];
  if (a.households.length === 0) out.push('', zh ? '没有需要跟进的农户。' : 'No household needs a visit.');
  for (const v of a.route) {
    out.push('', `## ${v.village}`);
    for (const g of v.groups) {
      out.push('', `### ${g.group ?? (zh ? '（未分组）' : '(no group)')}`, '');
      for (const h of g.households) {
        const [first, ...rest] = householdLines(h, lang, '- ', '  - ');
        out.push(first!.replace(/^- (\d+)\. ([^ ]+)/, '- $1. **$2**'), ...rest);
      }
    }
  }
  return out.join('\n') + '\n';
}

function reasonJson(r: AgendaReason) {
  switch (r.kind) {
    case 'limitation-expiring':
      return { kind: r.kind, loan_no: r.loanNo, expires: r.expires, days_left: r.daysLeft, deadline: r.deadline };
    case 'suspended':
      return { kind: r.kind, loan_no: r.loanNo, deceased_on: r.deceasedOn };
    case 'after-expiry':
      return { kind: r.kind, loan_no: r.loanNo, how: r.how, on: r.on };
    case 'promise-broken':
      return { kind: r.kind, loan_no: r.loanNo, amount_fen: r.amountFen, due_date: r.dueDate, status: r.status };
    case 'promise-due':
      return { kind: r.kind, loan_no: r.loanNo, amount_fen: r.amountFen, due_date: r.dueDate };
    case 'guarantee-ending':
      return { kind: r.kind, loan_no: r.loanNo, guarantor: r.guarantor, ends: r.ends, days_left: r.daysLeft, what: r.what };
    case 'never-visited':
      return { kind: r.kind };
    case 'not-visited':
      return { kind: r.kind, last_visit: r.lastVisit, days: r.days };
  }
}

function householdJson(h: AgendaHousehold) {
  return {
    rank: h.rank,
    household_id: h.householdId,
    household_head: h.householdHead,
    township: h.township,
    area: h.area,
    village: h.village,
    group: h.group,
    reasons: h.reasons.map(reasonJson),
    principal_fen: h.principalFen,
    interest_fen: h.interestFen,
    last_visit: h.lastVisit,
    open_promise: h.openPromise ? { amount_fen: h.openPromise.amountFen, due_date: h.openPromise.dueDate, loan_no: h.openPromise.loanNo } : null,
    stance: h.stance,
    approach: h.stance ? STANCE_INFO[h.stance].approach : null,
    borrower_status: h.borrowerStatus,
    status_where: h.statusWhere,
    loans: h.loans.map((l) => ({
      loan_no: l.loanNo,
      borrower: l.borrower,
      principal_fen: l.principalFen,
      interest_fen: l.interestFen,
      due_date: l.dueDate,
      limitation_status: l.limitationStatus,
      expires: l.expires,
      days_left: l.daysLeft,
      suspended: l.suspended,
    })),
  };
}

export function agendaAsJson(a: Agenda): string {
  return asJson({
    today: a.today,
    within_days: a.withinDays,
    township: a.township,
    village: a.village,
    total: a.total,
    households: a.households.map(householdJson),
    route: a.route.map((v) => ({ village: v.village, groups: v.groups.map((g) => ({ group: g.group, ranks: g.households.map((h) => h.rank) })) })),
  });
}

function agendaTable(a: Agenda, lang: Lang): DataTable {
  return {
    columns: ['rank', 'township', 'village', 'group', 'household_head', 'reasons', 'reason_kinds', 'loans', 'principal', 'interest', 'last_visit', 'open_promise_amount', 'open_promise_date', 'stance'],
    labels: { loans: { zh: '合同编号', en: 'Loans' }, principal: { zh: '贷款余额', en: 'Principal' }, interest: { zh: '欠息', en: 'Interest' } },
    rows: a.households.map((h) => [
      h.rank,
      h.township,
      h.village,
      h.group,
      h.householdHead,
      h.reasons.map((r) => reasonText(r, lang)).join('; '),
      h.reasons.map((r) => r.kind).join(' '),
      h.loans.map((l) => l.loanNo).join(' '),
      money(h.principalFen),
      money(h.interestFen),
      h.lastVisit,
      money(h.openPromise?.amountFen),
      h.openPromise?.dueDate,
      h.stance,
    ]),
  };
}

export function agendaAsCsv(a: Agenda, lang: Lang, headers: CsvHeaders = 'en'): string {
  return tableAsCsv(agendaTable(a, lang), headers);
}

export const agendaRenderers: RendererMap<'agenda', Agenda> = {
  text: (a, o) => agendaAsText(a, o.lang),
  md: (a, o) => agendaAsMarkdown(a, o.lang),
  json: (a) => agendaAsJson(a),
  csv: (a, o) => agendaAsCsv(a, o.lang, o.headers),
  xlsx: (a, o) => tableWorkbook(o.lang === 'zh' ? '走访安排' : 'Agenda', agendaTable(a, o.lang), o.lang, { title: title(a, o.lang) }),
};
