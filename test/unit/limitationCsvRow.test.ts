// The streamed limitation CSV builds its rows directly (src/format/limitation.ts csvRow): it must print what csvRows
// (csv-stringify) prints for any cell, awkward ones included.
import { describe, expect, it } from 'vitest';
import { csvRow } from '../../src/format/limitation.js';
import { csvRows, money, type CsvCell } from '../../src/format/csv.js';

const awkward: CsvCell[] = [
  '', 'plain', '张三', 'a,b', 'say "hi"', '"', '""', 'line\nbreak', 'cr\rhere', 'crlf\r\nend', ' lead', 'trail ', '=SUM(A1)', '+86', '-', '-12.5', '@x',
  '\ttab', 'semi;colon', "it's", 0, -3, 12345678901, 1.5, null, undefined, true, false, money(0), money(-1), money(123456), money(null),
];

describe('csvRow', () => {
  it('prints each awkward cell as csv-stringify does', () => {
    for (const c of awkward) expect(csvRow([c])).toBe(csvRows([[c]]));
  });
  it('prints whole rows of them as csv-stringify does', () => {
    // Every cell in several positions, several rows' worth, deterministic.
    for (let k = 0; k < 200; k++) {
      const row = Array.from({ length: 1 + (k % 20) }, (_, i) => awkward[(k * 7 + i * 13) % awkward.length]!);
      expect(csvRow(row)).toBe(csvRows([row]));
    }
  });
});
