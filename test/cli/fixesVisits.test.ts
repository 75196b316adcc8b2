// Review fixes: notice issue refusals before a number is drawn, visit log/void checks, masked loan look-ups, dedupe keys.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, runInProcess, sampleDb, snapshot, tmpDir } from '../helpers.js';

let base: string;
beforeAll(() => {
  base = sampleDb({ visits: true });
});
function fresh(): string {
  const f = path.join(tmpDir(), 'f.db');
  fs.copyFileSync(base, f);
  return f;
}
const notices = (db: string) => query(db, `SELECT count(*) AS n FROM notices`)[0].n as number;

describe('notice issue --out', () => {
  it('a path that cannot be written is refused before a number is drawn, in both languages', async () => {
    const db = fresh();
    const before = notices(db);
    const bad = path.join(tmpDir(), 'no-such-folder', 'n.html');
    const en = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--out', bad], { db });
    expect(en.code, en.stderr).toBe(1);
    expect(en.stderr).toMatch(/Cannot write .*n\.html .*check that the folder exists and is writable/);
    expect(en.stderr).not.toMatch(/internal|bug/i);
    const zh = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--out', tmpDir()], { db, lang: 'zh' });
    expect(zh.code, zh.stderr).toBe(1);
    expect(zh.stderr).toMatch(/无法写入.*请检查文件夹是否存在且可写/);
    expect(notices(db)).toBe(before);
    // The next good issue still takes the first number.
    const out = path.join(tmpDir(), 'n.txt');
    const ok = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--out', out, '--json'], { db });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).notice_no).toBe('涡水镇-2026-0001');
    expect(fs.readFileSync(out, 'utf8')).toMatch(/涡水镇-2026-0001/);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['n.txt']);
  });
});
