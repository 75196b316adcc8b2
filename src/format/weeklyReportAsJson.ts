// The weekly report as JSON for scripts: stable snake_case names (the contract in the README), traces on request.
import type { Counter, Figures, Matter, Person, Section, Trace, WeeklyReport } from '../report/buildWeeklyReport.js';
import { asJson } from './table.js';
import type { DocLetterhead } from './weeklyReportDoc.js';

export interface JsonOptions {
  /** Add, under every counter, the household ids and visit ids behind it. */
  trace?: boolean;
  /** JSON always carries `letterhead` (nulls where unset or not given), so the shape does not depend on settings. */
  letterhead?: DocLetterhead;
}

function traceJson(t: Trace) {
  return { household_ids: t.householdIds, visit_ids: t.visitIds };
}

function personJson(p: Person) {
  return { name: p.name, village: p.village, group: p.group, household_id: p.householdId };
}

function counterJson(c: Counter, trace: boolean, extra: Record<string, unknown> = {}) {
  return { households: c.households, ...extra, ...(trace ? { trace: traceJson(c.trace) } : {}) };
}

export function figuresJson(f: Figures, trace: boolean) {
  return {
    households: f.households,
    ...(trace ? { households_trace: traceJson(f.householdsTrace) } : {}),
    households_visited: f.householdsVisited,
    ...(trace ? { households_visited_trace: traceJson(f.householdsVisitedTrace) } : {}),
    notice_signed: counterJson(f.noticeSigned, trace),
    not_signed: counterJson(f.notSigned, trace, {
      reasons: f.notSigned.reasons,
      away: f.notSigned.away,
      borrowers: f.notSigned.borrowers.map((p) => p.name),
    }),
    cash: counterJson(f.cash, trace, {
      payments: f.cash.payments,
      principal_fen: f.cash.principalFen,
      interest_fen: f.cash.interestFen,
      unposted_fen: f.cash.unpostedFen,
      borrowers: f.cash.borrowers.map((p) => p.name),
    }),
    intent: counterJson(f.intent, trace, {
      borrowers: f.intent.borrowers.map((p) => p.name),
      borrower_places: f.intent.borrowers.map(personJson),
      principal_fen: f.intent.principalFen,
    }),
    statute_expired: counterJson(f.statuteExpired, trace, { borrowers: f.statuteExpired.borrowers.map((p) => p.name) }),
    not_reached: counterJson(f.notReached, trace),
  };
}

function matterJson(m: Matter) {
  return { village: m.village, group: m.group, former_village: m.formerVillage, text: m.text, borrower: m.borrower, date: m.date, visit_id: m.visitId };
}

function sectionJson(s: Section, trace: boolean) {
  return {
    township: s.township,
    area: s.area,
    profile: s.profile,
    team: s.team,
    dates: { first: s.firstDate, last: s.lastDate },
    villages_visited: s.villagesVisited,
    ...figuresJson(s, trace),
    matters: s.matters.map(matterJson),
    villages: s.villages.map((v) => ({ village: v.village, ...figuresJson(v, trace) })),
  };
}

/** The value the JSON and CSV outputs share. */
export function weeklyReportJsonValue(r: WeeklyReport, opts: JsonOptions = {}) {
  const trace = !!opts.trace;
  return {
    week: r.week,
    scope: r.scope,
    sections: r.sections.map((s) => sectionJson(s, trace)),
    totals: { villages_visited: r.totals.villagesVisited, ...figuresJson(r.totals, trace), matters: r.totals.matters.map(matterJson) },
    reconciliation: [...r.sections.map((s) => reconciliationJson(s, s.township, s.area)), reconciliationJson(r.totals, null, null)],
    other_contacts: r.otherContacts,
    next_week: {
      start: r.nextWeek.start,
      end: r.nextWeek.end,
      promises_due: r.nextWeek.promisesDue.map((p) => ({
        borrower: p.borrower,
        township: p.township,
        village: p.village,
        group: p.group,
        loan_no: p.loanNo,
        amount_fen: p.amountFen,
        due_date: p.dueDate,
        household_id: p.householdId,
        visit_id: p.visitId,
        visit_uid: p.visitUid,
      })),
      township: r.nextWeek.township,
    },
    letterhead: {
      institution: opts.letterhead?.letterhead.institution ?? null,
      branch: opts.letterhead?.letterhead.branch ?? null,
      phone: opts.letterhead?.letterhead.phone ?? null,
      address: opts.letterhead?.letterhead.address ?? null,
      preparer: opts.letterhead?.letterhead.preparer ?? null,
      reviewer: opts.letterhead?.letterhead.reviewer ?? null,
      prepared_on: opts.letterhead?.preparedOn ?? null,
    },
  };
}

function reconciliationJson(f: Figures, township: string | null, area: string | null) {
  return {
    township,
    area,
    households: f.households,
    notice_signed: f.noticeSigned.households,
    not_signed: f.notSigned.households,
    not_reached: f.notReached.households,
    holds: f.households === f.noticeSigned.households + f.notSigned.households + f.notReached.households,
  };
}

export function weeklyReportAsJson(r: WeeklyReport, opts: JsonOptions = {}): string {
  return asJson(weeklyReportJsonValue(r, opts));
}
