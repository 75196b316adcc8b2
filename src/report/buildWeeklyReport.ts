// The weekly township visit summary as a value: week facts in, sections (township, then each area), totals and next week's plan out.
import type { IsoDate } from '../domain/dates.js';
import type { Fen } from '../domain/money.js';
import { NOT_SIGNED_REASONS, type NotSignedReason } from '../domain/outcomes.js';
import type { WeekFacts, WeekOutcomeRow, WeekVisitRow } from '../domain/weekFacts.js';

export interface ReportWeek {
  start: IsoDate;
  end: IsoDate;
  /** `2026-W47` when the range is exactly one ISO week, else null. */
  iso: string | null;
}

/** What lies behind a figure: the households counted and the visits that made them count. */
export interface Trace {
  householdIds: number[];
  visitIds: number[];
}

export interface Counter {
  households: number;
  trace: Trace;
}

export interface Person {
  name: string;
  village: string;
  group: string | null;
  householdId: number;
}

export interface NotSignedFigures extends Counter {
  /** Households by the reason of their latest not-signed outcome in the week; the reasons add up to `households`. */
  reasons: Record<NotSignedReason, number>;
  /** Where the households away are working, as recorded. */
  away: { name: string; where: string | null }[];
  borrowers: Person[];
}

export interface CashFigures extends Counter {
  payments: number;
  principalFen: Fen;
  interestFen: Fen;
  /** Of principalFen + interestFen, what the ledger does not show yet (not posted, or interest not determinable). */
  unpostedFen: Fen;
  borrowers: Person[];
}

export interface IntentFigures extends Counter {
  borrowers: Person[];
  /** Outstanding principal at the start of the week of the loans the intents cover. */
  principalFen: Fen;
}

export interface ListedCounter extends Counter {
  borrowers: Person[];
}

/** The counters every section, committee line and total carries. */
export interface Figures {
  households: number;
  householdsTrace: Trace;
  householdsVisited: number;
  householdsVisitedTrace: Trace;
  noticeSigned: Counter;
  notSigned: NotSignedFigures;
  cash: CashFigures;
  intent: IntentFigures;
  statuteExpired: ListedCounter;
  notReached: Counter;
}

export interface Matter {
  village: string;
  group: string | null;
  /** The committee the household's group belonged to before a merge. */
  formerVillage: string | null;
  text: string;
  borrower: string;
  date: IsoDate;
  visitId: number;
}

export interface VillageLine extends Figures {
  villageId: number;
  village: string;
}

export interface TownshipProfile {
  committees: number | null;
  population: number | null;
  livelihood: string | null;
}

export interface Section extends Figures {
  township: string;
  area: string | null;
  /** Set on the first section of each township. */
  profile: TownshipProfile | null;
  villagesVisited: string[];
  team: string[];
  firstDate: IsoDate;
  lastDate: IsoDate;
  villages: VillageLine[];
  matters: Matter[];
}

/** An open promise falling due in the week after the report's. */
export interface PromiseDueInput {
  borrower: string;
  township: string;
  village: string;
  group: string | null;
  householdId: number;
  visitId: number;
  /** The promise's visit across laptops (visit_id is this database's row id). */
  visitUid: string;
  loanNo: string | null;
  amountFen: Fen;
  dueDate: IsoDate;
  status: string;
}

export interface WeeklyReport {
  week: ReportWeek;
  scope: { township: string | null; officer: string | null };
  sections: Section[];
  totals: Figures & { villagesVisited: string[]; matters: Matter[] };
  nextWeek: { start: IsoDate; end: IsoDate; promisesDue: PromiseDueInput[]; township: string | null };
  /** Contacts by another channel than a field visit, by channel: a line of their own, never in the figures. */
  otherContacts: Record<string, number>;
}

export interface WeeklyReportInput {
  week: ReportWeek;
  scope: { township: string | null; officer: string | null };
  facts: WeekFacts;
  nextWeek: { start: IsoDate; end: IsoDate; promisesDue: PromiseDueInput[]; township: string | null };
}

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];
// Ids in ascending order. They mostly arrive sorted (the households of a committee come in id order), which a single
// pass finds; otherwise a typed-array sort (numeric, far quicker than a comparator on tens of thousands of ids), Int32
// when the ids fit so the result holds small integers, and a plain loop back to an array (Array.from is slower).
const sortIds = (xs: number[]): number[] => {
  let ascending = true;
  let small = true;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (i > 0 && x < xs[i - 1]!) ascending = false;
    if (!(x >= -0x80000000 && x <= 0x7fffffff)) small = false;
  }
  if (ascending) return xs.slice();
  const t = (small ? Int32Array.from(xs) : Float64Array.from(xs)).sort();
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) out.push(t[i]!);
  return out;
};
const sortNum = (xs: Iterable<number>): number[] => sortIds(uniq(xs));

/** Whether an ascending list holds x. */
function sortedHas(xs: number[], x: number): boolean {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = xs[mid]!;
    if (m === x) return true;
    if (m < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

interface Ctx {
  outcomesByVisit: Map<number, WeekOutcomeRow[]>;
  loansByHousehold: Map<number, { loanId: number; principalFen: number }[]>;
}

/** The figures over a set of distinct households (the denominator) and the week's visits to them (callers pass exactly those). */
function figures(c: Ctx, householdIds: number[], vs: WeekVisitRow[]): Figures {
  // Each household's outcomes in date order, with the visit that carried them.
  const hits = (kind: string) => {
    const byHousehold = new Map<number, { visit: WeekVisitRow; outcome: WeekOutcomeRow }[]>();
    for (const v of vs) {
      for (const o of c.outcomesByVisit.get(v.visitId) ?? []) {
        if (o.kind !== kind) continue;
        const list = byHousehold.get(v.householdId) ?? [];
        list.push({ visit: v, outcome: o });
        byHousehold.set(v.householdId, list);
      }
    }
    return byHousehold;
  };
  const person = (hid: number, v: WeekVisitRow): Person => ({ name: v.borrower, village: v.village, group: v.group, householdId: hid });
  const counter = (m: Map<number, { visit: WeekVisitRow }[]>): Counter => ({
    households: m.size,
    trace: { householdIds: sortNum(m.keys()), visitIds: sortNum([...m.values()].flatMap((l) => l.map((x) => x.visit.visitId))) },
  });
  const people = (m: Map<number, { visit: WeekVisitRow }[]>): Person[] => [...m.entries()].map(([hid, l]) => person(hid, l[0]!.visit));

  const signed = hits('notice-signed');
  const notSignedAll = hits('not-signed');
  // Signed and not signed in the same week counts as signed: the notice came back in the end.
  const notSigned = new Map([...notSignedAll].filter(([hid]) => !signed.has(hid)));
  const reasons = Object.fromEntries(NOT_SIGNED_REASONS.map((r) => [r, 0])) as Record<NotSignedReason, number>;
  const away: { name: string; where: string | null }[] = [];
  for (const l of notSigned.values()) {
    const last = l[l.length - 1]!;
    const reason = last.outcome.reason ?? 'other';
    reasons[reason] += 1;
    if (reason === 'away') away.push({ name: last.visit.borrower, where: last.outcome.where });
  }
  const cash = hits('cash');
  const cashRows = [...cash.values()].flat();
  const intent = hits('intent');
  let intentPrincipal = 0;
  for (const [hid, l] of intent) {
    const loans = c.loansByHousehold.get(hid) ?? [];
    const all = l.some((x) => x.outcome.loanId === null);
    const named = new Set(l.map((x) => x.outcome.loanId));
    for (const loan of loans) if (all || named.has(loan.loanId)) intentPrincipal += loan.principalFen;
  }
  const statute = hits('statute-expired');
  const visitedIds = sortNum(vs.map((v) => v.householdId));
  const visitIds = sortNum(vs.map((v) => v.visitId));
  const sortedHouseholds = sortIds(householdIds);
  // The households less the few reached (signed or not signed), by walking both sorted lists.
  const reached = sortIds([...signed.keys(), ...notSigned.keys()]);
  const notReachedIds: number[] = [];
  for (let i = 0, j = 0; i < sortedHouseholds.length; i++) {
    const h = sortedHouseholds[i]!;
    while (j < reached.length && reached[j]! < h) j++;
    if (j >= reached.length || reached[j] !== h) notReachedIds.push(h);
  }
  // The visits to those households: a binary search in the sorted ids for each of the few visits, rather than a set
  // of the tens of thousands of households not reached.
  const notReachedVisits = vs.filter((v) => sortedHas(notReachedIds, v.householdId));
  return {
    households: householdIds.length,
    householdsTrace: { householdIds: sortedHouseholds, visitIds },
    householdsVisited: visitedIds.length,
    householdsVisitedTrace: { householdIds: visitedIds, visitIds: [...visitIds] },
    noticeSigned: counter(signed),
    notSigned: { ...counter(notSigned), reasons, away, borrowers: people(notSigned) },
    cash: {
      ...counter(cash),
      payments: cashRows.length,
      principalFen: cashRows.reduce((a, x) => a + (x.outcome.principalFen ?? 0), 0),
      interestFen: cashRows.reduce((a, x) => a + (x.outcome.interestFen ?? 0), 0),
      unpostedFen: cashRows.reduce((a, x) => a + (x.outcome.unpostedFen ?? 0), 0),
      borrowers: people(cash),
    },
    intent: { ...counter(intent), borrowers: people(intent), principalFen: intentPrincipal },
    statuteExpired: { ...counter(statute), borrowers: people(statute) },
    notReached: {
      households: notReachedIds.length,
      trace: { householdIds: notReachedIds, visitIds: sortNum(notReachedVisits.map((v) => v.visitId)) },
    },
  };
}

function matters(visits: WeekVisitRow[]): Matter[] {
  return visits
    .filter((v) => v.escalate !== null && v.escalate.trim() !== '')
    .map((v) => ({
      village: v.village,
      group: v.group,
      formerVillage: v.formerVillage,
      text: v.escalate!.trim(),
      borrower: v.borrower,
      date: v.visitDate,
      visitId: v.visitId,
    }));
}

export function buildWeeklyReport(input: WeeklyReportInput): WeeklyReport {
  const { facts } = input;
  const outcomesByVisit = new Map<number, WeekOutcomeRow[]>();
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const o of facts.outcomes) push(outcomesByVisit, o.visitId, o);
  const loansByHousehold = new Map<number, { loanId: number; principalFen: number }[]>();
  for (const l of facts.intentLoans) push(loansByHousehold, l.householdId, l);
  const c: Ctx = {
    outcomesByVisit,
    loansByHousehold,
  };
  // Tens of thousands of households: a loop of its own (the shared `push` above sees three kinds of list).
  const householdsByVillage = new Map<number, number[]>();
  let villageList: number[] | undefined;
  let listVillage: number | undefined;
  for (const h of facts.households) {
    if (h.villageId !== listVillage) {
      listVillage = h.villageId;
      villageList = householdsByVillage.get(listVillage);
      if (!villageList) householdsByVillage.set(listVillage, (villageList = []));
    }
    villageList!.push(h.householdId);
  }
  const firstVisit = new Map<number, string>();
  for (const v of facts.visits) if (!firstVisit.has(v.villageId) || v.visitDate < firstVisit.get(v.villageId)!) firstVisit.set(v.villageId, v.visitDate);

  // One section per township (its committees in no area) and one per area with activity.
  type Key = { townshipId: number; township: string; area: string | null };
  const keys: Key[] = [];
  const keyOf = (townshipId: number, area: string | null) => `${townshipId}\u0000${area ?? ''}`;
  const seen = new Set<string>();
  for (const v of facts.villages) {
    const k = keyOf(v.townshipId, v.area);
    if (!seen.has(k)) {
      seen.add(k);
      keys.push({ townshipId: v.townshipId, township: v.township, area: v.area });
    }
  }
  keys.sort((a, b) => a.townshipId - b.townshipId || (a.area === null ? -1 : b.area === null ? 1 : a.area < b.area ? -1 : a.area > b.area ? 1 : 0));

  const profiled = new Set<number>();
  const sections: Section[] = keys.map((k) => {
    const villages = facts.villages
      .filter((v) => v.townshipId === k.townshipId && v.area === k.area)
      .sort((a, b) => (firstVisit.get(a.villageId)! < firstVisit.get(b.villageId)! ? -1 : firstVisit.get(a.villageId)! > firstVisit.get(b.villageId)! ? 1 : a.villageId - b.villageId));
    const villageIds = new Set(villages.map((v) => v.villageId));
    const visits = facts.visits.filter((v) => villageIds.has(v.villageId));
    const householdIds: number[] = [];
    for (const v of villages) for (const h of householdsByVillage.get(v.villageId) ?? []) householdIds.push(h);
    const p = facts.townships.find((t) => t.townshipId === k.townshipId);
    const profile = !profiled.has(k.townshipId) && p ? { committees: p.committeeCount, population: p.population, livelihood: p.livelihood } : null;
    profiled.add(k.townshipId);
    const dates = visits.map((v) => v.visitDate).sort();
    return {
      township: k.township,
      area: k.area,
      profile,
      villagesVisited: villages.map((v) => v.village),
      team: uniq(visits.map((v) => v.officer)),
      firstDate: dates[0]!,
      lastDate: dates[dates.length - 1]!,
      ...figures(c, householdIds, visits),
      villages: villages.map((v) => ({
        villageId: v.villageId,
        village: v.village,
        ...figures(
          c,
          householdsByVillage.get(v.villageId) ?? [],
          visits.filter((x) => x.villageId === v.villageId),
        ),
      })),
      matters: matters(visits),
    };
  });

  const allHouseholds = sections.flatMap((s) => s.householdsTrace.householdIds);
  const sectionVisits = new Set(sections.flatMap((s) => s.householdsTrace.visitIds));
  const allVisits = facts.visits.filter((v) => sectionVisits.has(v.visitId));
  return {
    week: input.week,
    scope: input.scope,
    sections,
    totals: { villagesVisited: sections.flatMap((s) => s.villagesVisited), ...figures(c, allHouseholds, allVisits), matters: sections.flatMap((s) => s.matters) },
    nextWeek: input.nextWeek,
    otherContacts: Object.fromEntries((facts.otherContacts ?? []).map((x) => [x.channel, x.contacts])),
  };
}
