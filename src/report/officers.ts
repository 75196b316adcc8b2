// The officers report: each officer's month against the visit quota, with cash, intents and promises kept or broken.
import type { OfficerActivity } from '../domain/officerActivity.js';
import type { IsoDate } from '../domain/dates.js';
import { isBroken, type PromiseStatus } from '../domain/promise.js';

export type OfficerActivityInput = OfficerActivity;

export interface OfficerPromiseInput {
  officer: string;
  status: PromiseStatus;
}

export interface OfficerLine extends OfficerActivityInput {
  quota: number;
  /** visits ÷ quota, e.g. 0.52; null when the quota is 0. */
  quotaShare: number | null;
  promisesKept: number;
  promisesBroken: number;
  promisesOpen: number;
  /** kept ÷ (kept + broken); partly kept counts as broken; null when none has come due. */
  keptRate: number | null;
}

export interface OfficerReport {
  month: string;
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
  quota: number;
  township: string | null;
  lines: OfficerLine[];
  total: OfficerLine;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);

function finish(a: OfficerActivityInput, ps: OfficerPromiseInput[], quota: number): OfficerLine {
  const kept = ps.filter((p) => p.status === 'kept').length;
  const broken = ps.filter((p) => isBroken(p.status)).length;
  const open = ps.filter((p) => p.status === 'open').length;
  return { ...a, quota, quotaShare: ratio(a.visits, quota), promisesKept: kept, promisesBroken: broken, promisesOpen: open, keptRate: ratio(kept, kept + broken) };
}

/** Promises are those falling due in the month, credited to the officer who took them. */
export function buildOfficerReport(
  activity: OfficerActivityInput[],
  promises: OfficerPromiseInput[],
  o: { month: string; from: IsoDate; to: IsoDate; today: IsoDate; quota: number; township?: string | null },
): OfficerReport {
  const names = new Set(activity.map((a) => a.officer));
  const rows = [...activity];
  for (const p of promises) {
    if (!names.has(p.officer)) {
      names.add(p.officer);
      rows.push({ officer: p.officer, visits: 0, households: 0, noticesSigned: 0, intents: 0, principalFen: 0, interestFen: 0 });
    }
  }
  rows.sort((a, b) => a.officer.localeCompare(b.officer, 'zh'));
  const lines = rows.map((a) => finish(a, promises.filter((p) => p.officer === a.officer), o.quota));
  const sum = (f: (l: OfficerLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  const total = finish(
    {
      officer: '',
      visits: sum((l) => l.visits),
      households: sum((l) => l.households),
      noticesSigned: sum((l) => l.noticesSigned),
      intents: sum((l) => l.intents),
      principalFen: sum((l) => l.principalFen),
      interestFen: sum((l) => l.interestFen),
      contacts: lines.reduce<Record<string, number>>((acc, l) => {
        for (const [k, n] of Object.entries(l.contacts ?? {})) acc[k] = (acc[k] ?? 0) + n;
        return acc;
      }, {}),
    },
    promises,
    o.quota * lines.length,
  );
  return { month: o.month, from: o.from, to: o.to, today: o.today, quota: o.quota, township: o.township ?? null, lines, total };
}
