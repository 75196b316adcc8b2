// The streamed limitation report goes out through a write buffer, as bytes (--out) or as strings (stdout): the same
// text either way, whatever the buffer's size (rows larger than it, text crossing its edge, a tail longer than it).
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleDb } from '../helpers.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { limitationCsvStream, limitationJsonStream } from '../../src/format/limitation.js';
import { streamLimitationReport } from '../../src/cli/limitationStream.js';

let db: Db;
beforeAll(() => {
  db = openDatabase(sampleDb({ visits: true }), { nowIso: '2026-11-22T00:00:00Z' }).db;
});

describe('the streamed limitation report through its write buffer', () => {
  const o = { today: '2026-11-22', periodYears: 3, withinDays: 1000, township: null, status: null };
  for (const [name, fmt] of [['CSV', limitationCsvStream('zh')], ['JSON', limitationJsonStream()]] as const) {
    it(`${name}: bytes and strings, any buffer size, the same text`, () => {
      let reference = '';
      streamLimitationReport(db, {}, o, fmt, (s) => (reference += s));
      expect(reference.length).toBeGreaterThan(500);
      for (const size of [16, 100, 333, 4096, 1 << 20]) {
        let asText = '';
        const parts: Buffer[] = [];
        let chunks = 0;
        streamLimitationReport(db, {}, o, fmt, (s) => ((asText += s), chunks++), undefined, size);
        streamLimitationReport(db, {}, o, fmt, () => expect.unreachable('bytes were asked for'), (b) => void parts.push(Buffer.from(b)), size);
        expect(asText).toBe(reference);
        expect(Buffer.concat(parts).toString('utf8')).toBe(reference);
        if (size < 1000) expect(chunks).toBeGreaterThan(3);
      }
    });
  }
});
