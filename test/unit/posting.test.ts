// The posting rules (src/domain/posting.ts) as a table: statements and field payments in, states, branch drops and the outstanding balance out.
import { describe, expect, it } from 'vitest';
import { balanceAt, effectiveStatements, postLoan, type FieldPayment, type LedgerStatement } from '../../src/domain/posting.js';

const st = (asOf: string, p: number, i = 0, uid = `s-${asOf}-${p}-${i}`): LedgerStatement => ({ uid, asOf, principalFen: p, interestFen: i, recordedAt: `${asOf}T01:00:00Z` });
let n = 0;
const pay = (paidOn: string, p: number, i = 0, confirmed = false, key?: string): FieldPayment => ({ id: ++n, key: key ?? `${paidOn}:${String(n).padStart(4, '0')}`, paidOn, principalFen: p, interestFen: i, confirmed });

interface Case {
  name: string;
  statements: LedgerStatement[];
  payments: FieldPayment[];
  /** Per payment, in date order: state[/posted on][ interest state]. */
  states: string[];
  branch: [string, string, number, number][];
  outstanding: [number, number];
}

const cases: Case[] = [
  { name: 'no payments, one statement', statements: [st('2026-11-01', 1000, 100)], payments: [], states: [], branch: [], outstanding: [1000, 100] },
  {
    name: 'payment after the only statement: not yet posted',
    statements: [st('2026-11-01', 1000, 100)],
    payments: [pay('2026-11-05', 300, 50)],
    states: ['unposted'],
    branch: [],
    outstanding: [700, 50],
  },
  {
    name: 'payment on the as-of day is not in that statement',
    statements: [st('2026-11-01', 1000)],
    payments: [pay('2026-11-01', 300)],
    states: ['unposted'],
    branch: [],
    outstanding: [700, 0],
  },
  {
    name: 'exact fit: the drop equals the payment',
    statements: [st('2026-11-01', 1000, 100), st('2026-11-20', 700, 50)],
    payments: [pay('2026-11-05', 300, 50)],
    states: ['posted/2026-11-20 posted'],
    branch: [],
    outstanding: [700, 50],
  },
  {
    name: 'two payments fit one drop',
    statements: [st('2026-11-01', 1000), st('2026-11-20', 500)],
    payments: [pay('2026-11-03', 200), pay('2026-11-10', 300)],
    states: ['posted/2026-11-20 posted', 'posted/2026-11-20 posted'],
    branch: [],
    outstanding: [500, 0],
  },
  {
    name: 'partial: the older posts, the one that does not fit waits',
    statements: [st('2026-11-01', 1000), st('2026-11-20', 700)],
    payments: [pay('2026-11-03', 300), pay('2026-11-10', 200)],
    states: ['posted/2026-11-20 posted', 'unposted'],
    branch: [],
    outstanding: [500, 0],
  },
  {
    name: 'oldest first: a payment too large stops the run (nothing posts out of order), the drop is the branch’s',
    statements: [st('2026-11-01', 1000), st('2026-11-20', 700)],
    payments: [pay('2026-11-03', 500), pay('2026-11-10', 300)],
    states: ['unposted', 'unposted'],
    branch: [['2026-11-01', '2026-11-20', 300, 0]],
    outstanding: [-100, 0],
  },
  {
    name: 'carry-over: cash deposited late posts at a later statement',
    statements: [st('2026-11-01', 1000), st('2026-11-10', 1000), st('2026-11-30', 600)],
    payments: [pay('2026-11-05', 400)],
    states: ['posted/2026-11-30 posted'],
    branch: [],
    outstanding: [600, 0],
  },
  {
    name: 'a payment dated after the later statement is not a candidate for it',
    statements: [st('2026-11-01', 1000), st('2026-11-10', 600)],
    payments: [pay('2026-11-12', 400)],
    states: ['unposted'],
    branch: [['2026-11-01', '2026-11-10', 400, 0]],
    outstanding: [200, 0],
  },
  {
    name: 'branch payment: a drop with no field payment',
    statements: [st('2026-11-01', 1000, 80), st('2026-11-20', 800, 50)],
    payments: [],
    states: [],
    branch: [['2026-11-01', '2026-11-20', 200, 30]],
    outstanding: [800, 50],
  },
  {
    name: 'drop larger than the field cash: the rest was paid at the branch',
    statements: [st('2026-11-01', 1000), st('2026-11-20', 500)],
    payments: [pay('2026-11-05', 300)],
    states: ['posted/2026-11-20 posted'],
    branch: [['2026-11-01', '2026-11-20', 200, 0]],
    outstanding: [500, 0],
  },
  {
    name: 'interest not determinable: the interest drop is smaller than the field interest (accrual)',
    statements: [st('2026-11-01', 1000, 100), st('2026-11-20', 700, 90)],
    payments: [pay('2026-11-05', 300, 50)],
    states: ['posted/2026-11-20 not-determinable'],
    branch: [],
    outstanding: [700, 40],
  },
  {
    name: 'interest grew between statements: not determinable, and no branch interest',
    statements: [st('2026-11-01', 1000, 100), st('2026-11-20', 700, 130)],
    payments: [pay('2026-11-05', 300, 20)],
    states: ['posted/2026-11-20 not-determinable'],
    branch: [],
    outstanding: [700, 110],
  },
  {
    name: 'interest posts oldest first as far as the drop allows',
    statements: [st('2026-11-01', 1000, 100), st('2026-11-20', 500, 40)],
    payments: [pay('2026-11-03', 200, 50), pay('2026-11-10', 300, 30)],
    states: ['posted/2026-11-20 posted', 'posted/2026-11-20 not-determinable'],
    branch: [],
    outstanding: [500, 10],
  },
  {
    name: 'interest-only payment posts with the next statement when its interest drop shows it',
    statements: [st('2026-11-01', 1000, 100), st('2026-11-20', 1000, 60)],
    payments: [pay('2026-11-05', 0, 40)],
    states: ['posted/2026-11-20 posted'],
    branch: [],
    outstanding: [1000, 60],
  },
  {
    name: 'principal grows between statements: nothing posts, nothing was paid at the branch',
    statements: [st('2026-11-01', 1000), st('2026-11-20', 1500)],
    payments: [pay('2026-11-05', 300)],
    states: ['unposted'],
    branch: [],
    outstanding: [1200, 0],
  },
  {
    name: 'principal grows, then drops: the payment carries over and posts',
    statements: [st('2026-11-01', 1000), st('2026-11-10', 1500), st('2026-11-30', 1200)],
    payments: [pay('2026-11-05', 300)],
    states: ['posted/2026-11-30 posted'],
    branch: [],
    outstanding: [1200, 0],
  },
  {
    name: 'before the first statement, not confirmed: counts as not posted (the lost-payment case)',
    statements: [st('2026-11-22', 1500)],
    payments: [pay('2026-11-21', 1500)],
    states: ['confirm'],
    branch: [],
    outstanding: [0, 0],
  },
  {
    name: 'before the first statement, confirmed: in the first statement',
    statements: [st('2026-11-22', 1500, 100)],
    payments: [pay('2026-11-21', 500, 20, true)],
    states: ['posted/2026-11-22 posted'],
    branch: [],
    outstanding: [1500, 100],
  },
  {
    name: 'an unconfirmed pre-statement payment never takes a later drop',
    statements: [st('2026-11-10', 1000), st('2026-11-20', 700)],
    payments: [pay('2026-11-05', 300)],
    states: ['confirm'],
    branch: [['2026-11-10', '2026-11-20', 300, 0]],
    outstanding: [400, 0],
  },
  {
    name: 'a void payment is simply absent (the caller passes live payments only)',
    statements: [st('2026-11-01', 1000), st('2026-11-20', 700)],
    payments: [],
    states: [],
    branch: [['2026-11-01', '2026-11-20', 300, 0]],
    outstanding: [700, 0],
  },
  {
    name: 'a void confirmation: the payment is to confirm again',
    statements: [st('2026-11-22', 1500)],
    payments: [pay('2026-11-21', 500, 0, false)],
    states: ['confirm'],
    branch: [],
    outstanding: [1000, 0],
  },
  {
    name: 'two statements of one day: the lower balance is used',
    statements: [st('2026-11-01', 1000), st('2026-11-20', 800, 0, 'b'), st('2026-11-20', 700, 0, 'a')],
    payments: [pay('2026-11-05', 300)],
    states: ['posted/2026-11-20 posted'],
    branch: [],
    outstanding: [700, 0],
  },
  {
    name: 'statements arrive in any order',
    statements: [st('2026-11-20', 700), st('2026-11-01', 1000)],
    payments: [pay('2026-11-05', 300)],
    states: ['posted/2026-11-20 posted'],
    branch: [],
    outstanding: [700, 0],
  },
  {
    name: 'paid in full in the field, the ledger shows zero',
    statements: [st('2026-11-01', 1000, 100), st('2026-11-20', 0, 0)],
    payments: [pay('2026-11-05', 1000, 100)],
    states: ['posted/2026-11-20 posted'],
    branch: [],
    outstanding: [0, 0],
  },
  {
    name: 'no statement at all: every payment waits',
    statements: [],
    payments: [pay('2026-11-05', 100)],
    states: ['unposted'],
    branch: [],
    outstanding: [-100, 0],
  },
];

function describeState(p: ReturnType<typeof postLoan>['payments'][number]): string {
  if (p.state !== 'posted') return p.state;
  return `posted/${p.postedOn} ${p.interestState}`;
}

describe('postLoan', () => {
  it('has at least 20 cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));
  for (const c of cases) {
    it(c.name, () => {
      const r = postLoan(c.statements, c.payments);
      expect(r.payments.map(describeState)).toEqual(c.states);
      expect(r.branch.map((b) => [b.from, b.to, b.principalFen, b.interestFen])).toEqual(c.branch);
      expect([r.outstanding.principalFen, r.outstanding.interestFen]).toEqual(c.outstanding);
      // The balance "now" on the weekly basis agrees with the outstanding balance when the day is after every fact.
      const bal = balanceAt(r, '2099-01-01');
      expect([bal.principalFen, bal.interestFen]).toEqual(c.outstanding);
      // Input order does not matter.
      const again = postLoan([...c.statements].reverse(), [...c.payments].reverse());
      expect(again.payments.map(describeState)).toEqual(c.states);
      expect(again.outstanding).toEqual(r.outstanding);
    });
  }
});

describe('balanceAt (start of a day)', () => {
  const statements = [st('2026-11-13', 1000, 100), st('2026-12-01', 600, 60)];
  const payments = [pay('2026-11-04', 100, 0), pay('2026-11-10', 50, 10, true), pay('2026-11-18', 400, 40)];
  const r = postLoan(statements, payments);
  const at = (d: string) => {
    const b = balanceAt(r, d);
    return [b.principalFen, b.interestFen];
  };
  it('before the first statement: the first plus confirmed payments from the day on, less unconfirmed ones before it', () => {
    expect(at('2026-11-01')).toEqual([1050, 110]);
    expect(at('2026-11-05')).toEqual([950, 110]);
    expect(at('2026-11-12')).toEqual([900, 100]);
  });
  it('between statements: the latest on or before the day, less payments before the day it does not show', () => {
    expect(at('2026-11-13')).toEqual([900, 100]);
    expect(at('2026-11-18')).toEqual([900, 100]);
    expect(at('2026-11-19')).toEqual([500, 60]);
  });
  it('after the latest statement: the outstanding balance', () => {
    expect(at('2026-12-01')).toEqual([500, 60]);
    expect([r.outstanding.principalFen, r.outstanding.interestFen]).toEqual([500, 60]);
  });
});

describe('effectiveStatements', () => {
  it('keeps one per day, oldest first, the same whatever the input order', () => {
    const a = [st('2026-11-20', 800, 5, 'x'), st('2026-11-01', 1000), st('2026-11-20', 800, 3, 'y')];
    expect(effectiveStatements(a).map((s) => s.uid)).toEqual(['s-2026-11-01-1000-0', 'y']);
    expect(effectiveStatements([...a].reverse()).map((s) => s.uid)).toEqual(['s-2026-11-01-1000-0', 'y']);
  });
});
