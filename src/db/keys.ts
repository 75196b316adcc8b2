// Ed25519 keys that sign bundles: this database's own pair (in meta) and the keys of other laptops it trusts.
// minisign is the model: a short key id, and a fingerprint two people can read to each other by phone.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DataError } from '../domain/errors.js';
import { text } from '../domain/text.js';

type Sqlite = Database.Database;

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** How a public key is written for people and in bundles: `FVK1-` then the raw key in base64url. */
const KEY_PREFIX = 'FVK1-';

export interface PublicKeyInfo {
  /** 16 hex digits: the first 8 bytes of the SHA-256 of the raw public key. */
  keyId: string;
  /** `FVK1-…` */
  publicKey: string;
  /** 8 groups of 4 hex digits (the first 16 bytes of the same SHA-256), to compare by phone. */
  fingerprint: string;
}

function rawOf(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(der.length - 32));
}

function describeRaw(raw: Buffer): PublicKeyInfo {
  const h = createHash('sha256').update(raw).digest('hex').toUpperCase();
  return {
    keyId: h.slice(0, 16),
    publicKey: KEY_PREFIX + raw.toString('base64url'),
    fingerprint: h.slice(0, 32).match(/.{4}/g)!.join(' '),
  };
}

/** Parses `FVK1-…`; null when it is not a public key string. */
export function parsePublicKey(s: string): PublicKeyInfo | null {
  const t = s.trim();
  if (!t.startsWith(KEY_PREFIX)) return null;
  const b64 = t.slice(KEY_PREFIX.length);
  if (!/^[A-Za-z0-9_-]{43}$/.test(b64)) return null;
  const raw = Buffer.from(b64, 'base64url');
  if (raw.length !== 32) return null;
  try {
    publicKeyObject(raw);
  } catch {
    return null;
  }
  return describeRaw(raw);
}

function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** Makes this database's key pair if it has none (new databases, and existing ones on migration 0006). */
export function ensureSigningKey(db: Sqlite): void {
  const has = db.prepare(`SELECT 1 FROM meta WHERE key = 'signing_private_key'`).get();
  if (has) return;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const info = describeRaw(rawOf(publicKey));
  const ins = db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)`);
  ins.run('signing_private_key', privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'));
  ins.run('signing_public_key', info.publicKey);
}

/** This database's public key, id and fingerprint. */
export function ownKey(db: Sqlite): PublicKeyInfo {
  const pub = db.prepare(`SELECT value FROM meta WHERE key = 'signing_public_key'`).pluck().get() as string | undefined;
  const info = pub ? parsePublicKey(pub) : null;
  if (!info) {
    throw new DataError(
      text('本数据库没有签名密钥：请用新版 fieldvisit 打开它一次（会自动生成）。', 'This database has no signing key: open it once with a current fieldvisit (it makes one).'),
    );
  }
  return info;
}

export interface Signer extends PublicKeyInfo {
  sign(data: Buffer): string;
}

/** Signs with this database's private key; the private key itself never leaves this function's closure. */
export function signerFor(db: Sqlite): Signer {
  const info = ownKey(db);
  const der = db.prepare(`SELECT value FROM meta WHERE key = 'signing_private_key'`).pluck().get() as string;
  const key = createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });
  return { ...info, sign: (data) => sign(null, data, key).toString('base64') };
}

/** True when `signature` (base64) is `publicKey`'s Ed25519 signature of data. */
export function verifySignature(publicKey: string, data: Buffer, signature: string): boolean {
  const info = parsePublicKey(publicKey);
  if (!info) return false;
  try {
    return verify(null, data, publicKeyObject(Buffer.from(publicKey.trim().slice(KEY_PREFIX.length), 'base64url')), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export type TrustHow = 'tofu' | 'manual';

export interface TrustedKey {
  keyId: string;
  publicKey: string;
  fingerprint: string;
  label: string | null;
  addedAt: string;
  how: TrustHow;
}

export function listTrustedKeys(db: Sqlite): TrustedKey[] {
  const rows = db.prepare(`SELECT key_id, public_key, label, added_at, how FROM trusted_keys ORDER BY added_at, key_id`).all() as {
    key_id: string;
    public_key: string;
    label: string | null;
    added_at: string;
    how: TrustHow;
  }[];
  return rows.map((r) => ({
    keyId: r.key_id,
    publicKey: r.public_key,
    fingerprint: parsePublicKey(r.public_key)?.fingerprint ?? '',
    label: r.label,
    addedAt: r.added_at,
    how: r.how,
  }));
}

/** Whether bundles signed by this key id are accepted: a trusted key, or this database's own. */
export function isTrusted(db: Sqlite, keyId: string, publicKey: string): boolean {
  const own = ownKey(db);
  if (own.keyId === keyId && own.publicKey === publicKey) return true;
  const row = db.prepare(`SELECT public_key FROM trusted_keys WHERE key_id = ?`).pluck().get(keyId) as string | undefined;
  return row === publicKey;
}

/** Adds (or relabels) a trusted key; returns false when it was trusted already. */
export function addTrustedKey(db: Sqlite, key: PublicKeyInfo, label: string | null, how: TrustHow, nowIso: string): boolean {
  return db.transaction(() => {
    const had = db.prepare(`SELECT 1 FROM trusted_keys WHERE key_id = ?`).get(key.keyId);
    if (had) {
      if (label) db.prepare(`UPDATE trusted_keys SET label = ? WHERE key_id = ?`).run(label, key.keyId);
      return false;
    }
    db.prepare(`INSERT INTO trusted_keys (key_id, public_key, label, added_at, how) VALUES (?, ?, ?, ?, ?)`).run(key.keyId, key.publicKey, label, nowIso, how);
    return true;
  }).immediate();
}

/** Removes a trusted key by id (a unique prefix of at least 4 hex digits will do); returns it. */
export function removeTrustedKey(db: Sqlite, ref: string): TrustedKey {
  const want = ref.replace(/\s+/g, '').toUpperCase();
  const hits = listTrustedKeys(db).filter((k) => want.length >= 4 && k.keyId.startsWith(want));
  if (hits.length !== 1) {
    throw new DataError(
      hits.length === 0
        ? text(`没有受信任的密钥 ${ref}：用 fieldvisit trust list 查看密钥编号。`, `No trusted key ${ref}: see the key ids with fieldvisit trust list.`)
        : text(`${ref} 对应多个密钥：请写出完整的密钥编号。`, `${ref} matches several keys: give the whole key id.`),
    );
  }
  db.prepare(`DELETE FROM trusted_keys WHERE key_id = ?`).run(hits[0]!.keyId);
  return hits[0]!;
}

/** Takes back a trust-on-first-use key when the merge that trusted it failed. */
export function forgetTofuKey(db: Sqlite, keyId: string): void {
  db.prepare(`DELETE FROM trusted_keys WHERE key_id = ? AND how = 'tofu'`).run(keyId);
}

/** A database with no loans yet is new enough to trust the first roster bundle's key. */
export function hasLoans(db: Sqlite): boolean {
  return !!db.prepare(`SELECT 1 FROM loans LIMIT 1`).get();
}
