// Globally unique, time-ordered record ids (UUIDv7) for records that travel between laptops.
import { randomBytes } from 'node:crypto';

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
