// The import's CSV parser against csv-parse (which it replaced): the same records, the same line numbers and the same
// refusals on the same lines, on the roster fixtures and on random input cut into random chunks.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CsvParser, CsvSyntaxError, type CsvRecord } from '../../src/import/csvParser.js';

const OPTS = { bom: true, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: false };

/**
 * csv-parse's answer: records with the line each starts on (counted as the reader counts them: a line break inside a
 * quoted cell, \r\n as one, moves the next record down), or the error code with the line the refused record starts on,
 * counted the same way over the records csv-parse read before it.
 */
function reference(s: string, delimiter: string): { records: CsvRecord[] } | { code: string; line: number } {
  const seen: string[][] = [];
  const numbered = () => {
    let line = 1;
    const records = seen.map((cells) => {
      const rec = { line, cells };
      line++;
      for (const c of cells) {
        for (let i = 0; i < c.length; i++) {
          const ch = c.charCodeAt(i);
          if (ch === 10 || (ch === 13 && c.charCodeAt(i + 1) !== 10)) line++;
        }
      }
      return rec;
    });
    return { records, next: line };
  };
  try {
    parse(s, { ...OPTS, delimiter, on_record: (rec: string[]) => (seen.push(rec), rec) });
    return { records: numbered().records };
  } catch (e) {
    return { code: (e as { code: string }).code, line: numbered().next };
  }
}

function ours(s: string, delimiter: string, cuts: number[]): { records: CsvRecord[] } | { code: string; line: number } {
  const p = new CsvParser(delimiter);
  const out: CsvRecord[] = [];
  try {
    let at = 0;
    for (const c of [...cuts, s.length]) {
      p.push(s.slice(at, c), out);
      at = c;
    }
    p.end(out);
    return { records: out };
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { code: e.code, line: e.line };
    throw e;
  }
}

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296) * n | 0;
}

describe('CsvParser', () => {
  it('reads the cases csv-parse reads, and refuses what it refuses', () => {
    const cases = ['', '\n', 'a\n', 'a\n\n', 'a\n\nb', 'ab"c,d', ' "a",b', '"a"b,c', '"a" ,b', '"a', 'a,"b\nc",d\ne', '"a""b"', 'a\rb\r\nc', '\uFEFFa,b',
      'a,\n', ',', '"a"\r', 'a\r', '"a"\rb', '""', '"",""', 'a"', '\r\n\r\n', ' ', '"a\r\nb"', '\uFEFF"x",y\r\n"1\r2",3\r\n', 'x,"",\n', '"a\rb",c\rd'];
    for (const s of cases) {
      for (const cut of [[], [1], [2], [s.length - 1]].filter((c) => c.every((x) => x > 0 && x < s.length))) {
        expect(ours(s, ',', cut), JSON.stringify(s) + ' cut ' + cut).toEqual(reference(s, ','));
      }
    }
  });

  it('agrees with csv-parse on every roster fixture, whole and in small chunks', () => {
    const dir = path.join(__dirname, '..', 'fixtures', 'roster');
    const files = fs.readdirSync(dir).filter((x) => /\.(csv|tsv)$/.test(x));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const s = fs.readFileSync(path.join(dir, f), 'utf8');
      const delim = f.endsWith('.tsv') ? '\t' : ',';
      const want = reference(s, delim);
      expect(ours(s, delim, []), f).toEqual(want);
      const cuts = [];
      for (let k = 7; k < s.length; k += 7) cuts.push(k);
      expect(ours(s, delim, cuts), f + ' in chunks').toEqual(want);
    }
  });

  it('agrees with csv-parse on 3,000 random inputs cut at random places', () => {
    const r = rng(7);
    const alphabet = ['a', 'b', ',', ',', '"', '"', '\n', '\r', '\r\n', '\t', ' ', '中', '\uFEFF', '""'];
    let refused = 0;
    for (let k = 0; k < 3000; k++) {
      let s = '';
      const len = r(40);
      for (let i = 0; i < len; i++) s += alphabet[r(alphabet.length)];
      // Some well-formed quoted cells, so that not every input is refused.
      if (k % 2) s = s.replace(/"/g, '') + `,"x${s.length % 3 ? '\n' : '""'}y"\n`;
      const cuts = [...new Set([r(s.length + 1), r(s.length + 1), r(s.length + 1)])].filter((c) => c > 0 && c < s.length).sort((a, b) => a - b);
      const delim = k % 5 === 0 ? '\t' : ',';
      const want = reference(s, delim);
      if ('code' in want) refused++;
      expect(ours(s, delim, cuts), JSON.stringify(s) + ' cuts ' + JSON.stringify(cuts)).toEqual(want);
    }
    expect(refused).toBeGreaterThan(300);
    expect(refused).toBeLessThan(2700);
  });
});
