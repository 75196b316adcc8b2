// Output piped into a reader that stops early (`| head`) ends quietly, without a stack trace.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, cli, ROOT, tmpDir } from '../helpers.js';

function readFirstChunkThenClose(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string; got: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stderr = '';
    let got = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.stdout.setEncoding('utf8').once('data', (d) => {
      got = d;
      child.stdout.destroy();
    });
    child.on('close', (code) => resolve({ code, stderr, got }));
  });
}

describe('a closed output pipe', () => {
  it('ends a long listing quietly with exit 0', async () => {
    // 4,000 groups make a place list far larger than a pipe's buffer, so writes continue after the reader leaves.
    const dir = tmpDir();
    const db = path.join(dir, 'big.db');
    const rows = ['township,village,group,borrower,loan_no,principal'];
    for (let i = 0; i < 4000; i++) rows.push(`大镇,村委${i % 40},第${i}组,借款人${i},P-${i},${100 + i}`);
    fs.writeFileSync(path.join(dir, 'big.csv'), rows.join('\n') + '\n');
    expect(cli(['import', 'roster', path.join(dir, 'big.csv')], { db }).code).toBe(0);
    const r = await readFirstChunkThenClose(['place', 'list'], { FIELDVISIT_DB: db });
    expect(r.got.length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/EPIPE|Internal error|内部错误/);
    expect(r.code).toBe(0);
  });
});
