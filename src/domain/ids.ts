// Globally unique, time-ordered record ids (UUIDv7) for records that travel between laptops.
import { hash, randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;

/** A UUIDv7: 48-bit Unix milliseconds, then randomness; ids made later on one machine sort later. */
export function uuidv7(nowMs: number = Date.now()): string {
  const rnd = randomBytes(10);
  if (nowMs <= lastMs) {
    nowMs = lastMs;
    seq = (seq + 1) & 0xfff;
    if (seq === 0) nowMs = ++lastMs;
  } else {
    seq = rnd.readUInt16BE(0) & 0x7ff;
  }
  lastMs = nowMs;
  const b = Buffer.alloc(16);
  b.writeUIntBE(nowMs, 0, 6);
  b[6] = 0x70 | ((seq >> 8) & 0x0f);
  b[7] = seq & 0xff;
  rnd.copy(b, 8, 2, 10);
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A UUID-shaped id (version 8, RFC 9562) derived from a seed: every database derives the same one. */
export function uuidFromSeed(seed: string): string {
  // The first 16 bytes of SHA-256, with the version (8) and variant (10) bits set; one-shot hashing, on the hex text.
  const h = hash('sha256', seed, 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The uid of a visit imported from a file: from its visit_id when the file has one, else from its content key, so
 * two laptops importing the same file hold the same uid and a void made on either applies on both.
 */
export function importedVisitUid(externalId: string | null, dedupeKey: string | null): string | undefined {
  if (externalId) return uuidFromSeed('visit:' + externalId);
  if (dedupeKey) return uuidFromSeed('visit-key:' + dedupeKey);
  return undefined;
}
