// The follow-up agenda: which households to visit next and why, most urgent first, grouped for a day's route.
import { addDays, daysBetween, type IsoDate } from '../domain/dates.js';
import type { LimitationStatus } from '../domain/limitation.js';
import { isBroken, type PromiseDue, type PromiseStatus } from '../domain/promise.js';
import { parseStance, type Stance } from '../domain/stance.js';
import { guarantorDeadline } from '../domain/guarantee.js';
import { loanClockRow, type ClockOptions, type LoanClockFacts, type LoanClockRow } from './limitation.js';

/** Households not seen for this many days are due a visit. */
export const STALE_VISIT_DAYS = 90;
/** Open promises falling due within this many days are a reason to go: the coming week. */
export const PROMISE_DUE_DAYS = 7;

export interface AgendaHouseholdFacts {
  householdId: number;
  householdHead: string;
  lastVisit: IsoDate | null;
  stance: string | null;
  borrowerStatus: string;
  statusWhere: string | null;
}

/** The parts of a promise (src/db/promises.ts PromiseRow) the agenda reads. */
export type AgendaPromise = PromiseDue;

export type AgendaReason =
  | { kind: 'limitation-expiring'; loanNo: string; expires: IsoDate; daysLeft: number; deadline: 'limitation' | 'enforcement-application' }
  | { kind: 'promise-broken'; loanNo: string | null; amountFen: number; dueDate: IsoDate; status: PromiseStatus }
  | { kind: 'promise-due'; loanNo: string | null; amountFen: number; dueDate: IsoDate }
  | { kind: 'guarantee-ending'; loanNo: string; guarantor: string; ends: IsoDate; daysLeft: number; what: 'period' | 'limitation' }
  | { kind: 'suspended'; loanNo: string; deceasedOn: IsoDate | null }
  | { kind: 'after-expiry'; loanNo: string; how: 'waived' | 'reconfirmed'; on: IsoDate }
  | { kind: 'never-visited' }
  | { kind: 'not-visited'; lastVisit: IsoDate; days: number };

const REASON_RANK: Record<AgendaReason['kind'], number> = {
  'limitation-expiring': 0,
  'promise-broken': 1,
  'promise-due': 2,
  'guarantee-ending': 3,
  suspended: 4,
  'after-expiry': 5,
  'never-visited': 6,
  'not-visited': 7,
};

export interface AgendaLoan {
  loanNo: string;
  borrower: string;
  principalFen: number;
  interestFen: number;
  dueDate: IsoDate | null;
  limitationStatus: LimitationStatus | null;
  expires: IsoDate | null;
  daysLeft: number | null;
  suspended: boolean;
}

export interface AgendaHousehold {
  rank: number;
  householdId: number;
  householdHead: string;
  township: string;
  area: string | null;
  village: string;
  group: string | null;
  reasons: AgendaReason[];
  loans: AgendaLoan[];
  principalFen: number;
  interestFen: number;
  lastVisit: IsoDate | null;
  openPromise: { amountFen: number; dueDate: IsoDate; loanNo: string | null } | null;
  stance: Stance | null;
  borrowerStatus: string;
  statusWhere: string | null;
}

export interface AgendaRoute {
  village: string;
  groups: { group: string | null; households: AgendaHousehold[] }[];
}

export interface Agenda {
  today: IsoDate;
  withinDays: number;
  township: string | null;
  village: string | null;
  /** Households with a reason, before --limit. */
  total: number;
  households: AgendaHousehold[];
  route: AgendaRoute[];
}

function reasonKey(r: AgendaReason, today: IsoDate): number {
  switch (r.kind) {
    case 'limitation-expiring':
    case 'guarantee-ending':
      return r.daysLeft;
    case 'promise-broken':
    case 'promise-due':
      return daysBetween(today, r.dueDate);
    case 'suspended':
    case 'never-visited':
      return 0;
    case 'after-expiry':
      return daysBetween(r.on, today);
    case 'not-visited':
      return -r.days;
  }
}

function compareReasons(a: AgendaReason, b: AgendaReason, today: IsoDate): number {
  return REASON_RANK[a.kind] - REASON_RANK[b.kind] || reasonKey(a, today) - reasonKey(b, today);
}

export function buildAgenda(
  loans: LoanClockFacts[],
  households: AgendaHouseholdFacts[],
  promises: AgendaPromise[],
  o: ClockOptions & { township?: string | null; village?: string | null; limit?: number | null },
): Agenda {
  const byHousehold = new Map<number, LoanClockRow[]>();
  for (const f of loans) {
    const row = loanClockRow(f, o);
    if (!row.outstanding) continue;
    const list = byHousehold.get(f.householdId) ?? [];
    list.push(row);
    byHousehold.set(f.householdId, list);
  }
  const promisesBy = new Map<number, AgendaPromise[]>();
  for (const p of promises) {
    const list = promisesBy.get(p.householdId) ?? [];
    list.push(p);
    promisesBy.set(p.householdId, list);
  }

  const top = agendaCollector(o);
  for (const h of households) {
    const rows = byHousehold.get(h.householdId);
    if (!rows || rows.length === 0) continue;
    top.add(rows, h, promisesBy.get(h.householdId) ?? []);
  }
  return top.finish();
}

/**
 * One household's entry: its reasons to go, its outstanding loans (`rows`, in place order) and promises; null when
 * there is no reason to go.
 */
function agendaHousehold(rows: LoanClockRow[], h: AgendaHouseholdFacts, ps: AgendaPromise[], o: ClockOptions): AgendaHousehold | null {
  const today = o.today;
  const reasons: AgendaReason[] = [];
  for (const r of rows) {
    const c = r.clock;
    if (c && c.status === 'expiring' && c.expires) {
      reasons.push({ kind: 'limitation-expiring', loanNo: r.facts.loanNo, expires: c.expires, daysLeft: c.daysLeft ?? 0, deadline: c.deadlineKind === 'enforcement-application' ? 'enforcement-application' : 'limitation' });
    }
    if (c && c.suspended) reasons.push({ kind: 'suspended', loanNo: r.facts.loanNo, deceasedOn: r.facts.deceasedOn });
    // After expiry: a waiver gave a new period, a reconfirmation needs its evidence checked; both are for the legal officer.
    if (c && c.waivedOn && c.status !== 'expired') reasons.push({ kind: 'after-expiry', loanNo: r.facts.loanNo, how: 'waived', on: c.waivedOn });
    if (c && c.status === 'reconfirmed' && c.reconfirmedOn) reasons.push({ kind: 'after-expiry', loanNo: r.facts.loanNo, how: 'reconfirmed', on: c.reconfirmedOn });
    const g = r.guarantee;
    const gd = guarantorDeadline(r.guarantee, o.withinDays);
    if (g && gd) reasons.push({ kind: 'guarantee-ending', loanNo: r.facts.loanNo, guarantor: g.guarantor, ends: gd.date, daysLeft: gd.daysLeft, what: gd.kind });
  }
  let openPromise: AgendaHousehold['openPromise'] = null;
  for (const p of ps) {
    // A broken promise stays on the agenda until someone has been back after its date.
    if (isBroken(p.status) && (h.lastVisit === null || h.lastVisit <= p.dueDate)) {
      reasons.push({ kind: 'promise-broken', loanNo: p.loanNo, amountFen: p.amountFen, dueDate: p.dueDate, status: p.status });
    }
    if (p.status === 'open') {
      if (!openPromise || p.dueDate < openPromise.dueDate) openPromise = { amountFen: p.amountFen, dueDate: p.dueDate, loanNo: p.loanNo };
      if (p.dueDate <= addDays(today, PROMISE_DUE_DAYS)) reasons.push({ kind: 'promise-due', loanNo: p.loanNo, amountFen: p.amountFen, dueDate: p.dueDate });
    }
  }
  if (h.lastVisit === null) reasons.push({ kind: 'never-visited' });
  else {
    const days = daysBetween(h.lastVisit, today);
    if (days >= STALE_VISIT_DAYS) reasons.push({ kind: 'not-visited', lastVisit: h.lastVisit, days });
  }
  if (reasons.length === 0) return null;
  reasons.sort((a, b) => compareReasons(a, b, today));
  const first = rows[0]!.facts;
  return {
    rank: 0,
    householdId: h.householdId,
    householdHead: h.householdHead,
    township: first.township,
    area: first.area,
    village: first.village,
    group: first.group,
    reasons,
    loans: rows.map((r) => ({
      loanNo: r.facts.loanNo,
      borrower: r.facts.borrower,
      principalFen: r.facts.principalFen,
      interestFen: r.facts.interestFen,
      dueDate: r.facts.dueDate,
      limitationStatus: r.clock?.status ?? null,
      expires: r.clock?.expires ?? null,
      daysLeft: r.clock?.daysLeft ?? null,
      suspended: r.clock?.suspended ?? false,
    })),
    principalFen: rows.reduce((s, r) => s + r.facts.principalFen, 0),
    interestFen: rows.reduce((s, r) => s + r.facts.interestFen, 0),
    lastVisit: h.lastVisit,
    openPromise,
    stance: h.stance ? parseStance(h.stance) : null,
    borrowerStatus: h.borrowerStatus,
    statusWhere: h.statusWhere,
  };
}

let zhCollator: Intl.Collator | undefined;
/** As `a.localeCompare(b, 'zh')`, with one collator. */
function zh(a: string, b: string): number {
  return (zhCollator ??= new Intl.Collator('zh')).compare(a, b);
}

/** Most urgent first; then by committee, group and household head as a reader of Chinese sorts them. */
function compareAgendaHouseholds(a: AgendaHousehold, b: AgendaHousehold, today: IsoDate): number {
  return compareReasons(a.reasons[0]!, b.reasons[0]!, today) || zh(a.village, b.village) || zh(a.group ?? '', b.group ?? '') || zh(a.householdHead, b.householdHead);
}

/**
 * The agenda built a household at a time: households given in order, each with its outstanding loans in place order.
 * With a limit only the most urgent `limit` households are kept (a sorted list of at most `limit`), so memory does not
 * grow with the number of households; equal households keep the order they were given in (as a stable sort).
 */
export function agendaCollector(o: ClockOptions & { township?: string | null; village?: string | null; limit?: number | null }) {
  const today = o.today;
  const limit = o.limit && o.limit > 0 ? o.limit : null;
  const kept: AgendaHousehold[] = [];
  let total = 0;
  const cmp = (a: AgendaHousehold, b: AgendaHousehold) => compareAgendaHouseholds(a, b, today);
  return {
    options: o,
    add(rows: LoanClockRow[], h: AgendaHouseholdFacts, ps: AgendaPromise[]): void {
      const e = agendaHousehold(rows, h, ps, o);
      if (!e) return;
      total++;
      if (limit === null) {
        kept.push(e);
        return;
      }
      if (kept.length === limit && cmp(e, kept[limit - 1]!) >= 0) return;
      // After the last one it does not precede: equal ones keep their arrival order.
      let lo = 0;
      let hi = kept.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cmp(e, kept[mid]!) < 0) hi = mid;
        else lo = mid + 1;
      }
      kept.splice(lo, 0, e);
      if (kept.length > limit) kept.pop();
    },
    finish(): Agenda {
      if (limit === null) kept.sort(cmp);
      const picked = kept;
      picked.forEach((h, i) => (h.rank = i + 1));
      // The route: committees in the order of their most urgent household, then groups the same way.
      const route: AgendaRoute[] = [];
      for (const h of picked) {
        let v = route.find((x) => x.village === h.village);
        if (!v) route.push((v = { village: h.village, groups: [] }));
        let g = v.groups.find((x) => x.group === h.group);
        if (!g) v.groups.push((g = { group: h.group, households: [] }));
        g.households.push(h);
      }
      return { today, withinDays: o.withinDays, township: o.township ?? null, village: o.village ?? null, total, households: picked, route };
    },
  };
}
