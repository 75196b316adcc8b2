// Contacts beyond the field visit (issue 10): each channel with and without its proof, and what it does to the limitation clock.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, json, snapshot, tmpDir, type CliResult } from '../helpers.js';

const dir = tmpDir('fv-chan-');
const db = path.join(dir, 'chan.db');
// Every loan due 2024-05-06: the plain period ends 2027-05-06.
const ROSTER = [
  'township,village,group,household,borrower,loan_no,principal,interest,loan_date,due_date,officer',
  ...['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-6', 'C-7', 'C-8'].map((n, i) => `丙镇,丙村委,一组,户${i},人${i},${n},1000,0,2022-01-01,2024-05-06,王芳`),
].join('\n');

function ok(args: string[], file = db): CliResult {
  const r = cli(args, { db: file });
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r;
}
const clock = (loan: string, file = db) => json(cli(['loan', 'clock', loan, '--json'], { db: file }));
const log = (loan: string, ...a: string[]) => ok(['visit', 'log', '--loan', loan, '--officer', '王芳', ...a]);

beforeAll(() => {
  fs.writeFileSync(path.join(dir, 'roster.csv'), ROSTER + '\n');
  ok(['import', 'roster', path.join(dir, 'roster.csv'), '--as-of', '2026-11-01']);
});

describe('a demand by message or letter counts from its recorded delivery date', () => {
  it('message delivered on a date: interrupts from that date', () => {
    log('C-1', '--channel', 'message', '--outcome', 'demand', '--to', '13900001111', '--date', '2026-11-10', '--delivered-on', '2026-11-11');
    expect(clock('C-1')).toMatchObject({ expires: '2029-11-11', last_interruption: { kind: 'demand', date: '2026-11-11' } });
    // The number is masked in what is shown.
    const v = json(cli(['visit', 'list', '--loan', 'C-1', '--json'], { db }))[0];
    expect(v).toMatchObject({ channel: 'message', evidence: { delivery: 'delivered', delivered_on: '2026-11-11' } });
    expect(v.evidence.delivered_to).not.toContain('00001111');
  });
  it('without a delivery date it does not count (stricter than "should have arrived")', () => {
    log('C-2', '--channel', 'message', '--outcome', 'demand', '--date', '2026-11-10');
    const c = clock('C-2');
    expect(c.expires).toBe('2027-05-06');
    expect(c.events[0]).toMatchObject({ kind: 'demand', effect: 'does-not-interrupt' });
    expect(c.events[0].why.en).toContain('no delivery date');
  });
  it('a letter with its tracking number, delivered: interrupts from the delivery', () => {
    log('C-3', '--channel', 'letter', '--outcome', 'demand', '--tracking-no', 'EMS1234567890CN', '--date', '2026-10-01', '--delivered-on', '2026-10-04');
    expect(clock('C-3')).toMatchObject({ expires: '2029-10-04' });
  });
});

describe('a promise by phone or message counts only with its proof', () => {
  it('a phone promise without a recording: recorded, no proof, does not interrupt', () => {
    log('C-4', '--channel', 'phone', '--outcome', 'intent', '--promise-amount', '100', '--promise-date', '2026-12-01', '--date', '2026-11-05');
    const c = clock('C-4');
    expect(c.expires).toBe('2027-05-06');
    expect(c.events[0]).toMatchObject({ kind: 'intent', effect: 'does-not-interrupt' });
    expect(c.events[0].why.en).toContain('no proof');
    // The promise itself still stands as a promise to follow up.
    expect(json(cli(['promise', 'list', '--json'], { db })).some((p: { loan_no: string }) => p.loan_no === 'C-4')).toBe(true);
  });
  it('with a recording of the call: interrupts', () => {
    log('C-5', '--channel', 'phone', '--recording', '--outcome', 'intent', '--promise-amount', '100', '--promise-date', '2026-12-01', '--date', '2026-11-05');
    expect(clock('C-5')).toMatchObject({ expires: '2029-11-05' });
  });
  it('a promise by message with no screenshot does not interrupt', () => {
    log('C-6', '--channel', 'message', '--outcome', 'intent', '--promise-amount', '100', '--promise-date', '2026-12-01', '--date', '2026-11-05');
    expect(clock('C-6').expires).toBe('2027-05-06');
  });
  it('a promise by message with its screenshot attached counts', () => {
    const shot = path.join(dir, 'wechat.png');
    fs.writeFileSync(shot, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(40, 1)]));
    log('C-8', '--channel', 'message', '--outcome', 'intent', '--promise-amount', '100', '--promise-date', '2026-12-01', '--date', '2026-11-05', '--attach', shot);
    expect(clock('C-8')).toMatchObject({ expires: '2029-11-05' });
    // The wrong file, voided: the promise has no proof any more.
    const visitId = json(cli(['visit', 'list', '--loan', 'C-8', '--json'], { db })).find((v: { channel: string }) => v.channel === 'message').visit_id;
    const att = json(cli(['visit', 'show', String(visitId), '--json'], { db })).attachments[0];
    ok(['attachment', 'void', String(att.attachment_id), '--reason', '传错文件', '--officer', '王芳']);
    expect(json(cli(['visit', 'show', String(visitId), '--json'], { db })).attachments[0]).toMatchObject({ void_reason: '传错文件' });
    expect(clock('C-8').expires).toBe('2027-05-06');
    // Attach the right one again: it counts.
    const shot2 = path.join(dir, 'wechat2.png');
    fs.writeFileSync(shot2, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(40, 2)]));
    ok(['visit', 'attach', String(visitId), shot2, '--officer', '王芳']);
    expect(clock('C-8')).toMatchObject({ expires: '2029-11-05' });
  });
  it('at the office, in person, a signature counts as on a field visit', () => {
    log('C-7', '--channel', 'office', '--outcome', 'notice-signed', '--date', '2026-11-06');
    expect(clock('C-7')).toMatchObject({ expires: '2029-11-06' });
  });
});

describe('bad input', () => {
  it('an evidence flag for another channel is a usage error naming it; a demand in person is refused; nothing saved', () => {
    const before = snapshot(db);
    const r = cli(['visit', 'log', '--loan', 'C-8', '--officer', '王芳', '--channel', 'phone', '--outcome', 'demand', '--tracking-no', 'X'], { db });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--tracking-no');
    const inPerson = cli(['visit', 'log', '--loan', 'C-8', '--officer', '王芳', '--outcome', 'demand'], { db });
    expect(inPerson.code).toBe(1);
    expect(inPerson.stderr).toContain('--channel message|letter|lawyer-letter');
    const early = cli(['visit', 'log', '--loan', 'C-8', '--officer', '王芳', '--channel', 'letter', '--outcome', 'demand', '--date', '2026-11-10', '--delivered-on', '2026-11-09'], { db });
    expect(early.code).toBe(1);
    expect(snapshot(db)).toBe(before);
  });
});

describe('reports', () => {
  it('the weekly report keeps field-visit figures and adds the other contacts by channel; the officers report counts them beside the quota', () => {
    log('C-8', '--outcome', 'not-signed', '--reason', 'refused', '--date', '2026-11-04');
    const w = json(cli(['report', 'weekly', '--week', '2026-W45', '--json'], { db }));
    // One field visit (C-8) in the figures; the calls and messages of the week only in other_contacts.
    expect(w.totals.households_visited).toBe(1);
    expect(w.other_contacts).toEqual({ message: 2, office: 1, phone: 2 });
    const text = cli(['report', 'weekly', '--week', '2026-W45'], { db }).stdout;
    expect(text).toContain('Other contacts this week');
    const o = json(cli(['report', 'officers', '--month', '2026-11', '--json'], { db }));
    const wf = o.officers.find((x: { officer: string }) => x.officer === '王芳');
    expect(wf.visits).toBe(1);
    // The letter went out in October: not this month.
    expect(wf.contacts_by_channel).toEqual({ message: 4, office: 1, phone: 2 });
  });
});

describe('channels travel', () => {
  it('a second laptop computes the same clocks from a bundle', () => {
    const roster = path.join(dir, 'r.fvb');
    const changes = path.join(dir, 'c.fvb');
    ok(['export', '--roster', '--township', '丙镇', '--out', roster]);
    ok(['export', '--all', '--out', changes]);
    const other = path.join(tmpDir('fv-chan2-'), 'b.db');
    ok(['merge', roster, changes], other);
    for (const n of ['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-6', 'C-7']) expect(clock(n, other).steps, n).toEqual(clock(n).steps);
  });
});
