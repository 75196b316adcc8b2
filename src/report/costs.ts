// The cost report: what collection cost by kind, by officer and by case, against the field cash recovered in the same scope and period.
import type { IsoDate } from '../domain/dates.js';
import { COST_KINDS, costRatio, type CostKind } from '../domain/cost.js';

/** A live cost as the report reads it. */
export interface CostFact {
  loanId: number;
  loanNo: string;
  borrower: string;
  township: string;
  village: string;
  kind: CostKind;
  amountFen: number;
  officer: string;
}

/** A live field cash payment as the report reads it. */
export interface RecoveryFact {
  loanId: number;
  loanNo: string;
  officer: string;
  principalFen: number;
  interestFen: number;
}

export interface KindLine {
  kind: CostKind;
  costs: number;
  costFen: number;
  /** This kind's part of all costs (null when there are none). */
  share: number | null;
}

export interface OfficerLine {
  officer: string;
  costs: number;
  costFen: number;
  payments: number;
  recoveredFen: number;
  ratio: number | null;
}

export interface CaseLine {
  loanNo: string;
  borrower: string;
  township: string;
  village: string;
  costs: number;
  costFen: number;
  payments: number;
  recoveredFen: number;
  ratio: number | null;
}

export interface CostReport {
  today: IsoDate;
  /** YYYY-MM, or null for everything recorded up to today. */
  month: string | null;
  from: IsoDate | null;
  to: IsoDate;
  township: string | null;
  byKind: KindLine[];
  byOfficer: OfficerLine[];
  byCase: CaseLine[];
  totals: {
    costs: number;
    costFen: number;
    payments: number;
    recoveredPrincipalFen: number;
    recoveredInterestFen: number;
    recoveredFen: number;
    /** Cash recovered on loans with no cost in the period (so the case lines add up to the total). */
    recoveredElsewhereFen: number;
    ratio: number | null;
  };
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sums in integer fen; officers and cases sorted by cost, largest first, then by name. */
export function buildCostReport(
  costs: readonly CostFact[],
  recovered: readonly RecoveryFact[],
  o: { today: IsoDate; month: string | null; from: IsoDate | null; to: IsoDate; township: string | null },
): CostReport {
  const costFen = costs.reduce((s, c) => s + c.amountFen, 0);
  const byKind: KindLine[] = COST_KINDS.map((kind) => {
    const xs = costs.filter((c) => c.kind === kind);
    const fen = xs.reduce((s, c) => s + c.amountFen, 0);
    return { kind, costs: xs.length, costFen: fen, share: costRatio(fen, costFen) };
  });

  const officers = new Map<string, OfficerLine>();
  const officer = (name: string) => {
    let l = officers.get(name);
    if (!l) officers.set(name, (l = { officer: name, costs: 0, costFen: 0, payments: 0, recoveredFen: 0, ratio: null }));
    return l;
  };
  for (const c of costs) {
    const l = officer(c.officer);
    l.costs++;
    l.costFen += c.amountFen;
  }
  for (const p of recovered) {
    const l = officer(p.officer);
    l.payments++;
    l.recoveredFen += p.principalFen + p.interestFen;
  }

  const cases = new Map<number, CaseLine>();
  for (const c of costs) {
    let l = cases.get(c.loanId);
    if (!l) cases.set(c.loanId, (l = { loanNo: c.loanNo, borrower: c.borrower, township: c.township, village: c.village, costs: 0, costFen: 0, payments: 0, recoveredFen: 0, ratio: null }));
    l.costs++;
    l.costFen += c.amountFen;
  }
  let elsewhere = 0;
  for (const p of recovered) {
    const l = cases.get(p.loanId);
    if (l) {
      l.payments++;
      l.recoveredFen += p.principalFen + p.interestFen;
    } else elsewhere += p.principalFen + p.interestFen;
  }
  const withRatio = <T extends { costFen: number; recoveredFen: number; ratio: number | null }>(x: T): T => ({ ...x, ratio: costRatio(x.costFen, x.recoveredFen) });
  const principal = recovered.reduce((s, p) => s + p.principalFen, 0);
  const interest = recovered.reduce((s, p) => s + p.interestFen, 0);
  return {
    today: o.today,
    month: o.month,
    from: o.from,
    to: o.to,
    township: o.township,
    byKind,
    byOfficer: [...officers.values()].map(withRatio).sort((a, b) => b.costFen - a.costFen || byName(a.officer, b.officer)),
    byCase: [...cases.values()].map(withRatio).sort((a, b) => b.costFen - a.costFen || byName(a.loanNo, b.loanNo)),
    totals: {
      costs: costs.length,
      costFen,
      payments: recovered.length,
      recoveredPrincipalFen: principal,
      recoveredInterestFen: interest,
      recoveredFen: principal + interest,
      recoveredElsewhereFen: elsewhere,
      ratio: costRatio(costFen, principal + interest),
    },
  };
}
