// A small strict CSV parser for the import's hot path: the same records and the same refusals as csv-parse with the
// options the import used (bom, one delimiter, record delimiters \r\n, \n and \r, ragged rows allowed, empty lines
// kept), about five times faster. test/unit/csvParser.test.ts compares the two on fixtures and random input.

/** A refusal, with csv-parse's error code (the reader turns it into a located message). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: 'CSV_QUOTE_NOT_CLOSED' | 'INVALID_OPENING_QUOTE' | 'CSV_INVALID_CLOSING_QUOTE',
    /** The line the refused record starts on. */
    readonly line: number,
  ) {
    super(code);
  }
}

export interface CsvRecord {
  /** 1-based line the record starts on (line breaks inside quoted cells count). */
  line: number;
  cells: string[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Push text chunks in; get the complete records out. A record cut by the end of a chunk waits for the next one;
 * `end()` returns the last record (a missing final line break is fine).
 */
export class CsvParser {
  private carry = '';
  private line = 1;
  private first = true;
  private readonly delim: string;
  private readonly delimCode: number;

  constructor(delimiter: string) {
    if (delimiter.length !== 1) throw new Error('one-character delimiter');
    this.delim = delimiter;
    this.delimCode = delimiter.charCodeAt(0);
  }

  push(chunk: string, out: CsvRecord[]): void {
    let buf = this.carry.length ? this.carry + chunk : chunk;
    if (this.first && buf.length) {
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
      this.first = false;
    }
    const pos = this.parse(buf, false, out);
    this.carry = pos < buf.length ? buf.slice(pos) : '';
  }

  end(out: CsvRecord[]): void {
    const buf = this.carry;
    this.carry = '';
    if (buf.length) this.parse(buf, true, out);
  }

  /** Parses every complete record of buf; returns where the first incomplete one starts. */
  private parse(buf: string, final: boolean, out: CsvRecord[]): number {
    const n = buf.length;
    const delim = this.delim;
    let pos = 0;
    // The next quote and carriage return at or after pos (-1: none left), found again only once passed.
    let q = -2;
    let cr = -2;
    while (pos < n) {
      const nl = buf.indexOf('\n', pos);
      if (nl < 0 && !final) return pos;
      const end = nl < 0 ? n : nl;
      if (q !== -1 && q < pos) q = buf.indexOf('"', pos);
      if (cr !== -1 && cr < pos) cr = buf.indexOf('\r', pos);
      // The common case: a line without quotes and without a bare carriage return, split in one call.
      if ((q < 0 || q >= end) && (cr < 0 || cr >= end - 1)) {
        const stop = cr >= 0 && cr === end - 1 ? cr : end;
        out.push({ line: this.line, cells: buf.slice(pos, stop).split(delim) });
        this.line++;
        pos = end + 1;
        continue;
      }
      const next = this.slow(buf, pos, final, out);
      if (next < 0) return pos;
      pos = next;
    }
    return pos;
  }

  /** One record character by character (quotes or a bare carriage return); -1 when it is cut by the chunk's end. */
  private slow(buf: string, pos: number, final: boolean, out: CsvRecord[]): number {
    const n = buf.length;
    const d = this.delimCode;
    const start = this.line;
    let lines = 0;
    const cells: string[] = [];
    let i = pos;
    for (;;) {
      // At the start of a cell.
      if (i < n && buf.charCodeAt(i) === QUOTE) {
        let val = '';
        let j = i + 1;
        for (;;) {
          const q = buf.indexOf('"', j);
          if (q < 0) {
            if (!final) return -1;
            throw new CsvSyntaxError('CSV_QUOTE_NOT_CLOSED', start);
          }
          val += buf.slice(j, q);
          if (q + 1 >= n && !final) return -1;
          if (buf.charCodeAt(q + 1) === QUOTE) {
            val += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        for (let k = 0; k < val.length; k++) {
          const c = val.charCodeAt(k);
          if (c === LF || (c === CR && val.charCodeAt(k + 1) !== LF)) lines++;
        }
        cells.push(val);
        if (i >= n) {
          if (!final) return -1;
          break;
        }
        const c = buf.charCodeAt(i);
        if (c === d) {
          i++;
          continue;
        }
        if (c === LF) {
          i++;
          break;
        }
        if (c === CR) {
          if (i + 1 >= n && !final) return -1;
          i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
          break;
        }
        throw new CsvSyntaxError('CSV_INVALID_CLOSING_QUOTE', start);
      }
      // An unquoted cell: up to the delimiter or the end of the record; a quote inside it is refused.
      let j = i;
      let c = -1;
      while (j < n) {
        c = buf.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        if (c === QUOTE) throw new CsvSyntaxError('INVALID_OPENING_QUOTE', start);
        j++;
      }
      cells.push(buf.slice(i, j));
      if (j >= n) {
        if (!final) return -1;
        i = n;
        break;
      }
      if (c === d) {
        i = j + 1;
        if (i >= n) {
          if (!final) return -1;
          cells.push('');
          break;
        }
        continue;
      }
      if (c === LF) {
        i = j + 1;
        break;
      }
      // A carriage return: with a line feed after it, or alone, it ends the record.
      if (j + 1 >= n && !final) return -1;
      i = buf.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
      break;
    }
    out.push({ line: start, cells });
    this.line = start + 1 + lines;
    return i;
  }
}
