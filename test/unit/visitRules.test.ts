// The rules of a visit live in checkVisit (domain/visit.ts); a visits file's row is checked by the same rules, each problem at its column.
import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../src/import/headers.js';
import { VISIT_FIELDS, parseVisitRow, type VisitField } from '../../src/import/parseVisitRow.js';
import { checkVisit, visitProblems, type VisitInput } from '../../src/domain/visit.js';

const COLS = 'visit_date,loan_no,officer,outcome,principal_paid,interest_paid,promise_amount,promise_date,notice_no,signed_by,relation,reason,where,note,escalate,visit_id'.split(',');
const header = mapHeader<VisitField>(COLS, VISIT_FIELDS);
const row = (v: Partial<Record<string, string>>) => COLS.map((c) => v[c] ?? '');
const BASE = { visit_date: '2026-11-20', loan_no: 'WS-1', officer: '张明' };
const errors = (v: Partial<Record<string, string>>) =>
  parseVisitRow(2, row({ ...BASE, ...v }), header)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.field}: ${p.reason.en}`);

describe('visitProblems: every broken rule names its field', () => {
  it('returns rule and field; checkVisit is its messages', () => {
    const v: VisitInput = {
      householdId: 1,
      borrowerId: 1,
      visitDate: '2026-11-20',
      officer: '张明',
      source: 'cli',
      createdAt: '',
      outcomes: [
        { kind: 'cash', loanId: 1, principalFen: 0, interestFen: 0 },
        { kind: 'intent', loanId: 1, promiseAmountFen: 500, promiseDate: '2026-11-01' },
        { kind: 'not-signed', loanId: 1, reason: null },
        { kind: 'notice-signed', loanId: 1 },
      ],
    };
    const ps = visitProblems(v, '2026-11-22');
    expect(ps.map((p) => [p.rule, p.field])).toEqual([
      ['signed-and-not-signed', 'outcomes'],
      ['cash-amount', 'principalFen'],
      ['promise-before-visit', 'promiseDate'],
      ['not-signed-reason', 'reason'],
    ]);
    expect(checkVisit(v, '2026-11-22')).toEqual(ps.map((p) => p.text));
    expect(visitProblems({ ...v, outcomes: [{ kind: 'note', loanId: null }], visitDate: '2026-12-01' }).map((p) => p.rule)).toEqual([]);
    expect(visitProblems({ ...v, outcomes: [{ kind: 'note', loanId: null }], visitDate: '2026-12-01' }, '2026-11-22').map((p) => p.rule)).toEqual(['future-date']);
  });
});

describe('a visits file row: the same rules, at their columns', () => {
  it('each rule once, with the file wording', () => {
    expect(errors({ outcome: 'cash' })).toEqual(['principal_paid: cash needs principal_paid or interest_paid']);
    expect(errors({ outcome: 'intent' })).toEqual(['promise_amount: an intent needs promise_amount', 'promise_date: an intent needs promise_date']);
    expect(errors({ outcome: 'intent', promise_amount: '500', promise_date: '2026-11-01' })).toEqual(['promise_date: promise_date is before visit_date']);
    expect(errors({ outcome: 'not-signed' })).toEqual(['reason: not-signed needs a reason']);
    expect(errors({ outcome: 'notice-signed;not-signed', reason: 'away' })).toEqual(['outcome: one row cannot be both notice-signed and not-signed']);
    expect(errors({ outcome: 'note', principal_paid: '5' })).toEqual(['outcome: amounts paid are filled in but the outcome has no cash']);
    expect(errors({ outcome: 'cash;intent', principal_paid: '100', promise_amount: '500', promise_date: '2026-12-01' })).toEqual([]);
    // A missing officer or outcome is a missing required value, said once.
    expect(errors({ outcome: '', officer: '' })).toEqual(['officer: a required value is missing', 'outcome: a required value is missing']);
  });
});
