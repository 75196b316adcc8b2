// The weekly report's definitions, each proved on the sample database with one change: households, signed, cash, intents, voids, merges, balances.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { weekFacts } from '../../src/db/weekly.js';
import { voidVisit } from '../../src/db/visits.js';
import { buildWeeklyReport, type Figures, type WeeklyReport } from '../../src/report/buildWeeklyReport.js';
import type { OutcomeInput } from '../../src/domain/visit.js';
import { sampleDb } from '../helpers.js';
import { openCopy, recordOutcomes } from '../ledgerSteps.js';

const WEEK = { start: '2026-11-16', end: '2026-11-22', iso: '2026-W47' };
let sample: string;

beforeAll(() => {
  sample = sampleDb({ visits: true });
});

/** A fresh copy of the sample, so each definition is tested on its own change. */
const copy = (): Db => openCopy(sample, 'fv-weekly-');

function report(db: Db, scope: { townshipId?: number; officer?: string } = {}): WeeklyReport {
  const facts = weekFacts(db, { start: WEEK.start, end: WEEK.end, ...scope });
  return buildWeeklyReport({ week: WEEK, scope: { township: null, officer: scope.officer ?? null }, facts, nextWeek: { start: '2026-11-23', end: '2026-11-29', promisesDue: [], township: null } });
}

const township = (r: WeeklyReport) => r.sections.find((s) => s.area === null)!;
const area = (r: WeeklyReport) => r.sections.find((s) => s.area === '金坑片区')!;

const visit = (db: Db, loanNo: string, date: string, outcomes: (Omit<OutcomeInput, 'loanId'> & { loanId?: number | null })[], extra: { escalate?: string } = {}) =>
  recordOutcomes(db, loanNo, date, outcomes, '2026-11-22', extra);

function reconciles(f: Figures): boolean {
  return f.households === f.noticeSigned.households + f.notSigned.households + f.notReached.households;
}

describe('weekly report on the sample week', () => {
  it('reproduces the source summary', () => {
    const db = copy();
    const r = report(db);
    const t = township(r);
    expect(t.villagesVisited).toEqual(['马头冲村委', '黄家冲村委', '涡水村委']);
    expect(t.households).toBe(19);
    expect(t.noticeSigned.households).toBe(13);
    expect([t.cash.households, t.cash.principalFen, t.cash.interestFen]).toEqual([2, 60000, 50000]);
    expect(t.intent.borrowers.map((p) => p.name)).toEqual(['房六贵', '房生二企', '房买些社二企', '沈双郎']);
    expect(t.intent.principalFen).toBe(460000);
    expect(t.notSigned.households).toBe(4);
    expect(t.notSigned.reasons).toMatchObject({ away: 1, refused: 2, 'not-found': 1 });
    expect(t.notSigned.away).toEqual([{ name: '房广林', where: '广州' }]);
    expect(t.statuteExpired.borrowers.map((p) => p.name)).toEqual(['沈二', '盘瑶角二']);
    expect(t.notReached.households).toBe(2);
    expect(t.team).toEqual(['张明']);
    expect([t.firstDate, t.lastDate]).toEqual(['2026-11-16', '2026-11-19']);
    const a = area(r);
    expect(a.villagesVisited).toEqual(['金坑村委', '内田村委', '大龙村委']);
    expect([a.cash.payments, a.cash.principalFen, a.cash.interestFen]).toEqual([3, 125000, 30000]);
    expect(a.intent.borrowers).toEqual([expect.objectContaining({ name: '房石头', village: '内田村委', group: '内新村' })]);
    expect(a.intent.principalFen).toBe(230000);
    expect(r.totals.matters.map((m) => [m.village, m.group, m.formerVillage])).toEqual([
      ['涡水村委', '良东二组', '黄家村村委'],
      ['大龙村委', '大龙组', null],
    ]);
    for (const f of [t, a, r.totals, ...t.villages, ...a.villages]) expect(reconciles(f)).toBe(true);
    db.close();
  });

  it('households: a household owing nothing at the start of the week does not count (房清), one with two loans counts once (黄德明)', () => {
    const db = copy();
    const t = township(report(db));
    const ids = new Set(t.householdsTrace.householdIds);
    const hid = (name: string) => (db.prepare(`SELECT id FROM households WHERE head_name = ?`).get(name) as { id: number }).id;
    expect(ids.has(hid('房清'))).toBe(false);
    expect(t.householdsTrace.householdIds.filter((x) => x === hid('黄德明'))).toHaveLength(1);
    db.close();
  });

  it('households: paid off after the roster date but before the week, a household drops out; a payment inside the week does not', () => {
    const db = copy();
    // 盘四妹 (not reached in the sample week) pays everything on 14 Nov, after the roster's 13 Nov.
    visit(db, 'WS-2023-0020', '2026-11-14', [{ kind: 'cash', principalFen: 90000, interestFen: 6000 }]);
    const t = township(report(db));
    expect(t.households).toBe(18);
    expect(t.notReached.households).toBe(1);
    expect(reconciles(t)).toBe(true);
    db.close();
  });

  it('households: a roster dated after the week has the week’s payments added back', () => {
    const db = copy();
    // A roster as of 25 Nov shows 房水生 paid off; at the start of the week he still owed what he paid in it.
    db.prepare(`UPDATE loans SET principal_fen = 0, interest_fen = 0, balance_as_of = '2026-11-25' WHERE loan_no = 'WS-2021-0005'`).run();
    expect(township(report(db)).households).toBe(19);
    db.close();
  });

  it('signed and not signed in the same week counts as signed', () => {
    const db = copy();
    visit(db, 'WS-2022-0001', '2026-11-20', [{ kind: 'not-signed', reason: 'refused' }]);
    const t = township(report(db));
    expect(t.noticeSigned.households).toBe(13);
    expect(t.notSigned.households).toBe(4);
    expect(reconciles(t)).toBe(true);
    db.close();
  });

  it('a household counts once per category however many visits it has', () => {
    const db = copy();
    visit(db, 'WS-2020-0008', '2026-11-19', [{ kind: 'notice-signed' }]);
    const t = township(report(db));
    expect(t.noticeSigned.households).toBe(13);
    expect(t.noticeSigned.trace.visitIds.length).toBe(14);
    db.close();
  });

  it('void visits never count', () => {
    const db = copy();
    const id = (db.prepare(`SELECT id FROM visits WHERE external_id = 'w47-05'`).get() as { id: number }).id;
    voidVisit(db, id, 'wrong household', '张明', '2026-11-22T12:00:00Z');
    const t = township(report(db));
    expect(t.noticeSigned.households).toBe(12);
    expect([t.cash.households, t.cash.principalFen, t.cash.interestFen]).toEqual([1, 30000, 30000]);
    expect(t.notReached.households).toBe(3);
    db.close();
  });

  it('cash: the sums of every payment in the week', () => {
    const db = copy();
    visit(db, 'WS-2021-0006', '2026-11-19', [{ kind: 'cash', principalFen: 12345, interestFen: 100 }]);
    const t = township(report(db));
    expect([t.cash.households, t.cash.payments, t.cash.principalFen, t.cash.interestFen]).toEqual([2, 3, 72345, 50100]);
    db.close();
  });

  it('intent principal: an intent naming no loan covers all the household’s loans, at their start-of-week balance', () => {
    const db = copy();
    visit(db, 'WS-2020-0007', '2026-11-19', [{ kind: 'intent', loanId: null, promiseAmountFen: 100000, promiseDate: '2026-12-20' }]);
    const t = township(report(db));
    expect(t.intent.households).toBe(5);
    expect(t.intent.principalFen).toBe(460000 + 1000000);
    db.close();
  });

  it('merges: a household of a merged committee counts under the committee it joined', () => {
    const db = copy();
    const t = township(report(db));
    const wushui = t.villages.find((v) => v.village === '涡水村委')!;
    const hid = (db.prepare(`SELECT id FROM households WHERE head_name = '黄德明'`).get() as { id: number }).id;
    expect(wushui.householdsTrace.householdIds).toContain(hid);
    expect(t.villagesVisited).not.toContain('黄家村村委');
    db.close();
  });

  it('--officer keeps one officer’s visits; --township one township; an empty week has no sections', () => {
    const db = copy();
    const r = report(db, { officer: '李华' });
    expect(r.sections.map((s) => s.area)).toEqual(['金坑片区']);
    const xp = (db.prepare(`SELECT id FROM townships WHERE name = '香坪镇'`).get() as { id: number }).id;
    expect(report(db, { townshipId: xp }).sections).toEqual([]);
    db.close();
  });
});
