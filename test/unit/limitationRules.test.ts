// The limitation clock as a court would apply it: one table of dated cases for the borrower's clock, one for the guarantor's.
import { describe, expect, it } from 'vitest';
import { guaranteeClock, limitationClock, type ClockEvent, type LimitationInput } from '../../src/domain/limitation.js';
import { visitClockEvents, legalStageProblem, type ClockOutcome } from '../../src/domain/clockEvents.js';
import { loanClockRow } from '../../src/report/limitation.js';
import type { LoanClockFacts } from '../../src/domain/limitation.js';

const TODAY = '2026-11-22';
type Case = { name: string; due: string; events?: ClockEvent[]; extra?: Partial<LimitationInput>; today?: string; expect: Record<string, unknown>; effects?: string[] };

const ev = (date: string, kind: ClockEvent['kind'], more: Partial<ClockEvent> = {}): ClockEvent => ({ date, kind, ...more });

const CASES: Case[] = [
  // The period and its boundaries (arts. 188, 201-202).
  { name: '3 years from the due date', due: '2024-05-20', expect: { expires: '2027-05-20', status: 'running', rule: { code: 'from-due-date' } } },
  { name: 'the last day is still in time', due: '2023-11-22', expect: { status: 'expiring', daysLeft: 0 } },
  { name: 'the day after the last day is expired', due: '2023-11-21', expect: { status: 'expired', expires: '2026-11-21', daysLeft: -1 } },
  { name: '29 February ends on 28 February', due: '2024-02-29', expect: { expires: '2027-02-28' } },
  // Whose act (art. 195; SPC 2020 arts. 8, 14).
  { name: 'the borrower signs: restarts', due: '2023-05-06', events: [ev('2025-05-20', 'notice-signed')], expect: { expires: '2028-05-20', rule: { code: 'restarted' } }, effects: ['interrupts'] },
  { name: 'a co-resident relative signs for the borrower: restarts', due: '2023-05-06', events: [ev('2025-05-20', 'notice-signed', { actor: 'relative' })], expect: { expires: '2028-05-20' }, effects: ['interrupts'] },
  { name: 'the guarantor signs: the borrower’s clock does not move', due: '2023-05-06', events: [ev('2025-05-20', 'notice-signed', { actor: 'guarantor' })], expect: { expires: '2026-05-06', status: 'expired', lastInterruption: null }, effects: ['not-the-borrower'] },
  { name: 'the guarantor pays: the borrower’s clock does not move', due: '2023-05-06', events: [ev('2025-05-20', 'payment', { actor: 'guarantor' })], expect: { expires: '2026-05-06' }, effects: ['not-the-borrower'] },
  { name: 'a relative’s promise is not the borrower’s agreement', due: '2023-05-06', events: [ev('2025-05-20', 'intent', { actor: 'relative' })], expect: { expires: '2026-05-06' }, effects: ['does-not-interrupt'] },
  { name: 'a relative’s payment is not counted (safe choice)', due: '2023-05-06', events: [ev('2025-05-20', 'payment', { actor: 'relative' })], expect: { expires: '2026-05-06' }, effects: ['does-not-interrupt'] },
  { name: 'the borrower promises: restarts', due: '2023-05-06', events: [ev('2025-05-20', 'intent')], expect: { expires: '2028-05-20' }, effects: ['interrupts'] },
  { name: 'the borrower pays part: restarts', due: '2023-05-06', events: [ev('2025-05-20', 'payment')], expect: { expires: '2028-05-20' }, effects: ['interrupts'] },
  { name: 'a signed promise before expiry restarts', due: '2023-05-06', events: [ev('2025-05-20', 'signed-promise')], expect: { expires: '2028-05-20', waivedOn: null }, effects: ['interrupts'] },
  { name: 'an interruption on the last day counts', due: '2022-05-20', events: [ev('2025-05-20', 'notice-signed')], expect: { expires: '2028-05-20' }, effects: ['interrupts'] },
  { name: 'an interruption the day after does not', due: '2022-05-20', events: [ev('2025-05-21', 'intent', { actor: 'relative' })], expect: { status: 'expired', expires: '2025-05-20' }, effects: ['after-expiry'] },
  { name: 'a refusal does not interrupt', due: '2023-12-28', events: [ev('2026-09-15', 'not-signed', { reason: 'refused' })], expect: { expires: '2026-12-28' }, effects: ['does-not-interrupt'] },
  // After expiry (art. 192(2); SPC 2020 art. 19).
  { name: 'a signed promise after expiry is a waiver: new period from its date', due: '2015-04-10', events: [ev('2026-11-17', 'signed-promise')], expect: { status: 'running', expires: '2029-11-17', waivedOn: '2026-11-17', rule: { code: 'waiver' } }, effects: ['waiver'] },
  { name: 'a payment after expiry is a waiver', due: '2020-01-01', events: [ev('2024-01-01', 'payment')], expect: { status: 'running', expires: '2027-01-01', waivedOn: '2024-01-01' }, effects: ['waiver'] },
  { name: 'a bare signature after expiry is only a reconfirmation', due: '2015-04-10', events: [ev('2026-11-17', 'notice-signed')], expect: { status: 'reconfirmed', expires: '2017-04-10', reconfirmedOn: '2026-11-17', waivedOn: null }, effects: ['reconfirms'] },
  { name: 'a promise without a signature after expiry is only a reconfirmation', due: '2015-04-10', events: [ev('2026-11-17', 'intent')], expect: { status: 'reconfirmed', waivedOn: null }, effects: ['reconfirms'] },
  { name: 'a relative’s signature after expiry is only a reconfirmation', due: '2015-04-10', events: [ev('2026-11-17', 'notice-signed', { actor: 'relative' })], expect: { status: 'reconfirmed' }, effects: ['reconfirms'] },
  { name: 'after a waiver the new period is interrupted as usual', due: '2015-04-10', events: [ev('2024-03-01', 'payment'), ev('2026-02-01', 'notice-signed')], expect: { expires: '2029-02-01', waivedOn: '2024-03-01' }, effects: ['waiver', 'interrupts'] },
  { name: 'a waiver never runs past 20 years from the start', due: '2005-01-01', events: [ev('2024-06-01', 'payment')], expect: { status: 'expired', expires: '2025-01-01', rule: { code: 'twenty-year-limit' } }, effects: ['waiver'] },
  // Acceleration (art. 188: from when the creditor knew of the default).
  { name: 'a marked acceleration before the due date moves the start', due: '2024-03-01', events: [ev('2023-03-01', 'accelerated', { markId: 1 })], expect: { start: '2023-03-01', startReason: 'acceleration', expires: '2026-03-01', status: 'expired', outerLimit: '2043-03-01' }, effects: ['moves-start'] },
  { name: 'an acceleration after the due date changes nothing', due: '2024-03-01', events: [ev('2024-05-01', 'accelerated')], expect: { start: '2024-03-01', expires: '2027-03-01' }, effects: ['does-not-interrupt'] },
  { name: 'a signed acceleration notice moves the start to the signing date', due: '2025-01-01', events: [ev('2023-06-10', 'notice-signed', { noticeType: 'acceleration' })], expect: { start: '2023-06-10', expires: '2026-06-10', status: 'expired' } },
  { name: 'an acceleration notice signed by the guarantor does not move the borrower’s start', due: '2025-01-01', events: [ev('2023-06-10', 'notice-signed', { noticeType: 'acceleration', actor: 'guarantor' })], expect: { start: '2025-01-01', expires: '2028-01-01' } },
  // Public notice (SPC 2020 art. 8(1)(iv)).
  { name: 'national media for a borrower recorded not found: interrupts', due: '2023-05-06', events: [ev('2025-03-01', 'not-signed', { reason: 'not-found' }), ev('2025-05-20', 'public-notice', { medium: 'national' })], expect: { expires: '2028-05-20' }, effects: ['does-not-interrupt', 'interrupts'] },
  { name: 'provincial media for a missing borrower: interrupts', due: '2023-05-06', events: [ev('2025-03-01', 'not-signed', { reason: 'not-found' }), ev('2025-05-20', 'public-notice', { medium: 'provincial' })], expect: { expires: '2028-05-20' } },
  { name: 'a county paper does not interrupt', due: '2023-05-06', events: [ev('2025-03-01', 'not-signed', { reason: 'not-found' }), ev('2025-05-20', 'public-notice', { medium: 'other' })], expect: { expires: '2026-05-06' }, effects: ['does-not-interrupt', 'does-not-interrupt'] },
  { name: 'a notice with no medium recorded does not interrupt', due: '2023-05-06', events: [ev('2025-03-01', 'not-signed', { reason: 'not-found' }), ev('2025-05-20', 'public-notice')], expect: { expires: '2026-05-06' } },
  { name: 'a borrower away at a known place is not missing', due: '2023-05-06', events: [ev('2025-03-01', 'not-signed', { reason: 'away', detail: '广州' }), ev('2025-05-20', 'public-notice', { medium: 'national' })], expect: { expires: '2026-05-06' } },
  { name: 'found again before the notice: not missing', due: '2023-05-06', events: [ev('2024-03-01', 'not-signed', { reason: 'not-found' }), ev('2024-06-01', 'notice-signed'), ev('2025-05-20', 'public-notice', { medium: 'national' })], expect: { expires: '2027-06-01' }, effects: ['does-not-interrupt', 'interrupts', 'does-not-interrupt'] },
  // Legal stages (art. 195(3); CPL art. 250).
  { name: 'a lawsuit restarts from its filing date (safe bound)', due: '2023-12-10', events: [ev('2026-11-20', 'legal', { stage: 'filed', legalId: 1 })], expect: { expires: '2029-11-20', lastInterruption: { kind: 'legal', stage: 'filed' } } },
  { name: 'referral to the legal department does not interrupt', due: '2023-12-10', events: [ev('2026-11-01', 'legal', { stage: 'referred' })], expect: { expires: '2026-12-10' }, effects: ['does-not-interrupt'] },
  { name: 'a judgment turns the deadline into the enforcement application', due: '2022-01-10', events: [ev('2024-06-01', 'legal', { stage: 'filed' }), ev('2025-03-01', 'legal', { stage: 'judgment', performBy: '2025-03-31' })], expect: { expires: '2027-03-31', deadlineKind: 'enforcement-application', status: 'running', rule: { code: 'enforcement-deadline' } } },
  { name: 'the enforcement deadline passed', due: '2020-01-10', events: [ev('2021-06-01', 'legal', { stage: 'filed' }), ev('2022-03-01', 'legal', { stage: 'judgment', performBy: '2022-03-31' })], expect: { expires: '2024-03-31', status: 'expired', deadlineKind: 'enforcement-application' } },
  { name: 'enforcement applied in time', due: '2022-01-10', events: [ev('2024-06-01', 'legal', { stage: 'filed' }), ev('2025-03-01', 'legal', { stage: 'judgment', performBy: '2025-03-31' }), ev('2025-06-01', 'legal', { stage: 'enforcement' })], expect: { status: 'enforcing', enforcementAppliedOn: '2025-06-01', daysLeft: null } },
  { name: 'a closed case', due: '2022-01-10', events: [ev('2024-06-01', 'legal', { stage: 'filed' }), ev('2025-01-01', 'legal', { stage: 'closed', result: 'settled' })], expect: { status: 'closed', expires: null, suspended: false } },
  { name: 'a signature after a judgment does not extend the enforcement deadline', due: '2022-01-10', events: [ev('2024-06-01', 'legal', { stage: 'filed' }), ev('2025-03-01', 'legal', { stage: 'judgment', performBy: '2025-03-31' }), ev('2025-09-01', 'notice-signed')], expect: { expires: '2027-03-31' }, effects: ['interrupts', 'judgment', 'does-not-interrupt'] },
  // The 2017 transition (SPC 法释〔2018〕12号 art. 3).
  { name: 'an old 2-year period that ran out before 2017-10-01 stays expired', due: '2015-04-10', expect: { expires: '2017-04-10', status: 'expired', rule: { code: 'pre-2017-expired' } } },
  { name: 'last day 2017-09-30 under the old rule: expired', due: '2015-09-30', expect: { expires: '2017-09-30', rule: { code: 'pre-2017-expired' } } },
  { name: 'last day 2017-10-01 under the old rule: 3 years apply', due: '2015-10-01', expect: { expires: '2018-10-01', rule: { code: 'from-due-date' } } },
  { name: 'a restart before 2017 follows the old rule too', due: '2014-01-01', events: [ev('2015-02-01', 'notice-signed')], expect: { expires: '2017-02-01', rule: { code: 'pre-2017-expired' } } },
  // Death (art. 194).
  { name: 'death with no heir known: suspended', due: '2023-12-28', extra: { deceasedOn: '2026-03-02' }, expect: { expires: null, suspended: true, status: 'running', rule: { code: 'death-suspended-no-heir' } } },
  { name: 'heir known in the last six months: ends six months later', due: '2023-12-28', extra: { deceasedOn: '2026-03-02', heirKnownOn: '2026-11-20' }, expect: { expires: '2027-05-20', rule: { code: 'death-suspension' } } },
  { name: 'heir known before the last six months: no suspension', due: '2023-12-28', extra: { deceasedOn: '2025-03-02', heirKnownOn: '2025-04-01' }, expect: { expires: '2026-12-28' } },
];

describe('the borrower’s clock, case by case', () => {
  it('has at least 40 dated cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));
  for (const c of CASES) {
    it(c.name, () => {
      const r = limitationClock({ dueDate: c.due, events: c.events ?? [], periodYears: 3, ...c.extra }, c.today ?? TODAY, 30);
      expect(r).toMatchObject(c.expect);
      if (c.effects) expect(r.events.map((e) => e.effect)).toEqual(c.effects);
      // Every step says why, with an article or the reason it does not count.
      for (const e of r.events) expect(e.why.zh.length > 0 && e.why.en.length > 0).toBe(true);
    });
  }
});

type GCase = { name: string; g: Parameters<typeof guaranteeClock>[0]; expect: Record<string, unknown> };
const GCASES: GCase[] = [
  { name: 'no type, loan from 2021: general (art. 686)', g: { guarantor: 'g', dueDate: '2026-10-01', loanDate: '2021-01-01' }, expect: { type: 'general', typeSource: 'default-from-2021' } },
  { name: 'no type, loan before 2021: joint', g: { guarantor: 'g', dueDate: '2026-10-01', loanDate: '2020-12-31' }, expect: { type: 'joint', typeSource: 'default-before-2021' } },
  { name: 'no type, no loan date: general', g: { guarantor: 'g', dueDate: '2026-10-01' }, expect: { type: 'general', typeSource: 'default-unknown-date' } },
  { name: 'the roster’s type wins', g: { guarantor: 'g', dueDate: '2026-10-01', loanDate: '2022-01-01', type: 'joint' }, expect: { type: 'joint', typeSource: 'roster' } },
  { name: 'an agreed end not later than the due date is not agreed: six months', g: { guarantor: 'g', dueDate: '2026-10-01', until: '2026-10-01' }, expect: { ends: '2027-04-01', source: 'not-later-than-due', state: 'period-running' } },
  { name: 'an agreed end after the due date stands', g: { guarantor: 'g', dueDate: '2026-10-01', until: '2028-10-01' }, expect: { ends: '2028-10-01', source: 'roster' } },
  { name: 'joint: a demand within the period starts the guarantor’s own 3 years', g: { guarantor: 'g', dueDate: '2025-06-01', type: 'joint', acts: [{ date: '2025-09-01', kind: 'demand' }] }, expect: { state: 'limitation-running', actedOn: '2025-09-01', limitationEnds: '2028-09-01' } },
  { name: 'joint: no demand in the period: released (art. 693)', g: { guarantor: 'g', dueDate: '2025-06-01', type: 'joint' }, expect: { state: 'released', ends: '2025-12-01' } },
  { name: 'joint: a demand after the period is too late', g: { guarantor: 'g', dueDate: '2025-06-01', type: 'joint', acts: [{ date: '2026-01-15', kind: 'demand' }] }, expect: { state: 'released' } },
  { name: 'joint: a lawsuit against the borrower does not keep a joint guarantor', g: { guarantor: 'g', dueDate: '2025-06-01', type: 'joint', acts: [{ date: '2025-09-01', kind: 'lawsuit' }] }, expect: { state: 'released' } },
  { name: 'general: a lawsuit against the borrower within the period (safe bound: its date)', g: { guarantor: 'g', dueDate: '2025-06-01', type: 'general', acts: [{ date: '2025-10-01', kind: 'lawsuit' }] }, expect: { state: 'limitation-running', actKind: 'lawsuit', limitationEnds: '2028-10-01' } },
  { name: 'general: a demand on the guarantor alone does not keep them', g: { guarantor: 'g', dueDate: '2025-06-01', type: 'general', acts: [{ date: '2025-09-01', kind: 'demand' }] }, expect: { state: 'released' } },
  { name: 'the guarantor’s limitation restarts with their later payment', g: { guarantor: 'g', dueDate: '2020-06-01', type: 'joint', acts: [{ date: '2020-09-01', kind: 'demand' }, { date: '2023-08-01', kind: 'payment' }, { date: '2026-07-01', kind: 'intent' }] }, expect: { state: 'limitation-running', limitationEnds: '2029-07-01' } },
  { name: 'the guarantor’s limitation expired', g: { guarantor: 'g', dueDate: '2020-06-01', type: 'joint', acts: [{ date: '2020-09-01', kind: 'demand' }] }, expect: { state: 'limitation-expired', limitationEnds: '2023-09-01' } },
  { name: 'period ending within the window', g: { guarantor: 'g', dueDate: '2026-06-10', type: 'joint' }, expect: { status: 'ending', daysLeft: 18, state: 'period-running' } },
];

describe('the guarantor’s clock, case by case', () => {
  for (const c of GCASES) it(c.name, () => expect(guaranteeClock(c.g, TODAY, 30)).toMatchObject(c.expect));
  it('follows an acceleration of the main debt', () => {
    const facts = {
      loanNo: 'L', dueDate: '2026-10-01', loanDate: '2020-01-01', guarantor: 'g', guaranteeUntil: null, guaranteeType: null, principalFen: 100, interestFen: 0,
      events: [{ date: '2025-02-01', kind: 'accelerated' }], guarantorActs: [], deceasedOn: null, heirKnownOn: null, officerFinding: null,
    } as unknown as LoanClockFacts;
    const row = loanClockRow(facts, { today: TODAY, periodYears: 3, withinDays: 30 });
    expect(row.clock).toMatchObject({ start: '2025-02-01', expires: '2028-02-01' });
    expect(row.guarantee).toMatchObject({ ends: '2025-08-01', state: 'released', type: 'joint' });
  });
});

describe('which recorded outcome is which legal event', () => {
  const o = (kind: ClockOutcome['kind'], actor: ClockOutcome['actor'], more: Partial<ClockOutcome> = {}): ClockOutcome => ({
    visitId: 1, date: '2026-11-17', kind, actor, reason: null, where: null, text: null, principalFen: null, interestFen: null, noticeType: null, ...more,
  });
  it('the borrower’s signature and promise in one visit are one signed promise', () => {
    expect(visitClockEvents([o('notice-signed', 'borrower'), o('intent', 'borrower')]).events.map((e) => e.kind)).toEqual(['signed-promise']);
  });
  it('a relative’s signature with the borrower’s promise stay apart', () => {
    expect(visitClockEvents([o('notice-signed', 'relative'), o('intent', 'borrower')]).events.map((e) => [e.kind, e.actor])).toEqual([['notice-signed', 'relative'], ['intent', 'borrower']]);
  });
  it('the guarantor’s signature is a demand on the guarantor', () => {
    const r = visitClockEvents([o('notice-signed', 'guarantor')]);
    expect(r.guarantorActs).toEqual([{ date: '2026-11-17', kind: 'demand', visitId: 1 }]);
    expect(r.events[0]).toMatchObject({ actor: 'guarantor' });
  });
  it('an officer’s statute-expired finding is kept as a finding, not an event', () => {
    expect(visitClockEvents([o('statute-expired', null)])).toMatchObject({ events: [], finding: '2026-11-17' });
  });
  it('legal stages must come in order', () => {
    expect(legalStageProblem([], { stage: 'judgment', date: '2026-01-01', performBy: null })?.flag).toBe('--stage');
    expect(legalStageProblem([{ stage: 'filed', date: '2026-02-01' }], { stage: 'judgment', date: '2026-01-01', performBy: null })?.flag).toBe('--date');
    expect(legalStageProblem([{ stage: 'filed', date: '2025-02-01' }], { stage: 'judgment', date: '2026-01-01', performBy: '2025-12-01' })?.flag).toBe('--perform-by');
    expect(legalStageProblem([{ stage: 'filed', date: '2025-02-01' }], { stage: 'judgment', date: '2026-01-01', performBy: '2026-01-31' })).toBeNull();
    expect(legalStageProblem([{ stage: 'filed', date: '2025-02-01' }], { stage: 'enforcement', date: '2026-01-01', performBy: null })?.flag).toBe('--stage');
  });
});
