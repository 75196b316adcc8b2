// End to end: strict decoding of roster files. A file is read only when its encoding is certain; otherwise it is
// refused with the line, byte offset and bytes, and how to re-save it. One fixture per kind of bad input.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, query, snapshot, tmpDir } from '../helpers.js';

const fx = (name: string) => path.join(FIXTURES, 'roster', name);
const tmp = tmpDir('fv-encoding-');
let n = 0;
const newDb = () => path.join(tmp, `e${++n}.db`);

function seeded(): string {
  const db = newDb();
  const r = cli(['import', 'roster', fx('utf8-good.csv'), '--as-of', '2026-11-13'], { db });
  expect(r.code, r.stderr).toBe(0);
  return db;
}

/** Refused with exit 1, the database byte-identical, and the message matching. */
function refused(file: string, message: RegExp, extra: string[] = [], env?: Record<string, string>) {
  const db = seeded();
  const before = snapshot(db);
  const r = cli(['import', 'roster', file, '--as-of', '2026-11-20', ...extra], { db, env });
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/lacks required column/);
  expect(snapshot(db)).toBe(before);
  return r;
}

describe('one invalid byte in a UTF-8 roster (the reported case)', () => {
  it('is refused naming the line, byte offset and bytes, and no township 娑℃按闀 is created', () => {
    const r = refused(fx('utf8-one-bad-byte.csv'), /line 4, byte offset \d+ \(E6 FF [0-9A-F ]+\) is not valid UTF-8/);
    expect(r.stderr).toMatch(/CSV UTF-8/);
    // Into a new database too: nothing garbled lands anywhere, and no file is left behind.
    const fresh = path.join(tmp, 'fresh.db');
    expect(cli(['import', 'roster', fx('utf8-one-bad-byte.csv')], { db: fresh }).code).toBe(1);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('the same file without the bad byte imports with its names intact', () => {
    const db = seeded();
    expect(query(db, `SELECT name FROM townships`)).toEqual([{ name: '涡水镇' }]);
    expect(query(db, `SELECT name FROM borrowers ORDER BY id`).map((r) => r.name)).toEqual(['房六贵', '房生二企', '沈双郎']);
  });

  it('--encoding utf8 refuses it too; --encoding gbk finds bytes GB18030 cannot decode', () => {
    refused(fx('utf8-one-bad-byte.csv'), /--encoding utf8\), but line 4, byte offset \d+/, ['--encoding', 'utf8']);
    refused(fx('utf8-one-bad-byte.csv'), /read as GBK\/GB18030, but line \d+, byte offset \d+ \([0-9A-F ]+\) cannot be decoded/, ['--encoding', 'gbk']);
  });
});

describe('other encodings and non-tables', () => {
  it('a file mostly GBK with one UTF-8 line is refused as mixed, naming that line', () => {
    refused(fx('mixed-encodings.csv'), /mostly GBK, but line 3 is UTF-8: the file mixes two encodings/);
  });

  it('a GBK file with a byte GB18030 cannot decode is refused with its line and bytes', () => {
    refused(fx('gbk-bad-byte.csv'), /line 4, byte offset \d+ \(C9 20\) cannot be decoded/);
  });

  it('UTF-16, semicolons, binary data and a PDF each say what they are', () => {
    refused(fx('utf16.csv'), /is UTF-16 text.*CSV UTF-8/);
    refused(fx('semicolons.csv'), /separates its columns with semicolons/);
    refused(fx('binary.csv'), /holds binary data/);
    refused(fx('pdf.csv'), /is a PDF file/);
  });

  it('a control character in a name is refused with its line and column', () => {
    const r = refused(fx('control-char.csv'), /control-char\.csv:3 column "borrower": contains a control character \(U\+001B\)/);
    expect(r.stderr).toMatch(/1 bad row/);
  });

  it('a file over the input limit is refused before it is read', () => {
    refused(fx('utf8-good.csv'), /larger than the import limit of 100 bytes/, [], { FIELDVISIT_MAX_INPUT_BYTES: '100' });
    const db = seeded();
    const r = cli(['import', 'roster', '-'], { db, input: fs.readFileSync(fx('utf8-good.csv')), env: { FIELDVISIT_MAX_INPUT_BYTES: '100' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/<stdin> is larger than the import limit/);
  });

  it('a FIFO named as the input is refused instead of hanging', () => {
    if (process.platform === 'win32') return;
    const fifo = path.join(tmp, 'roster.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    refused(fifo, /is not a regular file \(a pipe, device or socket\)/);
  });
});
