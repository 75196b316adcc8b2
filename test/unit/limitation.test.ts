// The limitation clock's rules with a fixed "today": interruptions, expiry edges, 2017 transition, 20 years, death, reconfirmation, guarantees.
import { describe, expect, it } from 'vitest';
import { clockSummary, guaranteeClock, limitationClock, type ClockEvent } from '../../src/domain/limitation.js';

const TODAY = '2026-11-22';
const clock = (dueDate: string, events: ClockEvent[] = [], extra: Record<string, unknown> = {}, today = TODAY, within = 30) =>
  limitationClock({ dueDate, events, periodYears: 3, ...extra }, today, within);

describe('limitation clock: basic period', () => {
  it('runs 3 years from the due date', () => {
    const c = clock('2024-05-20');
    expect(c.expires).toBe('2027-05-20');
    expect(c.status).toBe('running');
    expect(c.rule.code).toBe('from-due-date');
    expect(c.lastInterruption).toBeNull();
  });
  it('the expiry day itself is still within time; the day after is expired', () => {
    expect(clock('2023-11-22').status).toBe('expiring');
    expect(clock('2023-11-22').daysLeft).toBe(0);
    expect(clockSummary(clock('2023-11-22')).en).toBe('expires today (2026-11-22)');
    const after = clock('2023-11-21');
    expect(after.status).toBe('expired');
    expect(after.expires).toBe('2026-11-21');
    expect(after.daysLeft).toBe(-1);
  });
  it('expiring within N days, running beyond', () => {
    expect(clock('2023-12-10').status).toBe('expiring'); // 房德: 2026-12-10, 18 days
    expect(clock('2023-12-10').daysLeft).toBe(18);
    expect(clock('2023-12-22').status).toBe('expiring'); // exactly 30 days
    expect(clock('2023-12-23').status).toBe('running'); // 31 days
    expect(clock('2023-12-28', [], {}, TODAY, 60).status).toBe('expiring');
  });
  it('the period length is configurable', () => {
    expect(limitationClock({ dueDate: '2024-05-20', events: [], periodYears: 5 }, TODAY).expires).toBe('2029-05-20');
  });
  it('29 February maps to 28 February', () => {
    expect(clock('2024-02-29').expires).toBe('2027-02-28');
  });
});

describe('limitation clock: what interrupts', () => {
  // A public notice interrupts only with its medium and a missing borrower (issue 9): see test/unit/limitationRules.test.ts.
  for (const kind of ['notice-signed', 'relative-signed', 'intent', 'payment', 'lawsuit'] as const) {
    it(`${kind} restarts the period from its date`, () => {
      const c = clock('2023-05-06', [{ date: '2025-05-20', kind, visitId: 7 }]);
      expect(c.expires).toBe('2028-05-20');
      expect(c.rule.code).toBe('restarted');
      expect(c.lastInterruption).toMatchObject({ date: '2025-05-20', kind, visitId: 7, effect: 'interrupts' });
      expect(c.events[0]!.effect).toBe('interrupts');
    });
  }
  for (const kind of ['not-signed', 'note'] as const) {
    it(`${kind} does not interrupt`, () => {
      const c = clock('2023-12-28', [{ date: '2026-09-15', kind, detail: 'refused' }]);
      expect(c.expires).toBe('2026-12-28');
      expect(c.rule.code).toBe('from-due-date');
      expect(c.events[0]!.effect).toBe('does-not-interrupt');
      expect(c.lastInterruption).toBeNull();
    });
  }
  it('an interruption on the last day counts; the day after does not', () => {
    expect(clock('2022-05-01', [{ date: '2025-05-01', kind: 'intent' }]).expires).toBe('2028-05-01');
    const late = clock('2022-05-01', [{ date: '2025-05-02', kind: 'lawsuit' }]);
    expect(late.status).toBe('expired');
    expect(late.expires).toBe('2025-05-01');
    expect(late.events[0]!.effect).toBe('after-expiry');
  });
  it('chains interruptions and ignores events before the due date', () => {
    const c = clock('2020-01-01', [
      { date: '2019-12-01', kind: 'notice-signed' },
      { date: '2022-06-01', kind: 'payment' },
      { date: '2025-03-01', kind: 'notice-signed' },
    ]);
    expect(c.events.map((e) => e.effect)).toEqual(['before-due-date', 'interrupts', 'interrupts']);
    expect(c.expires).toBe('2028-03-01');
  });
});

describe('limitation clock: the 2017-10-01 transition', () => {
  it('a 2-year period that ran out before 2017-10-01 stays expired (沈二, due 2015-04-10)', () => {
    const c = clock('2015-04-10');
    expect(c.status).toBe('expired');
    expect(c.expires).toBe('2017-04-10');
    expect(c.rule.code).toBe('pre-2017-expired');
  });
  it('last day 2017-09-30: expired under the old rule', () => {
    const c = clock('2015-09-30');
    expect(c.expires).toBe('2017-09-30');
    expect(c.rule.code).toBe('pre-2017-expired');
  });
  it('last day 2017-10-01 or later: 3 years apply', () => {
    const c = clock('2015-10-01', [], {}, '2018-06-01');
    expect(c.expires).toBe('2018-10-01');
    expect(c.status).toBe('running');
    expect(c.rule.code).toBe('from-due-date');
  });
  it('applies to a restart before 2017 too', () => {
    const old = clock('2013-01-01', [{ date: '2014-06-01', kind: 'notice-signed' }]);
    expect(old.expires).toBe('2016-06-01');
    expect(old.rule.code).toBe('pre-2017-expired');
    const saved = clock('2013-01-01', [{ date: '2014-06-01', kind: 'notice-signed' }, { date: '2016-01-01', kind: 'notice-signed' }], {}, '2018-06-01');
    expect(saved.expires).toBe('2019-01-01');
    expect(saved.status).toBe('running');
  });
});

describe('limitation clock: 20-year outer limit', () => {
  it('caps at due date + 20 years however often it is interrupted', () => {
    const events: ClockEvent[] = [];
    for (let y = 2002; y <= 2026; y += 2) events.push({ date: `${y}-06-01`, kind: 'notice-signed' });
    const c = clock('2006-07-01', events, {}, '2026-11-22');
    expect(c.expires).toBe('2026-07-01');
    expect(c.status).toBe('expired');
    expect(c.rule.code).toBe('twenty-year-limit');
    const before = clock('2006-12-01', events.filter((e) => e.date <= '2026-06-01'), {}, '2026-11-22');
    expect(before.expires).toBe('2026-12-01');
    expect(before.rule.code).toBe('twenty-year-limit');
    expect(before.status).toBe('expiring');
  });
});

describe('limitation clock: death of the borrower (art. 194)', () => {
  it('no heir known: suspended, no end date', () => {
    const c = clock('2023-12-28', [], { deceasedOn: '2025-02-01' });
    expect(c.suspended).toBe(true);
    expect(c.expires).toBeNull();
    expect(c.status).toBe('running');
    expect(c.rule.code).toBe('death-suspended-no-heir');
  });
  it('heir known during the last six months: ends six months after', () => {
    const c = clock('2023-12-28', [], { deceasedOn: '2025-02-01', heirKnownOn: '2026-10-01' });
    expect(c.expires).toBe('2027-04-01');
    expect(c.rule.code).toBe('death-suspension');
  });
  it('heir known after the plain end still saves the claim', () => {
    const c = clock('2023-06-01', [], { deceasedOn: '2025-02-01', heirKnownOn: '2026-08-01' });
    expect(c.expires).toBe('2027-02-01');
  });
  it('heir known before the last six months: no suspension', () => {
    const c = clock('2023-12-28', [], { deceasedOn: '2025-02-01', heirKnownOn: '2026-06-28' });
    expect(c.expires).toBe('2026-12-28');
    expect(c.rule.code).toBe('from-due-date');
  });
  it('death after the end changes nothing', () => {
    const c = clock('2022-01-01', [], { deceasedOn: '2025-06-01' });
    expect(c.status).toBe('expired');
    expect(c.expires).toBe('2025-01-01');
  });
});

describe('limitation clock: after expiry', () => {
  it('a signature after expiry is a reconfirmation, not a revival', () => {
    const c = clock('2015-04-10', [{ date: '2026-11-17', kind: 'notice-signed', visitId: 15 }]);
    expect(c.status).toBe('reconfirmed');
    expect(c.expires).toBe('2017-04-10');
    expect(c.reconfirmedOn).toBe('2026-11-17');
    expect(c.events[0]!.effect).toBe('reconfirms');
    expect(clockSummary(c).en).toBe('expired — reconfirmation recorded on 2026-11-17 (check the evidence)');
  });
  it('a payment after expiry waives the defence (issue 9: art. 192(2)); a relative signature is a reconfirmation to check, a lawsuit after expiry does not revive', () => {
    expect(clock('2020-01-01', [{ date: '2024-01-01', kind: 'payment' }])).toMatchObject({ status: 'running', expires: '2027-01-01', waivedOn: '2024-01-01' });
    const r = clock('2020-01-01', [
      { date: '2024-01-01', kind: 'relative-signed' },
      { date: '2024-02-01', kind: 'lawsuit' },
    ]);
    expect(r.status).toBe('reconfirmed');
    expect(r.events.map((e) => e.effect)).toEqual(['reconfirms', 'after-expiry']);
    expect(r.reconfirmedOn).toBe('2024-01-01');
  });
});

describe('limitation clock: the officer finding', () => {
  it('is kept and flagged when the rules say the claim was still in time', () => {
    const c = clock('2023-12-28', [], { officerFinding: { date: '2026-11-17', visitId: 3 } });
    expect(c.status).toBe('running');
    expect(c.officerFinding).toEqual({ date: '2026-11-17', visitId: 3, disagrees: true });
  });
  it('agrees when computed expired', () => {
    expect(clock('2015-04-10', [], { officerFinding: { date: '2026-11-17' } }).officerFinding!.disagrees).toBe(false);
  });
});

describe('guarantee period (art. 692)', () => {
  it('six months from the due date by default, never interrupted', () => {
    const g = guaranteeClock({ guarantor: '房生三', dueDate: '2023-12-01' }, TODAY)!;
    expect(g).toMatchObject({ ends: '2024-06-01', source: 'default-6-months', status: 'ended' });
  });
  it('the roster date when given (房石头, 2024-11-16)', () => {
    expect(guaranteeClock({ guarantor: '房石山', until: '2024-11-16', dueDate: '2024-05-16' }, TODAY)).toMatchObject({ ends: '2024-11-16', source: 'roster', status: 'ended' });
  });
  it('ending within N days; last day still running', () => {
    expect(guaranteeClock({ guarantor: 'x', dueDate: '2026-06-10' }, TODAY)).toMatchObject({ ends: '2026-12-10', status: 'ending', daysLeft: 18 });
    expect(guaranteeClock({ guarantor: 'x', until: TODAY, dueDate: null }, TODAY)).toMatchObject({ status: 'ending', daysLeft: 0 });
    expect(guaranteeClock({ guarantor: 'x', until: '2027-03-01', dueDate: null }, TODAY)!.status).toBe('running');
    expect(guaranteeClock({ guarantor: null, dueDate: '2026-06-10' }, TODAY)).toBeNull();
  });
});
