// Attachments: files kept as proof of a visit, stored once per content (SHA-256) and named by the visit's uid; what
// export bundles carry of them, and the check that every blob in a bundle matches its hash before a merge writes.
import { createHash } from 'node:crypto';
import type { Db } from './open.js';
import { stmt } from './stmt.js';
import type { BundleDb } from './bundle.js';
import { bundleHas, insertFact } from './facts.js';
import { recordVisitIn, type RecordResult } from './visits.js';
import { DataError } from '../domain/errors.js';
import { text } from '../domain/text.js';
import type { VisitInput } from '../domain/visit.js';
import type { IsoDate } from '../domain/dates.js';
import type { AttachmentFile } from '../domain/mediaType.js';

export type { AttachmentFile };

export interface AttachmentRow {
  attachmentId: number;
  uid: string;
  /** The local visit id; null while the visit named by visitUid has not arrived (a merge may bring it later). */
  visitId: number | null;
  visitUid: string;
  visitDate: IsoDate | null;
  /** Whether that visit is void (its attachments stay). */
  visitVoid: boolean;
  name: string;
  type: string;
  size: number;
  sha256: string;
  addedBy: string | null;
  addedAt: string;
  /** Voided (a wrong file): kept, shown as void, never proof. */
  voidReason: string | null;
}

export interface AttachResult {
  visitId: number;
  visitUid: string;
  added: AttachmentRow[];
  /** Files this visit already had (the same bytes): not attached again. */
  alreadyAttached: AttachmentRow[];
}

const ATTACHMENT_SELECT = `
  SELECT a.id AS attachmentId, a.uid, v.id AS visitId, a.visit_uid AS visitUid, v.visit_date AS visitDate,
         EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = a.visit_uid) AS visitVoid,
         a.name, a.media_type AS type, a.size, a.sha256, a.added_by AS addedBy, a.added_at AS addedAt,
         (SELECT z.reason FROM fact_voids z WHERE z.target_uid = a.uid) AS voidReason
  FROM attachments a LEFT JOIN visits v ON v.uid = a.visit_uid`;

function rows(raw: unknown[]): AttachmentRow[] {
  return (raw as (Omit<AttachmentRow, 'visitVoid'> & { visitVoid: number })[]).map((r) => ({ ...r, visitVoid: r.visitVoid === 1 }));
}

/** A visit's attachments, oldest first (void visits keep theirs). */
export function attachmentsOfVisit(db: Db, visitId: number): AttachmentRow[] {
  return rows(stmt(db, `${ATTACHMENT_SELECT} WHERE v.id = ? ORDER BY a.id`).all(visitId));
}

/**
 * The attachments of every visit about a loan — an outcome on that loan, or an outcome naming no loan on the loan's
 * household — by visit date, void visits included (see visitVoid).
 */
export function attachmentsOfLoan(db: Db, loanId: number): AttachmentRow[] {
  return rows(
    stmt(
      db,
      `${ATTACHMENT_SELECT}
       WHERE EXISTS (SELECT 1 FROM visit_outcomes o WHERE o.visit_id = v.id
               AND (o.loan_id = @loan OR (o.loan_id IS NULL AND v.household_id = (SELECT b.household_id FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE l.id = @loan))))
       ORDER BY v.visit_date, v.id, a.id`,
    ).all({ loan: loanId }),
  );
}

/** The bytes stored under a full SHA-256, or null. */
export function blobBytes(db: Db, sha256: string): Buffer | null {
  return (stmt(db, `SELECT bytes FROM blobs WHERE sha256 = ?`).pluck().get(sha256) as Buffer | undefined) ?? null;
}

export interface BlobMatch {
  sha256: string;
  size: number;
  /** The media type and names it was attached under (one blob may be attached to several visits). */
  type: string | null;
  names: string[];
}

/** Blobs whose hash starts with `prefix` (lower-case hex), at most `limit`. */
export function blobsByPrefix(db: Db, prefix: string, limit = 20): BlobMatch[] {
  const found = stmt(db, `SELECT sha256, size FROM blobs WHERE sha256 >= ? AND sha256 < ? ORDER BY sha256 LIMIT ?`).all(prefix, prefix + 'g', limit) as {
    sha256: string;
    size: number;
  }[];
  return found.map((b) => {
    const as = stmt(db, `SELECT DISTINCT name, media_type FROM attachments WHERE sha256 = ? ORDER BY id`).all(b.sha256) as { name: string; media_type: string }[];
    return { ...b, type: as[0]?.media_type ?? null, names: [...new Set(as.map((a) => a.name))] };
  });
}

/** Stores the files on the visit named by uid (call inside a transaction); the same bytes are stored once. */
function attachIn(db: Db, visit: { id: number; uid: string }, files: readonly AttachmentFile[], by: string | null, at: string): AttachResult {
  const added: AttachmentRow[] = [];
  const already: AttachmentRow[] = [];
  const existing = stmt(db, `SELECT id FROM attachments WHERE visit_uid = ? AND sha256 = ? ORDER BY id LIMIT 1`).pluck();
  const byId = (id: number) => rows(stmt(db, `${ATTACHMENT_SELECT} WHERE a.id = ?`).all(id))[0]!;
  for (const f of files) {
    const prev = existing.get(visit.uid, f.sha256) as number | undefined;
    if (prev !== undefined) {
      // Given twice in one command, or attached before: one attachment is proof enough.
      if (!added.some((a) => a.attachmentId === prev)) already.push(byId(prev));
      continue;
    }
    stmt(db, `INSERT INTO blobs (sha256, size, bytes) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING`).run(f.sha256, f.bytes.length, f.bytes);
    const { id } = insertFact(db, 'attachments', {
      visit_uid: visit.uid,
      sha256: f.sha256,
      name: f.name,
      media_type: f.mediaType,
      size: f.bytes.length,
      added_by: by,
      added_at: at,
    });
    added.push(byId(id));
  }
  return { visitId: visit.id, visitUid: visit.uid, added, alreadyAttached: already };
}

/**
 * Attaches files to a visit by its local id, in one transaction. An unknown visit, or a void one (proof goes on the
 * visit that stands), is refused with a DataError naming it; nothing is written then.
 */
export function attachToVisit(db: Db, visitId: number, files: readonly AttachmentFile[], by: string | null, at: string): AttachResult {
  return db
    .transaction(() => {
      const v = stmt(db, `SELECT id, uid FROM visits WHERE id = ?`).get(visitId) as { id: number; uid: string } | undefined;
      if (!v) throw new DataError(text(`没有编号为 ${visitId} 的走访记录，未保存任何附件：用 fieldvisit visit list --all 查看编号。`, `No visit with id ${visitId}; nothing was attached. See fieldvisit visit list --all for the ids.`));
      const voided = stmt(db, `SELECT reason FROM visit_voids WHERE visit_uid = ? ORDER BY id LIMIT 1`).pluck().get(v.uid) as string | undefined;
      if (voided !== undefined) {
        throw new DataError(
          text(
            `走访 #${visitId} 已作废（${voided}），未保存任何附件：附件应放在有效的走访上；如需改正，请先记一条新的走访，再把附件加到新走访上。`,
            `Visit #${visitId} is void (${voided}); nothing was attached. Proof belongs on a visit that stands: log the corrected visit, then attach the files to it.`,
          ),
        );
      }
      return attachIn(db, v, files, by, at);
    })
    .immediate();
}

/** Records a visit and its attachments together: both are saved, or neither. */
export function recordVisitWithAttachments(db: Db, v: VisitInput, today: IsoDate, files: readonly AttachmentFile[]): RecordResult & { attachments: AttachResult | null } {
  return db
    .transaction(() => {
      const r = recordVisitIn(db, v, today);
      const attachments = files.length ? attachIn(db, { id: r.visitId, uid: r.uid }, files, v.officer.trim(), v.createdAt) : null;
      return { ...r, attachments };
    })
    .immediate();
}

// ---------------------------------------------------------------------------------------------------------------
// Bundles: each blob once, keyed by its hash; checked against the hash before a merge writes anything.

/** Copies into the bundle the blob of every attachment it carries, once each. */
export function copyBlobs(db: Db, b: BundleDb): void {
  const ins = b.prepare(`INSERT INTO blobs (sha256, size, bytes) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING`);
  const get = db.prepare(`SELECT size, bytes FROM blobs WHERE sha256 = ?`);
  for (const h of b.prepare(`SELECT DISTINCT sha256 FROM attachments ORDER BY rowid`).pluck().all() as string[]) {
    const blob = get.get(h) as { size: number; bytes: Buffer };
    ins.run(h, blob.size, blob.bytes);
  }
}

/**
 * Refuses a bundle (DataError, before anything is written) when a blob's bytes do not hash to its key or size, or an
 * attachment names a blob that is neither in the bundle nor here: the file was altered or damaged after export.
 */
export function checkBundleBlobs(db: Db, b: BundleDb, file: string): void {
  if (!bundleHas(b, 'blobs')) return;
  const bad: string[] = [];
  for (const r of b.prepare(`SELECT sha256, size, bytes FROM blobs ORDER BY rowid`).iterate() as Iterable<{ sha256: unknown; size: unknown; bytes: unknown }>) {
    const ok =
      typeof r.sha256 === 'string' &&
      Buffer.isBuffer(r.bytes) &&
      r.size === r.bytes.length &&
      createHash('sha256').update(r.bytes).digest('hex') === r.sha256;
    if (!ok) bad.push(String(r.sha256).slice(0, 12));
  }
  const here = db.prepare(`SELECT 1 FROM blobs WHERE sha256 = ?`).pluck();
  const inBundle = b.prepare(`SELECT 1 FROM blobs WHERE sha256 = ?`).pluck();
  const missing = bundleHas(b, 'attachments')
    ? (b.prepare(`SELECT DISTINCT sha256 FROM attachments`).pluck().all() as string[]).filter((h) => !inBundle.get(h) && !here.get(h))
    : [];
  if (!bad.length && !missing.length) return;
  const few = (xs: string[]) => xs.slice(0, 5).join(', ') + (xs.length > 5 ? ' …' : '');
  const details = [];
  if (bad.length) details.push(text(`${bad.length} 个附件文件与其 SHA-256 不符：${few(bad)}`, `${bad.length} attached file(s) do not match their SHA-256: ${few(bad)}`));
  if (missing.length) details.push(text(`${missing.length} 个附件缺少文件内容：${few(missing.map((h) => h.slice(0, 12)))}`, `${missing.length} attachment(s) lack their file: ${few(missing.map((h) => h.slice(0, 12)))}`));
  throw new DataError(
    text(
      `交换文件 ${file} 中的附件被改动或已损坏，整个文件未合并，未写入任何数据：请让对方重新导出，再拷贝一次。`,
      `The attachments in bundle ${file} were altered or are damaged, so none of it was merged and nothing was written. Ask for a fresh export and copy it again.`,
    ),
    details,
  );
}

/** Stores the bundle's blobs not already here (checked by checkBundleBlobs first). */
export function applyBlobs(db: Db, b: BundleDb): void {
  if (!bundleHas(b, 'blobs')) return;
  const here = db.prepare(`SELECT 1 FROM blobs WHERE sha256 = ?`).pluck();
  const ins = db.prepare(`INSERT INTO blobs (sha256, size, bytes) VALUES (?, ?, ?)`);
  // The bytes of a blob are read only when it is missing here, one at a time.
  const blob = b.prepare(`SELECT size, bytes FROM blobs WHERE sha256 = ?`);
  for (const h of b.prepare(`SELECT sha256 FROM blobs ORDER BY rowid`).pluck().all() as string[]) {
    if (here.get(h)) continue;
    const r = blob.get(h) as { size: number; bytes: Buffer };
    ins.run(h, r.size, r.bytes);
  }
}
