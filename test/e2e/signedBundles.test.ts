// End to end: bundles are signed with each database's Ed25519 key; merge accepts only intact bundles signed by a key
// it trusts (its own, trust on first use, or trust add), unless --trust-once; files are owner-only; phones masked.
// The binary runs a first merge that trusts on first use, a refusal of an untrusted and of a forged bundle, trust add
// asking for --yes when stdin is not a terminal, and the commands whose files' modes are checked; the databases and
// bundles they start from, and the repeated variations, are made in-process (runInProcess: the run() the binary calls).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteDatabase as Database } from '../../src/db/driver.js';
import { contentChecksum } from '../../src/db/bundle.js';
import { cli, json, query, runInProcess, sampleDb, snapshot, tmpDir, succeeded } from '../helpers.js';

const dir = tmpDir('fv-signed-');
const f = (n: string) => path.join(dir, n);
/** In-process. */
const ok = async (args: string[], db: string) => succeeded(args, await runInProcess(args, { db }));
/** Through the built binary. */
const okBin = (args: string[], db: string) => succeeded(args, cli(args, { db }));
const inProcess = (args: string[], db: string) => runInProcess(args, { db });
const mode = (p: string) => fs.statSync(p).mode & 0o777;

let sup: string;
let laptop: string;
let roster: string;
let officer: string;
/** The supervisor's database after `trust add` of the officer's bundle; trustedCopy() hands out copies of it. */
let trusted: string;

beforeAll(async () => {
  sup = sampleDb();
  roster = f('roster.fvb');
  await ok(['export', '--roster', '--township', '涡水镇', '--out', roster], sup);
  laptop = f('laptop.db');
  await ok(['merge', roster], laptop);
  await ok(['visit', 'log', '--loan', 'WS-2022-0001', '--outcome', 'cash', '--principal', '100', '--date', '2026-11-20', '--officer', '张明'], laptop);
  officer = f('zhangming.fvb');
  await ok(['export', '--out', officer, '--to', 'supervisor'], laptop);
  trusted = f('sup-trusted-base.db');
  fs.copyFileSync(sup, trusted);
  await ok(['trust', 'add', officer, '--label', '张明', '--yes'], trusted);
});

/** Copies the officer's bundle and edits it as a forger would: change a cash amount, add a void, recompute the checksum. */
function forged(name: string): string {
  const p = f(name);
  fs.copyFileSync(officer, p);
  const b = new Database(p);
  b.prepare(`UPDATE visit_outcomes SET principal_fen = 999900 WHERE kind = 'cash'`).run();
  const v = b.prepare(`SELECT uid, origin_db FROM visits LIMIT 1`).get() as { uid: string; origin_db: string };
  b.prepare(`INSERT INTO visit_voids (uid, origin_db, visit_uid, reason, voided_by, voided_at) VALUES (?, ?, ?, 'forged', '张明', '2026-11-21T00:00:00Z')`).run(
    crypto.randomUUID(),
    v.origin_db,
    v.uid,
  );
  b.prepare(`UPDATE manifest SET value = ? WHERE key = 'checksum'`).run(JSON.stringify(contentChecksum(b)));
  b.close();
  return p;
}

function trustedCopy(name: string): string {
  const db = f(name);
  fs.copyFileSync(trusted, db);
  return db;
}

describe('key show and trust on first use', async () => {
  it('every database has a key; a new laptop trusts the roster bundle’s key and says its fingerprint', async () => {
    const k = json(await inProcess(['key', 'show', '--json'], sup));
    expect(k.key_id).toMatch(/^[0-9A-F]{16}$/);
    expect(k.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(k.public_key).toMatch(/^FVK1-/);
    const list = json(await inProcess(['trust', 'list', '--json'], laptop));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ key_id: k.key_id, how: 'tofu', fingerprint: k.fingerprint });
    const fresh = f('fresh.db');
    const r = cli(['merge', roster], { db: fresh });
    expect(r.stderr).toContain(k.fingerprint);
    // The private key stays in its database: not in the bundle.
    const manifest = query(roster, `SELECT key, value FROM manifest`).map((x) => `${x.key}=${x.value}`).join('\n');
    expect(manifest).toContain(k.public_key);
    expect(manifest).not.toMatch(/private/);
    const priv = query(sup, `SELECT value FROM meta WHERE key = 'signing_private_key'`)[0].value as string;
    expect(fs.readFileSync(roster).includes(Buffer.from(priv))).toBe(false);
  });
});

describe('merge refuses what it cannot trust', async () => {
  it('an unknown key: refused, then accepted with --trust-once, and after trust add', async () => {
    const db = f('sup-unknown.db');
    fs.copyFileSync(sup, db);
    const before = snapshot(db);
    const r = cli(['merge', officer], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/signed by a key this database does not trust: key id [0-9A-F]{16}, fingerprint/);
    expect(r.stderr).toMatch(/trust add/);
    expect(snapshot(db)).toBe(before);
    const once = await inProcess(['merge', officer, '--trust-once'], db);
    expect(once.code, once.stderr).toBe(0);
    expect(json(await inProcess(['trust', 'list', '--json'], db))).toEqual([]);
    const other = trustedCopy('sup-trusted.db');
    expect((await inProcess(['merge', officer], other)).code).toBe(0);
    expect(query(other, `SELECT count(*) AS n FROM visits`)[0].n).toBe(1);
  });

  it('an edited bundle (a cash amount changed, a void added, the checksum recomputed) is refused, even with --trust-once', async () => {
    const db = trustedCopy('sup-forged.db');
    const bad = forged('forged.fvb');
    const before = snapshot(db);
    // The first through the binary, the second in-process.
    for (const extra of [[], ['--trust-once']]) {
      const r = extra.length === 0 ? cli(['merge', bad, ...extra], { db }) : await inProcess(['merge', bad, ...extra], db);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/was changed after it was signed/);
      expect(snapshot(db)).toBe(before);
    }
  });

  it('an unsigned bundle is refused; --trust-once merges it', async () => {
    const db = trustedCopy('sup-unsigned.db');
    const bare = f('unsigned.fvb');
    fs.copyFileSync(officer, bare);
    const b = new Database(bare);
    b.prepare(`DELETE FROM manifest WHERE key IN ('signature', 'signer_key_id', 'signer_public_key')`).run();
    b.prepare(`UPDATE manifest SET value = ? WHERE key = 'checksum'`).run(JSON.stringify(contentChecksum(b)));
    b.close();
    const before = snapshot(db);
    const r = await inProcess(['merge', bare], db);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not signed/);
    expect(snapshot(db)).toBe(before);
    expect((await inProcess(['merge', bare, '--trust-once'], db)).code).toBe(0);
  });

  it('trust remove makes the key’s bundles refused again', async () => {
    const db = trustedCopy('sup-removed.db');
    const id = json(await inProcess(['trust', 'list', '--json'], db))[0].key_id as string;
    expect((await inProcess(['trust', 'remove', id], db)).code).toBe(0);
    const r = await inProcess(['merge', officer], db);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not trust/);
  });

  it('trust add takes a public key string too, and asks for --yes without a terminal', async () => {
    const db = f('sup-key.db');
    fs.copyFileSync(sup, db);
    const key = json(await inProcess(['key', 'show', '--json'], laptop)).public_key as string;
    const no = cli(['trust', 'add', key], { db });
    expect(no.code).toBe(2);
    expect(no.stderr).toMatch(/--yes/);
    expect((await inProcess(['trust', 'add', key, '--yes'], db)).code).toBe(0);
    expect((await inProcess(['merge', officer], db)).code).toBe(0);
  });
});

describe('files others cannot read; phones masked', async () => {
  it('bundles (with and without --with-ids), backups and restore copies are owner-only', async () => {
    if (process.platform === 'win32') return;
    const old = process.umask(0o022);
    try {
      const withIds = f('roster-ids.fvb');
      okBin(['export', '--roster', '--township', '涡水镇', '--with-ids', '--out', withIds], sup);
      const bk = f('copy.db');
      okBin(['backup', bk], sup);
      const target = f('restored.db');
      fs.copyFileSync(sup, target);
      fs.chmodSync(target, 0o600);
      okBin(['restore', bk, '--yes'], target);
      for (const p of [roster, officer, withIds, bk, target]) expect(mode(p), p).toBe(0o600);
      const aside = fs.readdirSync(dir).filter((n) => n.startsWith('restored.db.replaced-'));
      expect(aside).toHaveLength(1);
      expect(mode(path.join(dir, aside[0]!))).toBe(0o600);
      expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    } finally {
      process.umask(old);
    }
  });

  it('a database created through a symlink is owner-only', async () => {
    if (process.platform === 'win32') return;
    const real = f('real-target.db');
    const link = f('link.db');
    fs.symlinkSync(real, link);
    okBin(['merge', roster], link);
    expect(mode(real)).toBe(0o600);
  });

  it('a roster bundle without --with-ids masks phones, and a masked phone is never stored', async () => {
    const phones = query(roster, `SELECT phone FROM roster WHERE phone IS NOT NULL`);
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p.phone).toMatch(/^\d{3}\*+\d{4}$/);
    expect(query(laptop, `SELECT count(*) AS n FROM borrowers WHERE phone LIKE '%*%'`)[0].n).toBe(0);
    const full = f('roster-ids2.fvb');
    await ok(['export', '--roster', '--township', '涡水镇', '--with-ids', '--out', full], sup);
    expect(query(full, `SELECT phone FROM roster WHERE loan_no = 'WS-2022-0001'`)[0].phone).toBe('13984320001');
  });
});
