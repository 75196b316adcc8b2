// The exchange bundle: a small SQLite file with a manifest, a SHA-256 over its content and the signer's Ed25519
// signature of it, written owner-only and atomically.
import type Database from 'better-sqlite3';
import { SqliteDatabase } from './driver.js';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DataError } from '../domain/errors.js';
import { text } from '../domain/text.js';
import { FACT_TABLE_NAMES, factBundleSchema } from './facts.js';
import { parsePublicKey, verifySignature, type Signer } from './keys.js';

export const BUNDLE_FORMAT = 'fieldvisit-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export type BundleKind = 'changes' | 'roster';
export type BundleDb = Database.Database;

/** Record tables travel in every bundle; place and roster tables only in a roster bundle. Order = checksum order. */
export const BUNDLE_TABLES = [
  'townships',
  'villages',
  'roster',
  'village_merges',
  'notices',
  'loan_events',
  'visits',
  'visit_outcomes',
  'visit_voids',
  'borrower_events',
  'notice_voids',
  // Appended so that a bundle made before them (which lacks them) keeps its checksum: tables absent are skipped.
  ...FACT_TABLE_NAMES,
  // Attachment bytes, once per SHA-256. The checksum covers each hash and size; merge checks the bytes against the hash.
  'blobs',
] as const;
export type BundleTable = (typeof BUNDLE_TABLES)[number];

const BUNDLE_SCHEMA = `
CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE townships (name TEXT PRIMARY KEY, population INTEGER, livelihood TEXT, committee_count INTEGER);
-- Committees only; their merges travel as village_merges. (Bundles from before carried unused merged_into/merged_on columns.)
CREATE TABLE villages (township TEXT NOT NULL, name TEXT NOT NULL, area TEXT, PRIMARY KEY (township, name));
CREATE TABLE roster (loan_no TEXT PRIMARY KEY, township TEXT NOT NULL, area TEXT, village TEXT NOT NULL, grp TEXT, household TEXT NOT NULL,
  borrower TEXT NOT NULL, id_number TEXT, id_masked INTEGER NOT NULL, phone TEXT, stance TEXT, principal_fen INTEGER NOT NULL, interest_fen INTEGER NOT NULL,
  balance_as_of TEXT NOT NULL, loan_date TEXT, due_date TEXT, officer TEXT, guarantor TEXT, guarantee_until TEXT,
  guarantee_type TEXT, guarantor_address TEXT);
CREATE TABLE village_merges (uid TEXT PRIMARY KEY, origin_db TEXT NOT NULL, township TEXT NOT NULL, old_name TEXT NOT NULL, new_name TEXT NOT NULL,
  merged_on TEXT, recorded_at TEXT NOT NULL);
CREATE TABLE notices (uid TEXT PRIMARY KEY, origin_db TEXT NOT NULL, notice_no TEXT NOT NULL, loan_no TEXT NOT NULL, type TEXT, issued_on TEXT,
  principal_fen INTEGER, interest_fen INTEGER, external INTEGER NOT NULL, recorded_at TEXT NOT NULL, pay_by TEXT);
-- Only in bundles made before loan marks and legal stages had their own tables; new bundles leave it empty.
CREATE TABLE loan_events (uid TEXT PRIMARY KEY, origin_db TEXT NOT NULL, loan_no TEXT NOT NULL, kind TEXT NOT NULL, event_date TEXT NOT NULL,
  note TEXT, recorded_at TEXT NOT NULL);
-- A household is named by one of its loans (the smallest loan number): stable on every laptop, unlike row ids.
CREATE TABLE visits (uid TEXT PRIMARY KEY, origin_db TEXT NOT NULL, household_loan_no TEXT NOT NULL, borrower_loan_no TEXT, visit_date TEXT NOT NULL,
  officer TEXT NOT NULL, note TEXT, escalate TEXT, source TEXT NOT NULL, external_id TEXT, dedupe_key TEXT, created_at TEXT NOT NULL,
  channel TEXT, delivery TEXT, delivered_on TEXT, delivered_to TEXT, tracking_no TEXT, recording INTEGER);
CREATE TABLE visit_outcomes (visit_uid TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, loan_no TEXT, notice_no TEXT, signed_by TEXT,
  relation TEXT, reason TEXT, where_text TEXT, principal_fen INTEGER, interest_fen INTEGER, promise_amount_fen INTEGER, promise_date TEXT, text TEXT,
  actor TEXT, PRIMARY KEY (visit_uid, seq));
CREATE TABLE visit_voids (uid TEXT PRIMARY KEY, origin_db TEXT NOT NULL, visit_uid TEXT NOT NULL, reason TEXT NOT NULL, voided_by TEXT, voided_at TEXT NOT NULL);
CREATE TABLE borrower_events (uid TEXT PRIMARY KEY, origin_db TEXT NOT NULL, borrower_loan_no TEXT NOT NULL, kind TEXT NOT NULL, status TEXT,
  where_text TEXT, heir_name TEXT, stance TEXT, effective_on TEXT NOT NULL, visit_uid TEXT, recorded_at TEXT NOT NULL);
CREATE TABLE notice_voids (uid TEXT PRIMARY KEY, origin_db TEXT NOT NULL, notice_no TEXT NOT NULL, reason TEXT NOT NULL, voided_by TEXT, voided_at TEXT NOT NULL);
CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, bytes BLOB NOT NULL);
`;

export interface Manifest {
  format: string;
  format_version: number;
  bundle_id: string;
  kind: BundleKind;
  source_db: string;
  schema_version: number;
  created_at: string;
  /** Records per table. */
  counts: Record<string, number>;
  /** Earliest and latest visit date and record time inside. */
  visit_dates: [string, string] | null;
  recorded: [string, string] | null;
  township: string | null;
  officer: string | null;
  since: string | null;
  with_ids: boolean;
  checksum: string;
  /** The signer's key id and public key (FVK1-…); absent in bundles from before signing. */
  signer_key_id?: string;
  signer_public_key?: string;
  /** Ed25519 signature (base64) of signedMessage(checksum); covered content = the checksum's. */
  signature?: string;
}

/** Whether a bundle's signature holds: made by the key it names, over exactly this content. */
export type SignatureState = 'valid' | 'unsigned' | 'invalid';

/** What the signature signs: the content checksum (manifest with the signer's key, every row), with a domain tag. */
export function signedMessage(checksum: string): Buffer {
  return Buffer.from(`fieldvisit-bundle-signature-v1\n${checksum}`, 'utf8');
}

export function signatureState(m: Manifest, checksum: string): SignatureState {
  if (m.signature === undefined && m.signer_public_key === undefined && m.signer_key_id === undefined) return 'unsigned';
  if (typeof m.signature !== 'string' || typeof m.signer_public_key !== 'string') return 'invalid';
  const key = parsePublicKey(m.signer_public_key);
  if (!key || key.keyId !== m.signer_key_id) return 'invalid';
  return verifySignature(m.signer_public_key, signedMessage(checksum), m.signature) ? 'valid' : 'invalid';
}

/** SHA-256 over the manifest (less the checksum and signature) and every row of every table in a fixed order. */
export function contentChecksum(b: BundleDb): string {
  const h = createHash('sha256');
  const man = b.prepare(`SELECT key, value FROM manifest WHERE key NOT IN ('checksum', 'signature') ORDER BY key`).all() as { key: string; value: string }[];
  h.update(JSON.stringify(man));
  const present = new Set(b.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
  for (const t of BUNDLE_TABLES) {
    // Bundles made before a table existed (notice_voids) lack it: they were sealed without it, so they verify without it.
    if (!present.has(t)) continue;
    h.update(`\n#${t}\n`);
    // A blob's bytes are covered through its hash (checked on merge, src/db/attachments.ts), not fed through JSON here.
    const sel = t === 'blobs' ? 'sha256, size' : '*';
    for (const r of b.prepare(`SELECT ${sel} FROM ${t} ORDER BY rowid`).raw().iterate() as Iterable<unknown[]>) h.update(JSON.stringify(r) + '\n');
  }
  return h.digest('hex');
}

export interface BundleWriter {
  db: BundleDb;
  /** Seals the manifest, checksum and signature, closes, and moves the file into place atomically. */
  finish(manifest: Omit<Manifest, 'checksum' | 'format' | 'format_version' | 'signer_key_id' | 'signer_public_key' | 'signature'>): Manifest;
  abort(): void;
}

/**
 * Starts a bundle in a temporary file beside the target, owner-only (it holds names, amounts, perhaps ID numbers);
 * nothing appears at `target` until finish(), signed by `signer` (this database's key).
 */
export function createBundle(target: string, signer: Signer): BundleWriter {
  const dir = path.dirname(path.resolve(target));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  fs.closeSync(fs.openSync(tmp, 'wx', 0o600));
  let db: BundleDb;
  try {
    db = new SqliteDatabase(tmp);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(BUNDLE_SCHEMA + factBundleSchema());
  db.exec('BEGIN');
  return {
    db,
    finish(m) {
      const full = { format: BUNDLE_FORMAT, format_version: BUNDLE_FORMAT_VERSION, ...m, signer_key_id: signer.keyId, signer_public_key: signer.publicKey };
      const ins = db.prepare(`INSERT INTO manifest (key, value) VALUES (?, ?)`);
      for (const [k, v] of Object.entries(full)) ins.run(k, JSON.stringify(v));
      const checksum = contentChecksum(db);
      const signature = signer.sign(signedMessage(checksum));
      ins.run('checksum', JSON.stringify(checksum));
      ins.run('signature', JSON.stringify(signature));
      db.exec('COMMIT');
      db.exec('VACUUM');
      db.close();
      // Flush to the stick before the rename makes the file visible.
      const fd = fs.openSync(tmp, 'r+');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(tmp, target);
      return { ...full, checksum, signature };
    },
    abort() {
      try {
        db.close();
      } catch {
        // already closed
      }
      fs.rmSync(tmp, { force: true });
    },
  };
}

function damaged(file: string, why: string) {
  return new DataError(
    text(
      `交换文件 ${file} 已损坏或不完整（${why}），未写入任何数据：请让对方重新导出，再拷贝一次。`,
      `The bundle ${file} is damaged or incomplete (${why}); nothing was written. Ask for a fresh export and copy it again.`,
    ),
  );
}

export interface OpenBundle {
  db: BundleDb;
  file: string;
  manifest: Manifest;
  /** Checked here; whether its key is trusted is the caller's question (it depends on the database). */
  signature: SignatureState;
  close(): void;
}

/** Opens a bundle read-only and verifies format, integrity and checksum before anything reads its records. */
export function openBundle(file: string, supportedSchema: number): OpenBundle {
  const abs = path.resolve(file);
  if (!fs.existsSync(abs)) {
    throw new DataError(text(`找不到交换文件 ${abs}：请检查路径。`, `No bundle at ${abs}: check the path.`));
  }
  if (!fs.statSync(abs).isFile()) {
    // A FIFO or device would hang the open or read forever; a folder is a mistake.
    throw new DataError(text(`${abs} 不是普通文件（是文件夹、管道或设备）：请给出 fieldvisit export 生成的文件。`, `${abs} is not a regular file (a folder, pipe or device): name a file made by fieldvisit export.`));
  }
  let db: BundleDb;
  try {
    db = new SqliteDatabase(abs, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw damaged(abs, (e as Error).message);
  }
  try {
    let raw: { key: string; value: string }[];
    try {
      const ok = db.pragma('quick_check', { simple: true });
      if (ok !== 'ok') throw new Error(String(ok));
      raw = db.prepare(`SELECT key, value FROM manifest`).all() as { key: string; value: string }[];
    } catch (e) {
      const msg = (e as Error).message;
      if (/no such table: manifest/.test(msg)) {
        throw new DataError(
          text(`${abs} 不是 fieldvisit 交换文件：请用 fieldvisit export 生成的文件。`, `${abs} is not a fieldvisit bundle: use a file made by fieldvisit export.`),
        );
      }
      throw damaged(abs, msg);
    }
    const m: Record<string, unknown> = {};
    for (const r of raw) m[r.key] = JSON.parse(r.value);
    if (m.format !== BUNDLE_FORMAT) {
      throw new DataError(
        text(`${abs} 不是 fieldvisit 交换文件：请用 fieldvisit export 生成的文件。`, `${abs} is not a fieldvisit bundle: use a file made by fieldvisit export.`),
      );
    }
    const manifest = m as unknown as Manifest;
    if (manifest.format_version > BUNDLE_FORMAT_VERSION || manifest.schema_version > supportedSchema) {
      throw new DataError(
        text(
          `交换文件 ${abs} 来自更新版本的 fieldvisit（结构版本 ${manifest.schema_version}，本程序支持 ${supportedSchema}），未写入任何数据：请先升级 fieldvisit。`,
          `The bundle ${abs} comes from a newer fieldvisit (schema ${manifest.schema_version}, this one supports ${supportedSchema}); nothing was written. Upgrade fieldvisit first.`,
        ),
      );
    }
    let sum: string;
    try {
      sum = contentChecksum(db);
    } catch (e) {
      throw damaged(abs, (e as Error).message);
    }
    if (sum !== manifest.checksum) throw damaged(abs, 'checksum');
    return { db, file: abs, manifest, signature: signatureState(manifest, sum), close: () => db.close() };
  } catch (e) {
    db.close();
    throw e;
  }
}
