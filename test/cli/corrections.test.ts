// A voided visit takes its side effects with it: the status (deceased, away) it recorded lapses, and so does the death suspension.
import { beforeEach, describe, expect, it } from 'vitest';
import { runInProcess, sampleDb, succeeded } from '../helpers.js';

const ok = async (args: string[], db: string) => succeeded(args, await runInProcess(args, { db }));

describe('a voided visit takes its status change with it', () => {
  let db: string;
  beforeEach(() => {
    db = sampleDb();
  });
  it('deceased by a visit, then the visit voided: active again, and the clock is not suspended', async () => {
    const logged = JSON.parse(
      (await ok(['visit', 'log', '--loan', 'WS-2022-0001', '--officer', '张明', '--outcome', 'not-signed', '--reason', 'deceased', '--date', '2026-11-20', '--json'], db)).stdout,
    );
    const show = async () => JSON.parse((await ok(['borrower', 'show', 'WS-2022-0001', '--json'], db)).stdout);
    expect((await show()).status).toBe('deceased');
    await ok(['visit', 'void', String(logged.visit_id ?? logged.id), '--reason', 'wrong household', '--officer', '张明'], db);
    const after = await show();
    expect(after.status).toBe('active');
    expect(after.deceased_on).toBeNull();
    const clock = JSON.parse((await ok(['loan', 'clock', 'WS-2022-0001', '--json'], db)).stdout);
    expect(clock.suspended ?? false).toBe(false);
  });
  it('away by a visit, then voided: the place is gone too', async () => {
    const logged = JSON.parse(
      (await ok(['visit', 'log', '--loan', 'WS-2022-0015', '--officer', '张明', '--outcome', 'not-signed', '--reason', 'away', '--where', '广州', '--json'], db)).stdout,
    );
    await ok(['visit', 'void', String(logged.visit_id ?? logged.id), '--reason', 'x', '--officer', '张明'], db);
    const s = JSON.parse((await ok(['borrower', 'show', 'WS-2022-0015', '--json'], db)).stdout);
    expect(s.status).toBe('active');
    expect(s.status_where).toBeNull();
  });
});
