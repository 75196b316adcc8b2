// End to end: the built binary prints the agenda and a loan's clock on the sample data.
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, sampleDb } from '../helpers.js';

let db: string;
beforeAll(() => {
  db = sampleDb({ visits: true });
});

describe('fieldvisit agenda and loan clock (binary)', () => {
  it('agenda --township 涡水镇 --limit 10', () => {
    const r = cli(['agenda', '--township', '涡水镇', '--limit', '10'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1. 房德');
    expect(r.stdout).toContain('WS-2022-0024 limitation expires 2026-12-10 (18 days)');
  });
  it('loan clock in Chinese', () => {
    const r = cli(['--lang', 'zh', 'loan', 'clock', 'WS-2022-0024'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2026-12-10 届满，还有 18 天');
  });
});
