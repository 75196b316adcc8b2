// Contacts beyond the field visit (issue 10): each channel with and without its proof, and what it does to the limitation clock.
// The binary runs one whole flow (a message logged, the clock read, the list with the number masked), a usage error,
// the weekly report as text and the merge of the bundles on a second laptop; the other writes and reads run in-process
// (runInProcess: the same run() the binary calls) on the same database file.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, json, runInProcess, snapshot, tmpDir, succeeded } from '../helpers.js';

const dir = tmpDir('fv-chan-');
const db = path.join(dir, 'chan.db');
// Every loan due 2024-05-06: the plain period ends 2027-05-06.
const ROSTER = [
  'township,village,group,household,borrower,loan_no,principal,interest,loan_date,due_date,officer',
  ...['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-6', 'C-7', 'C-8'].map((n, i) => `丙镇,丙村委,一组,户${i},人${i},${n},1000,0,2022-01-01,2024-05-06,王芳`),
].join('\n');

/** In-process. */
const ok = async (args: string[], file = db) => succeeded(args, await runInProcess(args, { db: file }));
/** Through the built binary. */
const okBin = (args: string[], file = db) => succeeded(args, cli(args, { db: file }));
const clock = async (loan: string, file = db) => json(await runInProcess(['loan', 'clock', loan, '--json'], { db: file }));
const log = (loan: string, ...a: string[]) => ok(['visit', 'log', '--loan', loan, '--officer', '王芳', ...a]);
const inProcess = (args: string[]) => runInProcess(args, { db });

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'roster.csv'), ROSTER + '\n');
  await ok(['import', 'roster', path.join(dir, 'roster.csv'), '--as-of', '2026-11-01']);
});

describe('a demand by message or letter counts from its recorded delivery date', async () => {
  it('message delivered on a date: interrupts from that date', async () => {
    okBin(['visit', 'log', '--loan', 'C-1', '--officer', '王芳', '--channel', 'message', '--outcome', 'demand', '--to', '13900001111', '--date', '2026-11-10', '--delivered-on', '2026-11-11']);
    expect(json(cli(['loan', 'clock', 'C-1', '--json'], { db }))).toMatchObject({ expires: '2029-11-11', last_interruption: { kind: 'demand', date: '2026-11-11' } });
    // The number is masked in what is shown.
    const v = json(cli(['visit', 'list', '--loan', 'C-1', '--json'], { db }))[0];
    expect(v).toMatchObject({ channel: 'message', evidence: { delivery: 'delivered', delivered_on: '2026-11-11' } });
    expect(v.evidence.delivered_to).not.toContain('00001111');
  });
  it('without a delivery date it does not count (stricter than "should have arrived")', async () => {
    await log('C-2', '--channel', 'message', '--outcome', 'demand', '--date', '2026-11-10');
    const c = await clock('C-2');
    expect(c.expires).toBe('2027-05-06');
    expect(c.events[0]).toMatchObject({ kind: 'demand', effect: 'does-not-interrupt' });
    expect(c.events[0].why.en).toContain('no delivery date');
  });
  it('a letter with its tracking number, delivered: interrupts from the delivery', async () => {
    await log('C-3', '--channel', 'letter', '--outcome', 'demand', '--tracking-no', 'EMS1234567890CN', '--date', '2026-10-01', '--delivered-on', '2026-10-04');
    expect(await clock('C-3')).toMatchObject({ expires: '2029-10-04' });
  });
});

describe('a promise by phone or message counts only with its proof', async () => {
  it('a phone promise without a recording: recorded, no proof, does not interrupt', async () => {
    await log('C-4', '--channel', 'phone', '--outcome', 'intent', '--promise-amount', '100', '--promise-date', '2026-12-01', '--date', '2026-11-05');
    const c = await clock('C-4');
    expect(c.expires).toBe('2027-05-06');
    expect(c.events[0]).toMatchObject({ kind: 'intent', effect: 'does-not-interrupt' });
    expect(c.events[0].why.en).toContain('no proof');
    // The promise itself still stands as a promise to follow up.
    expect(json(await inProcess(['promise', 'list', '--json'])).some((p: { loan_no: string }) => p.loan_no === 'C-4')).toBe(true);
  });
  it('with a recording of the call: interrupts', async () => {
    await log('C-5', '--channel', 'phone', '--recording', '--outcome', 'intent', '--promise-amount', '100', '--promise-date', '2026-12-01', '--date', '2026-11-05');
    expect(await clock('C-5')).toMatchObject({ expires: '2029-11-05' });
  });
  it('a promise by message with no screenshot does not interrupt', async () => {
    await log('C-6', '--channel', 'message', '--outcome', 'intent', '--promise-amount', '100', '--promise-date', '2026-12-01', '--date', '2026-11-05');
    expect((await clock('C-6')).expires).toBe('2027-05-06');
  });
  it('a promise by message with its screenshot attached counts', async () => {
    const shot = path.join(dir, 'wechat.png');
    fs.writeFileSync(shot, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(40, 1)]));
    await log('C-8', '--channel', 'message', '--outcome', 'intent', '--promise-amount', '100', '--promise-date', '2026-12-01', '--date', '2026-11-05', '--attach', shot);
    expect(await clock('C-8')).toMatchObject({ expires: '2029-11-05' });
    // The wrong file, voided: the promise has no proof any more.
    const visitId = json(await inProcess(['visit', 'list', '--loan', 'C-8', '--json'])).find((v: { channel: string }) => v.channel === 'message').visit_id;
    const att = json(await inProcess(['visit', 'show', String(visitId), '--json'])).attachments[0];
    await ok(['attachment', 'void', String(att.attachment_id), '--reason', '传错文件', '--officer', '王芳']);
    expect(json(await inProcess(['visit', 'show', String(visitId), '--json'])).attachments[0]).toMatchObject({ void_reason: '传错文件' });
    expect((await clock('C-8')).expires).toBe('2027-05-06');
    // Attach the right one again: it counts.
    const shot2 = path.join(dir, 'wechat2.png');
    fs.writeFileSync(shot2, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(40, 2)]));
    await ok(['visit', 'attach', String(visitId), shot2, '--officer', '王芳']);
    expect(await clock('C-8')).toMatchObject({ expires: '2029-11-05' });
  });
  it('at the office, in person, a signature counts as on a field visit', async () => {
    await log('C-7', '--channel', 'office', '--outcome', 'notice-signed', '--date', '2026-11-06');
    expect(await clock('C-7')).toMatchObject({ expires: '2029-11-06' });
  });
});

describe('bad input', async () => {
  it('an evidence flag for another channel is a usage error naming it; a demand in person is refused; nothing saved', async () => {
    const before = snapshot(db);
    const r = cli(['visit', 'log', '--loan', 'C-8', '--officer', '王芳', '--channel', 'phone', '--outcome', 'demand', '--tracking-no', 'X'], { db });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--tracking-no');
    const inPerson = await inProcess(['visit', 'log', '--loan', 'C-8', '--officer', '王芳', '--outcome', 'demand']);
    expect(inPerson.code).toBe(1);
    expect(inPerson.stderr).toContain('--channel message|letter|lawyer-letter');
    const early = await inProcess(['visit', 'log', '--loan', 'C-8', '--officer', '王芳', '--channel', 'letter', '--outcome', 'demand', '--date', '2026-11-10', '--delivered-on', '2026-11-09']);
    expect(early.code).toBe(1);
    expect(snapshot(db)).toBe(before);
  });
});

describe('reports', async () => {
  it('the weekly report keeps field-visit figures and adds the other contacts by channel; the officers report counts them beside the quota', async () => {
    await log('C-8', '--outcome', 'not-signed', '--reason', 'refused', '--date', '2026-11-04');
    const w = json(await inProcess(['report', 'weekly', '--week', '2026-W45', '--json']));
    // One field visit (C-8) in the figures; the calls and messages of the week only in other_contacts.
    expect(w.totals.households_visited).toBe(1);
    expect(w.other_contacts).toEqual({ message: 2, office: 1, phone: 2 });
    const text = cli(['report', 'weekly', '--week', '2026-W45'], { db }).stdout;
    expect(text).toContain('Other contacts this week');
    const o = json(await inProcess(['report', 'officers', '--month', '2026-11', '--json']));
    const wf = o.officers.find((x: { officer: string }) => x.officer === '王芳');
    expect(wf.visits).toBe(1);
    // The letter went out in October: not this month.
    expect(wf.contacts_by_channel).toEqual({ message: 4, office: 1, phone: 2 });
  });
});

describe('channels travel', async () => {
  it('a second laptop computes the same clocks from a bundle', async () => {
    const roster = path.join(dir, 'r.fvb');
    const changes = path.join(dir, 'c.fvb');
    await ok(['export', '--roster', '--township', '丙镇', '--out', roster]);
    await ok(['export', '--all', '--out', changes]);
    const other = path.join(tmpDir('fv-chan2-'), 'b.db');
    okBin(['merge', roster, changes], other);
    for (const n of ['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-6', 'C-7']) expect((await clock(n, other)).steps, n).toEqual((await clock(n)).steps);
  });
});
