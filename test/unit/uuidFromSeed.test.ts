// uuidFromSeed names facts on every laptop (ledger statements, imported visits): its output must never change.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uuidFromSeed } from '../../src/domain/ids.js';

/** The derivation as first written (SHA-256, first 16 bytes, version 8 and variant bits set on the bytes). */
function reference(seed: string): string {
  const b = createHash('sha256').update(seed, 'utf8').digest().subarray(0, 16);
  b[6] = 0x80 | (b[6]! & 0x0f);
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

describe('uuidFromSeed', () => {
  it('gives the same uid as the original derivation', () => {
    expect(uuidFromSeed('statement:WS-1\u00002024-01-01\u0000150000\u00000')).toBe(reference('statement:WS-1\u00002024-01-01\u0000150000\u00000'));
    for (let i = 0; i < 5000; i++) {
      const seed = `statement:L${i}\u00002026-11-${(i % 28) + 1}\u0000${i * 7919}\u0000${i % 13}房六贵`;
      expect(uuidFromSeed(seed)).toBe(reference(seed));
    }
  });
  it('is a version 8 UUID', () => {
    expect(uuidFromSeed('visit:x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
