// End to end: proof attached to visits (visit log --attach, visit attach), listed by visit show, written back by
// attachment get byte for byte; stored once per content; kept on void visits; carried by bundles, each blob once and
// checked against its hash on merge; held by backups; every bad input refused with nothing written.
// The binary runs one whole flow (a visit logged with files, files attached later, the visit shown, a file written
// back), a refusal of each exit code, the FIFO (a hang must be a failed process, not a stuck test worker), a merge and
// an export of bundles with blobs, a tampered bundle and a backup; preparing steps and the repeated variations of one
// code path run in-process (runInProcess: the same run() the binary calls) on the same database and input files.
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, json, query, runInProcess, sampleDb, snapshot, tmpDir, type CliResult, succeeded } from '../helpers.js';

const dir = tmpDir('fv-attach-');
const f = (n: string) => path.join(dir, n);
/** In-process, in the folder of the test's files. */
const ok = async (args: string[], db: string, cwd = dir) => succeeded(args, await runInProcess(args, { db, cwd }));
/** Through the built binary. */
const okBin = (args: string[], db: string, cwd = dir) => succeeded(args, cli(args, { db, cwd }));
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const mode = (p: string) => fs.statSync(p).mode & 0o777;

// Small files with real headers, made here.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
/** AMR-NB (the usual format of a Chinese phone's call recording): the magic line, then 12.2 kbit/s frames. */
const AMR = Buffer.concat([Buffer.from('#!AMR\n', 'latin1'), ...[1, 2, 3].map((k) => Buffer.concat([Buffer.from([0x3c]), Buffer.alloc(31, k)]))]);
/** MP3: an ID3v2 tag, then one MPEG-1 layer III frame. */
const MP3 = Buffer.concat([Buffer.from('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1'), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413, 0x55)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\u0000', 'latin1'), Buffer.alloc(40, 7), Buffer.from([0xff, 0xd9])]);

function write(name: string, bytes: Buffer): string {
  fs.writeFileSync(f(name), bytes);
  return f(name);
}

/** The sample database with an officer configured; freshDb() hands out copies of it. */
let sample: string;
beforeAll(async () => {
  sample = sampleDb();
  await ok(['config', 'set', 'officer', '张明'], sample);
  write('receipt.png', PNG);
  write('scan.pdf', PDF);
  write('call.amr', AMR);
  write('call.mp3', MP3);
  // A JPEG named .pdf: the type comes from the bytes.
  write('photo.pdf', JPEG);
  write('notes.txt', Buffer.from('plain words, no known header\n'));
});

let n = 0;
function freshDb(): string {
  const p = f(`db${++n}.db`);
  fs.copyFileSync(sample, p);
  return p;
}

const LOG = ['visit', 'log', '--loan', 'WS-2022-0001', '--outcome', 'notice-signed', '--date', '2026-11-20', '--json'];
async function logVisit(db: string, extra: string[] = []): Promise<any> {
  return json(await runInProcess([...LOG, ...extra], { db, cwd: dir }));
}

describe('attach, list, get back', () => {
  it('attaches at log time and later, lists with visit show, and writes each file back byte-identical, owner-only', async () => {
    const db = freshDb();
    const v = json(cli([...LOG, '--attach', 'receipt.png', '--attach', 'scan.pdf'], { db, cwd: dir }));
    expect(v.attachments.map((a: any) => [a.name, a.type, a.size, a.sha256])).toEqual([
      ['receipt.png', 'image/png', PNG.length, sha(PNG)],
      ['scan.pdf', 'application/pdf', PDF.length, sha(PDF)],
    ]);
    const later = json(cli(['visit', 'attach', String(v.visit_id), 'call.amr', 'call.mp3', 'photo.pdf', 'notes.txt', '--officer', '李华', '--json'], { db, cwd: dir }));
    expect(later.added.map((a: any) => [a.name, a.type, a.added_by])).toEqual([
      ['call.amr', 'audio/amr', '李华'],
      ['call.mp3', 'audio/mpeg', '李华'],
      ['photo.pdf', 'image/jpeg', '李华'],
      ['notes.txt', 'application/octet-stream', '李华'],
    ]);

    const shown = json(await runInProcess(['visit', 'show', String(v.visit_id), '--json'], { db }));
    expect(shown.visit_id).toBe(v.visit_id);
    expect(shown.outcomes.map((o: any) => o.kind)).toEqual(['notice-signed']);
    expect(shown.attachments).toHaveLength(6);
    // JSON names the file, never carries it.
    for (const a of shown.attachments) {
      expect(Object.keys(a).sort()).toEqual(['added_at', 'added_by', 'attachment_id', 'name', 'sha256', 'size', 'type', 'uid', 'visit_id', 'visit_uid', 'void_reason']);
    }
    expect(shown.attachments[0].added_by).toBe('张明');
    const text = okBin(['visit', 'show', String(v.visit_id)], db).stdout;
    expect(text).toContain('receipt.png');
    expect(text).toContain('audio/amr');
    expect(text).toContain(sha(AMR).slice(0, 12));
    expect(text).toContain('Attachments (6)');

    // The first through the binary, the others in-process.
    for (const [bytes, out, run] of [
      [PNG, 'back.png', okBin],
      [PDF, 'back.pdf', ok],
      [AMR, 'back.amr', ok],
      [MP3, 'back.mp3', ok],
    ] as const) {
      // A unique prefix of 8 digits is enough; the full hash works too.
      const r = await run(['attachment', 'get', sha(bytes).slice(0, 8), '--out', out, '--json'], db);
      expect(JSON.parse(r.stdout)).toMatchObject({ sha256: sha(bytes), size: bytes.length });
      expect(fs.readFileSync(f(out)).equals(bytes)).toBe(true);
      expect(mode(f(out))).toBe(0o600);
    }
    await ok(['attachment', 'get', sha(PDF).toUpperCase(), '--out', 'again.pdf'], db);
    expect(fs.readFileSync(f('again.pdf')).equals(PDF)).toBe(true);
    // No temporary file is left beside it.
    expect(fs.readdirSync(dir).filter((x) => x.endsWith('.tmp'))).toEqual([]);
  });

  it('stores the same bytes once, however often and under whatever name they are attached', async () => {
    const db = freshDb();
    const v1 = await logVisit(db, ['--attach', 'receipt.png', '--attach', 'receipt.png']);
    expect(v1.attachments).toHaveLength(1);
    const again = await runInProcess(['visit', 'attach', String(v1.visit_id), 'receipt.png'], { db, cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already has this file');
    write('copy-of-receipt.jpg', PNG);
    const v2 = await logVisit(db);
    await ok(['visit', 'attach', String(v2.visit_id), 'copy-of-receipt.jpg'], db);
    expect(query(db, `SELECT count(*) AS n FROM blobs`)[0].n).toBe(1);
    expect(query(db, `SELECT name, media_type FROM attachments ORDER BY id`)).toEqual([
      { name: 'receipt.png', media_type: 'image/png' },
      { name: 'copy-of-receipt.jpg', media_type: 'image/png' },
    ]);
  });

  it('a void visit keeps its attachments, and takes no new ones', async () => {
    const db = freshDb();
    const v = await logVisit(db, ['--attach', 'scan.pdf']);
    await ok(['visit', 'void', String(v.visit_id), '--reason', '记错户'], db);
    const shown = json(await runInProcess(['visit', 'show', String(v.visit_id), '--json'], { db }));
    expect(shown.void.reason).toBe('记错户');
    expect(shown.attachments.map((a: any) => a.sha256)).toEqual([sha(PDF)]);
    expect((await ok(['visit', 'show', String(v.visit_id)], db)).stdout).toContain('[VOID]');
    await ok(['attachment', 'get', sha(PDF), '--out', 'void-visit.pdf'], db);
    expect(fs.readFileSync(f('void-visit.pdf')).equals(PDF)).toBe(true);

    const before = snapshot(db);
    const r = await runInProcess(['visit', 'attach', String(v.visit_id), 'receipt.png'], { db, cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Visit #${v.visit_id} is void`);
    expect(snapshot(db)).toBe(before);
  });
});

describe('bad input is refused with nothing written', async () => {
  let db: string;
  let visitId: number;
  beforeAll(async () => {
    db = freshDb();
    visitId = (await logVisit(db, ['--attach', 'receipt.png'])).visit_id;
  });

  async function refusedBy(run: () => CliResult | Promise<CliResult>, code: number, expected: (string | RegExp)[]): Promise<string> {
    const before = snapshot(db);
    const r = await run();
    expect(r.code, r.stderr).toBe(code);
    for (const e of expected) expect(r.stderr).toMatch(e);
    expect(r.stdout).toBe('');
    expect(snapshot(db)).toBe(before);
    return r.stderr;
  }
  /** In-process. */
  const refused = (args: string[], code: number, ...expected: (string | RegExp)[]) => refusedBy(() => runInProcess(args, { db, cwd: dir }), code, expected);
  /** Through the built binary. */
  const refusedBin = (args: string[], code: number, ...expected: (string | RegExp)[]) => refusedBy(() => cli(args, { db, cwd: dir }), code, expected);

  it('a missing file, with the others not attached either; a visit logged with it is not saved', async () => {
    await refusedBin(['visit', 'attach', String(visitId), 'scan.pdf', 'no-such.jpg'], 1, 'no-such.jpg: no such file', 'Nothing was saved');
    await refused(['visit', 'log', '--loan', 'WS-2022-0001', '--outcome', 'notice-signed', '--attach', 'scan.pdf', '--attach', 'gone.amr'], 1, '--attach gone.amr: no such file');
  });

  it('masks an ID number or phone in a file name it echoes', async () => {
    const err = await refused(['visit', 'attach', String(visitId), '身份证440123199001011234.jpg'], 1, 'no such file');
    expect(err).not.toContain('440123199001011234');
    expect(err).toContain('4401**********1234');
  });

  it('a folder', async () => {
    fs.mkdirSync(f('photos'), { recursive: true });
    await refused(['visit', 'attach', String(visitId), 'photos'], 1, 'is a folder');
  });

  it.skipIf(process.platform === 'win32')('a FIFO, without opening it (which would hang)', async () => {
    const fifo = f('pipe.amr');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    await refusedBin(['visit', 'attach', String(visitId), 'pipe.amr'], 1, 'not a regular file');
    await refusedBin(['visit', 'log', '--loan', 'WS-2022-0001', '--outcome', 'notice-signed', '--attach', 'pipe.amr'], 1, 'not a regular file');
  });

  it('a file over the 25 MiB limit, told before it is read', async () => {
    const big = f('big.mp4');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 25 * 1024 * 1024 + 1); // sparse: no 25 MiB written to disk
    await refused(['visit', 'attach', String(visitId), 'big.mp4'], 1, 'above the limit of 25 MiB', '26,214,401 bytes');
    await refused(['visit', 'log', '--loan', 'WS-2022-0001', '--outcome', 'notice-signed', '--attach', 'big.mp4'], 1, 'above the limit');
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('an unreadable file', async () => {
    const p = write('secret.png', PNG);
    fs.chmodSync(p, 0o000);
    await refused(['visit', 'attach', String(visitId), 'secret.png'], 1, 'permission denied');
  });

  it('an unknown or void visit, named', async () => {
    await refused(['visit', 'attach', '9999', 'scan.pdf'], 1, 'No visit with id 9999');
    await refused(['visit', 'attach', 'abc', 'scan.pdf'], 2, '"abc" is not a visit id');
    await refused(['visit', 'show', '9999'], 1, 'No visit with id 9999');
  });

  it('attachment get: a hash not known, not a hash, no --out, or --out naming the database', async () => {
    await refused(['attachment', 'get', 'deadbeef00', '--out', 'x.bin'], 1, 'No attachment has a SHA-256 starting with deadbeef00');
    await refused(['attachment', 'get', 'abc123', '--out', 'x.bin'], 2, 'at least 8 digits');
    await refused(['attachment', 'get', 'nothexxx99', '--out', 'x.bin'], 2, 'is not a SHA-256');
    await refused(['attachment', 'get', sha(PNG)], 2, '--out');
    await refusedBin(['attachment', 'get', sha(PNG), '--out', db], 2, 'is the database file');
    expect(fs.existsSync(f('x.bin'))).toBe(false);
  });

  it('attachment get: an ambiguous prefix lists the matches', async () => {
    // Two contents whose SHA-256 share their first 8 hex digits (found by trying: a birthday search over 32 bits).
    const seen = new Map<string, Buffer>();
    let pair: [Buffer, Buffer] | null = null;
    for (let i = 0; !pair; i++) {
      const b = Buffer.from(`scan ${i}\n`);
      const p = sha(b).slice(0, 8);
      const prev = seen.get(p);
      if (prev) pair = [prev, b];
      else seen.set(p, b);
    }
    write('twin-a.bin', pair[0]);
    write('twin-b.bin', pair[1]);
    await ok(['visit', 'attach', String(visitId), 'twin-a.bin', 'twin-b.bin'], db);
    const prefix = sha(pair[0]).slice(0, 8);
    const err = await refused(['attachment', 'get', prefix, '--out', 'twin.bin'], 1, 'Several attachments have a SHA-256 starting with');
    expect(err).toContain(sha(pair[0]));
    expect(err).toContain(sha(pair[1]));
    expect(err).toContain('twin-a.bin');
    expect(fs.existsSync(f('twin.bin'))).toBe(false);
    await ok(['attachment', 'get', sha(pair[1]).slice(0, 20), '--out', 'twin.bin'], db);
    expect(fs.readFileSync(f('twin.bin')).equals(pair[1])).toBe(true);
  });
});

describe('attachments travel in bundles and backups', async () => {
  let office: string;
  let laptop: string;
  let rosterBundle: string;
  let changes: string;
  let promiseVisit: number;
  beforeAll(async () => {
    // The office logs a promise (a letter's written reply, scanned) and a note with a photo; its roster bundle
    // carries the visits behind open promises, and their attachments.
    office = freshDb();
    promiseVisit = json(
      await runInProcess(['visit', 'log', '--loan', 'WS-2022-0001', '--outcome', 'intent', '--promise-amount', '500', '--promise-date', '2026-12-20', '--date', '2026-11-20', '--attach', 'scan.pdf', '--json'], { db: office, cwd: dir }),
    ).visit_id;
    json(await runInProcess(['visit', 'log', '--loan', 'WS-2022-0009', '--outcome', 'note', '--note', '门口照片', '--date', '2026-11-20', '--attach', 'photo.pdf', '--json'], { db: office, cwd: dir }));
    rosterBundle = f('roster.fvb');
    await ok(['export', '--roster', '--township', '涡水镇', '--out', rosterBundle], office);
    laptop = f('laptop.db');
    await ok(['merge', rosterBundle], laptop);
    await ok(['config', 'set', 'officer', '李华'], laptop);
    // The laptop: the same receipt photo on two visits, a call recording and an MP3.
    const a = json(await runInProcess(['visit', 'log', '--loan', 'WS-2022-0001', '--outcome', 'notice-signed', '--date', '2026-11-21', '--attach', 'receipt.png', '--attach', 'call.amr', '--json'], { db: laptop, cwd: dir }));
    const b = json(await runInProcess(['visit', 'log', '--loan', 'WS-2022-0009', '--outcome', 'notice-signed', '--date', '2026-11-21', '--json'], { db: laptop, cwd: dir }));
    await ok(['visit', 'attach', String(b.visit_id), 'receipt.png', 'call.mp3'], laptop);
    expect(a.attachments).toHaveLength(2);
    changes = f('laptop-1.fvb');
    await ok(['export', '--out', changes, '--to', 'office'], laptop);
  });

  const hashes = (db: string) => query(db, `SELECT uid, visit_uid, sha256, name, media_type, size FROM attachments ORDER BY uid`);
  const blobs = (db: string) => query(db, `SELECT sha256, size, bytes FROM blobs ORDER BY sha256`) as { sha256: string; size: number; bytes: Buffer }[];

  it('a roster bundle carries the attachments of the visits it carries, and no others', async () => {
    expect(query(rosterBundle, `SELECT name FROM attachments`)).toEqual([{ name: 'scan.pdf' }]);
    expect(query(rosterBundle, `SELECT sha256 FROM blobs`)).toEqual([{ sha256: sha(PDF) }]);
    const v = query(laptop, `SELECT id FROM visits WHERE source = 'merge'`);
    expect(v).toHaveLength(1);
    const shown = json(await runInProcess(['visit', 'show', String(v[0].id), '--json'], { db: laptop }));
    expect(shown.attachments.map((a: any) => [a.name, a.sha256])).toEqual([['scan.pdf', sha(PDF)]]);
    expect(query(laptop, `SELECT bytes FROM blobs WHERE sha256 = ?`, sha(PDF))[0].bytes.equals(PDF)).toBe(true);
    expect(promiseVisit).toBeGreaterThan(0);
  });

  it('a changes bundle carries each blob once; merged into the office, the hashes and bytes are identical', async () => {
    // The laptop's bundle holds the same PNG (two visits) once, and the PDF it received from the office.
    expect(query(changes, `SELECT count(*) AS n FROM attachments`)[0].n).toBe(5);
    expect(query(changes, `SELECT sha256 FROM blobs ORDER BY sha256`).map((r) => r.sha256)).toEqual([sha(AMR), sha(MP3), sha(PDF), sha(PNG)].sort());
    const officeBlobsBefore = blobs(office).length;
    // The office trusts the laptop's key as a team sets it up (it compares the fingerprint by phone first).
    await ok(['trust', 'add', changes, '--yes'], office);
    const m = json(cli(['merge', changes, '--json'], { db: office }))[0];
    expect(m.added.attachments).toBe(4);
    expect(m.skipped.attachments).toBe(1);
    expect(hashes(office).filter((a) => a.name !== 'photo.pdf')).toEqual(hashes(laptop));
    // Each blob once: the PDF the office already had is not stored again.
    expect(blobs(office)).toHaveLength(officeBlobsBefore + 3);
    expect(query(office, `SELECT sha256, count(*) AS n FROM blobs GROUP BY sha256 HAVING n > 1`)).toEqual([]);
    for (const b of [PNG, AMR, MP3, PDF]) {
      const got = blobs(office).find((x) => x.sha256 === sha(b))!;
      expect(got.bytes.equals(b)).toBe(true);
    }
    // Merging again changes nothing.
    const before = snapshot(office);
    const again = json(await runInProcess(['merge', changes, '--json'], { db: office }))[0];
    expect(again.added.attachments).toBe(0);
    expect(snapshot(office).replace(/merged_bundles:.*\n/, '')).toBe(before.replace(/merged_bundles:.*\n/, ''));
  });

  it('an attachment added later to an older visit travels in the next changes bundle', async () => {
    const v = query(laptop, `SELECT id, uid FROM visits WHERE source = 'cli' ORDER BY id LIMIT 1`)[0];
    write('reply-letter.pdf', Buffer.concat([PDF, Buffer.from('% the written reply\n')]));
    await ok(['visit', 'attach', String(v.id), 'reply-letter.pdf'], laptop);
    const next = f('laptop-2.fvb');
    okBin(['export', '--out', next, '--to', 'office'], laptop);
    expect(query(next, `SELECT count(*) AS n FROM visits`)[0].n).toBe(0);
    expect(query(next, `SELECT name, visit_uid FROM attachments`)).toEqual([{ name: 'reply-letter.pdf', visit_uid: v.uid }]);
    await ok(['merge', next], office);
    const here = query(office, `SELECT id FROM visits WHERE uid = ?`, v.uid)[0].id;
    const shown = json(await runInProcess(['visit', 'show', String(here), '--json'], { db: office }));
    expect(shown.attachments.map((a: any) => a.name)).toEqual(['receipt.png', 'call.amr', 'reply-letter.pdf']);
  });

  function tamperedCopy(name: string): string {
    // Edit the bytes inside the bundle's SQLite file, as a forger or a bad USB stick would: the PNG's image data.
    const p = f(name);
    const buf = fs.readFileSync(changes);
    const at = buf.indexOf(PNG.subarray(41, 56));
    expect(at).toBeGreaterThan(0);
    buf[at + 3] = buf[at + 3]! ^ 0xff;
    fs.writeFileSync(p, buf);
    return p;
  }

  it('a bundle with a blob that does not match its hash is refused whole, with nothing written', async () => {
    const target = f('target.db');
    await ok(['merge', rosterBundle], target);
    await ok(['trust', 'add', changes, '--yes'], target);
    const bad = tamperedCopy('tampered.fvb');
    const before = snapshot(target);
    // The first through the binary, the others in-process.
    for (const [args, binary] of [
      [['merge', bad], true],
      [['merge', '--dry-run', bad], false],
      [['merge', changes, bad], false],
    ] as [string[], boolean][]) {
      const r = binary ? cli(args, { db: target }) : await runInProcess(args, { db: target });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('were altered or are damaged');
      expect(r.stderr).toContain(sha(PNG).slice(0, 12));
      expect(snapshot(target)).toBe(before);
    }
    // The intact bundle still merges.
    await ok(['merge', changes], target);
    expect(query(target, `SELECT count(*) AS n FROM blobs`)[0].n).toBe(4);
  });

  it('a backup holds the blobs', async () => {
    const copy = f('office-backup.db');
    okBin(['backup', copy], office);
    const original = blobs(office);
    expect(original.length).toBeGreaterThanOrEqual(5);
    expect(blobs(copy)).toEqual(original);
    expect(hashes(copy)).toEqual(hashes(office));
  });
});
