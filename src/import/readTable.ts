// Reads a CSV (UTF-8, UTF-8 with BOM, GBK/GB18030; comma or tab) or .xlsx file as a stream of rows of cells.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { DataError } from '../domain/errors.js';
import { CsvParser, CsvSyntaxError, type CsvRecord } from './csvParser.js';
import { text } from '../domain/text.js';

export type Cell = string | number | boolean | Date | null;
export interface SourceRow {
  /** 1-based line (CSV: the line the record starts on; xlsx: the sheet row). */
  line: number;
  cells: Cell[];
  /** Indexes of cells holding a control character (NUL, ESC, BEL, …; not tab or line breaks), when any. */
  control?: number[];
}

/**
 * Control characters no name, place or note legitimately holds: C0 except tab, line feed and carriage return (a
 * quoted cell may span lines), and DEL. They come from binary junk or copy-paste and print as nothing or worse.
 */
export const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Inputs above this size are refused before reading: 512 MiB, over three times a 1,000,000-row roster (~150 MB).
 * FIELDVISIT_MAX_INPUT_BYTES overrides it (tests use a small value).
 */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

export function maxInputBytes(env: Record<string, string | undefined>): number {
  const v = env.FIELDVISIT_MAX_INPUT_BYTES;
  const n = v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : MAX_INPUT_BYTES;
}

function mib(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${n} bytes`;
}

function tooLarge(shown: string, size: number | null, limit: number): DataError {
  return new DataError(
    text(
      `${shown}${size === null ? '' : `（${mib(size)}）`}超过了导入文件的上限 ${mib(limit)}，未读取：请按乡镇或年份分成几个文件分别导入。`,
      `${shown}${size === null ? '' : ` (${mib(size)})`} is larger than the import limit of ${mib(limit)}, so it was not read: split it (by township or year) and import the parts.`,
    ),
  );
}

export type EncodingName = 'utf8' | 'gb18030';
export type EncodingChoice = EncodingName | 'auto';

export function parseEncodingName(s: string): EncodingChoice | null {
  const k = s.trim().toLowerCase().replace(/[-_]/g, '');
  if (k === 'auto') return 'auto';
  if (k === 'utf8' || k === 'utf8bom' || k === 'utf8sig') return 'utf8';
  if (k === 'gbk' || k === 'gb2312' || k === 'gb18030' || k === 'cp936' || k === 'ansi') return 'gb18030';
  return null;
}

export interface TableSource {
  /** What error messages call the file: its path, or `<stdin>`. */
  displayName: string;
  /** A path that can be read more than once (stdin is spooled to a temporary file). */
  path: string;
  kind: 'csv' | 'xlsx';
  cleanup(): void;
}

function isXlsxPath(p: string): boolean {
  return /\.xlsx$/i.test(p);
}

function looksLikeZip(p: string): boolean {
  try {
    const fd = fs.openSync(p, 'r');
    const b = Buffer.alloc(4);
    fs.readSync(fd, b, 0, 4, 0);
    fs.closeSync(fd);
    return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  } catch {
    return false;
  }
}

/** Opens FILE or `-` (stdin, spooled to a private temporary file so it can be read twice in bounded memory). */
export async function openTableSource(file: string, stdin: NodeJS.ReadableStream, env: Record<string, string | undefined> = {}): Promise<TableSource> {
  const limit = maxInputBytes(env);
  if (file === '-') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldvisit-'));
    const tmp = path.join(dir, 'stdin');
    const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
    let seen = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        seen += chunk.length;
        done(seen > limit ? tooLarge('<stdin>', null, limit) : null, chunk);
      },
    });
    try {
      await pipeline(stdin as Readable, counter, fs.createWriteStream(tmp, { mode: 0o600 }));
      sniffContent(tmp, '<stdin>');
    } catch (e) {
      cleanup();
      throw e;
    }
    return { displayName: '<stdin>', path: tmp, kind: looksLikeZip(tmp) ? 'xlsx' : 'csv', cleanup };
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new DataError(text(`找不到文件 ${file}：请检查路径。`, `No such file: ${file}. Check the path.`));
  }
  if (st.isDirectory()) throw new DataError(text(`${file} 是文件夹，不是文件。`, `${file} is a folder, not a file.`));
  if (!st.isFile()) {
    // A FIFO, device or socket would block the read (or never end): refuse it rather than hang.
    throw new DataError(
      text(
        `${file} 不是普通文件（是管道、设备或套接字）：请给出文件路径；要从管道读入，请用“-”表示标准输入。`,
        `${file} is not a regular file (a pipe, device or socket): name a file; to read from a pipe, use "-" for stdin.`,
      ),
    );
  }
  if (st.size > limit) throw tooLarge(file, st.size, limit);
  if (/\.xls$/i.test(file)) {
    throw new DataError(
      text(
        `${file} 是旧版 .xls 格式：请在 Excel 中另存为 .xlsx 或 CSV 后再导入。`,
        `${file} is an old .xls workbook: save it as .xlsx or CSV in Excel, then import that.`,
      ),
    );
  }
  const kind = isXlsxPath(file) || looksLikeZip(file) ? 'xlsx' : 'csv';
  if (kind === 'csv') sniffContent(file, file);
  return { displayName: file, path: file, kind, cleanup: () => {} };
}

const SAVE_AS_CSV = text(
  '请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”，或在 WPS/记事本中另存为，编码选 UTF-8，再导入。',
  'In Excel use Save As → "CSV UTF-8 (Comma delimited)"; in WPS or Notepad use Save As with encoding UTF-8; then import that file.',
);

/**
 * Says what a file is when it is not a text table: UTF-16, a PDF, an image, an old Office file, a SQLite database,
 * or other binary data. Reads the first 8 KB only.
 */
function sniffContent(p: string, shown: string): void {
  const fd = fs.openSync(p, 'r');
  const b = Buffer.alloc(8192);
  let n: number;
  try {
    n = fs.readSync(fd, b, 0, b.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const head = b.subarray(0, n);
  const starts = (hex: string) => head.subarray(0, hex.length / 2).equals(Buffer.from(hex, 'hex'));
  const what = (zh: string, en: string, todo: { zh: string; en: string }) =>
    new DataError(text(`${shown} ${zh}，不是 CSV 表格：${todo.zh}`, `${shown} ${en}, not a CSV table: ${todo.en}`));
  if (starts('fffe') || starts('feff')) throw what('是 UTF-16 编码的文本（Excel“Unicode 文本”）', 'is UTF-16 text (Excel\'s "Unicode Text")', SAVE_AS_CSV);
  if (starts('d0cf11e0a1b11ae1')) {
    throw what('是旧版 Office 文件（.xls 或 .doc）', 'is an old Office file (.xls or .doc)', text('请在 Excel 中另存为 .xlsx 或“CSV UTF-8（逗号分隔）”后再导入。', 'save it as .xlsx or "CSV UTF-8 (Comma delimited)" in Excel, then import that.'));
  }
  if (starts('25504446')) throw what('是 PDF 文件', 'is a PDF file', text('请向出表的人要 Excel 或 CSV 格式的花名册。', 'ask whoever made it for the roster as Excel or CSV.'));
  if (starts('89504e47') || starts('ffd8ff') || starts('47494638')) {
    throw what('是图片', 'is an image', text('请向出表的人要 Excel 或 CSV 格式的花名册。', 'ask whoever made it for the roster as Excel or CSV.'));
  }
  if (head.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000') {
    throw what('是 SQLite 数据库（可能是 fieldvisit 数据库或交换文件）', 'is a SQLite database (perhaps a fieldvisit database or bundle)', text('交换文件请用 fieldvisit merge 合并；花名册请导入 CSV 或 .xlsx。', 'merge bundles with fieldvisit merge; import rosters as CSV or .xlsx.'));
  }
  let zeros = 0;
  let evenZeros = 0;
  let zeroPairs = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 0) {
      zeros++;
      if (i % 2 === 0) {
        evenZeros++;
        if (head[i + 1] === 0) zeroPairs++;
      }
    }
  }
  if (zeros > 0) {
    // UTF-16 without a byte-order mark: the zero bytes of its ASCII characters (commas, digits) all fall on one side
    // of each pair, and never two in one aligned pair (that would be U+0000); binary data has zeros anywhere.
    const share = evenZeros / zeros;
    const oneSided = zeros >= head.length / 8 && zeroPairs === 0 && (share > 0.95 || share < 0.05);
    if (oneSided) throw what('看起来是没有字节序标记的 UTF-16 文本', 'looks like UTF-16 text without a byte-order mark', SAVE_AS_CSV);
    throw what(`含有二进制数据（${zeros} 个零字节）`, `holds binary data (${zeros} NUL bytes)`, text('请确认选对了文件；花名册应是 CSV 或 .xlsx。', 'check that this is the right file; a roster is CSV or .xlsx.'));
  }
}

function hex(b: Buffer): string {
  return [...b].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

/** Offset of the first byte that breaks UTF-8 in `b`, or -1; a JavaScript loop, run only on lines already known bad. */
function firstBadUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= b.length) return i;
    for (let k = 1; k <= n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    const c1 = b[i + 1]!;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    i += n + 1;
  }
  return -1;
}

interface LineScan {
  /** Lines holding non-ASCII text that is valid UTF-8 (lines of whole valid UTF-8 chunks are counted too). */
  utf8Lines: number;
  firstUtf8Line: number | null;
  /** Lines that are not valid UTF-8. */
  badLines: number;
  firstBad: { line: number; offset: number; bytes: string } | null;
}

/**
 * One read of the whole file, chunk by chunk, whole lines at a time (a line feed is never inside a UTF-8 or GB18030
 * character). A chunk that decodes as UTF-8 is checked natively in one call; only a chunk that does not is looked at
 * line by line, to say which lines are UTF-8 and where the first bad byte is.
 */
async function scanUtf8(p: string): Promise<LineScan> {
  const scan: LineScan = { utf8Lines: 0, firstUtf8Line: null, badLines: 0, firstBad: null };
  const dec = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let line = 1;
  let offset = 0;
  const countLines = (b: Buffer) => {
    let n = 0;
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
    return n;
  };
  const piece = (b: Buffer) => {
    if (b.length === 0) return;
    let ok = true;
    let ascii = true;
    try {
      ascii = dec.decode(b).length === b.length;
    } catch {
      ok = false;
    }
    if (ok) {
      if (!ascii) {
        if (scan.firstUtf8Line === null) {
          let i = 0;
          while (b[i]! < 0x80) i++;
          scan.firstUtf8Line = line + countLines(b.subarray(0, i));
        }
        scan.utf8Lines += Math.max(1, countLines(b));
      }
      line += countLines(b);
      offset += b.length;
      return;
    }
    let start = 0;
    while (start < b.length) {
      const nl = b.indexOf(10, start);
      const end = nl < 0 ? b.length : nl + 1;
      const l = b.subarray(start, end);
      const bad = firstBadUtf8(l);
      if (bad >= 0) {
        scan.badLines++;
        scan.firstBad ??= { line, offset: offset + start + bad, bytes: hex(l.subarray(bad, bad + 4)) };
      } else {
        let high = false;
        for (let i = 0; i < l.length; i++) if (l[i]! >= 0x80) { high = true; break; }
        if (high) {
          scan.utf8Lines++;
          scan.firstUtf8Line ??= line;
        }
      }
      line++;
      start = end;
    }
    offset += b.length;
  };
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(p, { highWaterMark: 1 << 20 })) {
    const buf = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const cut = buf.lastIndexOf(10) + 1;
    piece(buf.subarray(0, cut));
    carry = Buffer.from(buf.subarray(cut));
  }
  piece(carry);
  return scan;
}

function badEncoding(shown: string, zh: string, en: string): DataError {
  return new DataError(text(`${shown}：${zh}。未读入任何数据。${SAVE_AS_CSV.zh}`, `${shown}: ${en}. Nothing was read. ${SAVE_AS_CSV.en}`));
}

/**
 * Strict: UTF-8 only when the whole file is UTF-8; GB18030 (a superset of GBK) only when no line is UTF-8 (its
 * decoding is then checked for replacement characters as it is read). A file mixing both is refused, naming the
 * first line of the smaller part, rather than decoded into nonsense.
 */
export async function detectEncoding(p: string, shown: string = p, forced: EncodingChoice = 'auto'): Promise<EncodingName> {
  if (forced === 'gb18030') return 'gb18030';
  const s = await scanUtf8(p);
  const at = (f: NonNullable<LineScan['firstBad']>) => ({
    zh: `第 ${f.line} 行第 ${f.offset} 字节（${f.bytes}）`,
    en: `line ${f.line}, byte offset ${f.offset} (${f.bytes})`,
  });
  if (!s.firstBad) return 'utf8';
  if (forced === 'utf8') {
    const w = at(s.firstBad);
    throw badEncoding(shown, `按 --encoding utf8 读取，但${w.zh}不是有效的 UTF-8`, `read as UTF-8 (--encoding utf8), but ${w.en} is not valid UTF-8`);
  }
  if (s.utf8Lines === 0) return 'gb18030';
  if (s.utf8Lines >= s.badLines) {
    const w = at(s.firstBad);
    throw badEncoding(
      shown,
      `文件大部分是 UTF-8，但${w.zh}不是有效的 UTF-8（可能是损坏的字节，或混入了 GBK 文字）`,
      `the file is mostly UTF-8, but ${w.en} is not valid UTF-8 (a damaged byte, or GBK text mixed in)`,
    );
  }
  throw badEncoding(
    shown,
    `文件大部分是 GBK，但第 ${s.firstUtf8Line} 行是 UTF-8：一个文件里混用了两种编码`,
    `the file is mostly GBK, but line ${s.firstUtf8Line} is UTF-8: the file mixes two encodings`,
  );
}

/** Where the first character GB18030 cannot decode is (error path only): line, byte offset and the bytes. */
async function firstBadGb18030(p: string): Promise<{ line: number; offset: number; bytes: string }> {
  const all = fs.readFileSync(p);
  let line = 1;
  let i = 0;
  while (i < all.length) {
    const c = all[i]!;
    let n = 1;
    if (c >= 0x81 && c <= 0xfe) n = all[i + 1]! >= 0x30 && all[i + 1]! <= 0x39 ? 4 : 2;
    else if (c === 0x0a) line++;
    const unit = all.subarray(i, i + n);
    if (c >= 0x80 && iconv.decode(unit, 'gb18030').includes('\uFFFD')) return { line, offset: i, bytes: hex(unit) };
    i += n;
  }
  return { line, offset: all.length, bytes: '' };
}

function sniffDelimiter(p: string, encoding: EncodingName, shown: string): string {
  const fd = fs.openSync(p, 'r');
  const b = Buffer.alloc(8192);
  const n = fs.readSync(fd, b, 0, b.length, 0);
  fs.closeSync(fd);
  const head = iconv.decode(b.subarray(0, n), encoding);
  const firstLine = head.split(/\r?\n/)[0] ?? '';
  const tabs = (firstLine.match(/\t/g) ?? []).length;
  const commas = (firstLine.match(/,/g) ?? []).length;
  const semicolons = (firstLine.match(/;/g) ?? []).length;
  if (tabs === 0 && commas === 0 && semicolons >= 2) {
    // Excel in a European locale separates with semicolons; read as commas it is one column and "lacks" every field.
    throw new DataError(
      text(
        `${shown} 的各列用分号（;）分隔，不是逗号：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或把分号换成逗号后再导入。`,
        `${shown} separates its columns with semicolons (;), not commas: save it in Excel as "CSV UTF-8 (Comma delimited)", or replace the semicolons with commas, then import it.`,
      ),
    );
  }
  return tabs > commas ? '\t' : ',';
}

export interface ReadOptions {
  encoding: EncodingChoice;
  sheet?: string;
}

export interface ReadResult {
  encoding: EncodingName | 'xlsx';
  rows: AsyncIterable<SourceRow>;
}

/** Rows of the first (or named) sheet of an .xlsx file; the whole sheet is read at once (Excel caps sheets at 1,048,576 rows). */
async function* xlsxRows(src: TableSource, sheet: string | undefined): AsyncGenerator<SourceRow> {
  const { readSheet } = await import('read-excel-file/node');
  let data: Cell[][];
  try {
    data = (await readSheet(src.path, sheet ?? 1)) as unknown as Cell[][];
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'SheetNotFoundError') {
      const sheets = (e as { sheets?: string[] }).sheets ?? [];
      throw new DataError(
        text(
          `${src.displayName} 中没有名为“${sheet}”的工作表；现有：${sheets.join('、')}。`,
          `${src.displayName} has no sheet named "${sheet}"; it has: ${sheets.join(', ')}.`,
        ),
      );
    }
    throw new DataError(
      text(
        `无法读取 Excel 文件 ${src.displayName}（${(e as Error).message}）：请确认它是 .xlsx 文件。`,
        `Cannot read the Excel file ${src.displayName} (${(e as Error).message}): check that it is an .xlsx file.`,
      ),
    );
  }
  for (let i = 0; i < data.length; i++) {
    const cells = data[i]!;
    let control: number[] | undefined;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (typeof c === 'string' && CONTROL_CHAR.test(c)) (control ??= []).push(k);
    }
    yield control ? { line: i + 1, cells, control } : { line: i + 1, cells };
  }
}

/** Set by the decoding stream as it goes: whether a control character has been seen, and where decoding failed. */
interface DecodeState {
  control: boolean;
  replacement: boolean;
}

/** The file as checked text: decoded, with a flag for control characters, stopped at a byte GB18030 cannot decode. */
function decodedText(src: TableSource, encoding: EncodingName, state: DecodeState) {
  const input = fs.createReadStream(src.path, { highWaterMark: 1 << 18 });
  const source = encoding === 'utf8' ? input.setEncoding('utf8') : input.pipe(iconv.decodeStream('gb18030'));
  // One test per decoded chunk (not per row): a control character flags rows for a per-cell look, and a replacement
  // character from GB18030 (a byte it cannot decode) stops the read.
  const decoded = source.pipe(
    new Transform({
      readableObjectMode: false,
      decodeStrings: false,
      encoding: 'utf8',
      transform(chunk: string | Buffer, _enc, done) {
        const s = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
        if (!state.control && CONTROL_CHAR.test(s)) state.control = true;
        if (encoding === 'gb18030' && s.indexOf('\uFFFD') >= 0) {
          state.replacement = true;
          done(Object.assign(new Error('replacement character'), { code: 'FV_REPLACEMENT' }));
          return;
        }
        done(null, s);
      },
    }),
  );
  // pipe() does not forward errors: the decoder's refusal must reach whoever reads `decoded`.
  (source as NodeJS.EventEmitter).on('error', (e: Error) => decoded.destroy(e));
  return { input, decoded };
}

async function* csvRows(src: TableSource, encoding: EncodingName): AsyncGenerator<SourceRow> {
  const delimiter = sniffDelimiter(src.path, encoding, src.displayName);
  // The decoded text goes through the import's own parser (src/import/csvParser.ts: csv-parse's records, faster),
  // which names the line a refused record starts on.
  const state: DecodeState = { control: false, replacement: false };
  const { input, decoded } = decodedText(src, encoding, state);
  const parser = new CsvParser(delimiter);
  const recs: CsvRecord[] = [];
  const rows = function* (): Generator<SourceRow> {
    for (let r = 0; r < recs.length; r++) {
      const { line, cells } = recs[r]!;
      let control: number[] | undefined;
      if (state.control) {
        for (let k = 0; k < cells.length; k++) if (CONTROL_CHAR.test(cells[k]!)) (control ??= []).push(k);
      }
      yield control ? { line, cells, control } : { line, cells };
    }
    recs.length = 0;
  };
  try {
    for await (const chunk of decoded as AsyncIterable<string>) {
      parser.push(chunk, recs);
      yield* rows();
    }
    parser.end(recs);
    yield* rows();
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (err.code === 'FV_REPLACEMENT' || state.replacement) {
      const bad = await firstBadGb18030(src.path);
      throw badEncoding(
        src.displayName,
        `按 GBK/GB18030 读取，但第 ${bad.line} 行第 ${bad.offset} 字节（${bad.bytes}）无法解码（文件可能损坏，或不是 GBK）`,
        `read as GBK/GB18030, but line ${bad.line}, byte offset ${bad.offset} (${bad.bytes}) cannot be decoded (the file may be damaged, or not GBK)`,
      );
    }
    if (e instanceof CsvSyntaxError) {
      const line = e.line;
      const why =
        e.code === 'CSV_QUOTE_NOT_CLOSED'
          ? text('这一行的引号没有闭合', 'a quote opened on this line is never closed')
          : e.code === 'INVALID_OPENING_QUOTE'
            ? text('单元格中间出现了引号', 'a quote appears in the middle of a cell')
            : text('引号闭合后紧跟着其他字符', 'a closing quote is followed by other characters');
      throw new DataError(
        text(
          `${src.displayName}:${line}：CSV 格式错误：${why.zh}。请检查引号是否成对（单元格内的引号要写成两个 ""），然后重新导出。`,
          `${src.displayName}:${line}: malformed CSV: ${why.en}. Check that quotes are paired (a quote inside a cell is written "") and export again.`,
        ),
      );
    }
    throw e;
  } finally {
    input.destroy();
  }
}

export async function readTable(src: TableSource, opts: ReadOptions): Promise<ReadResult> {
  if (src.kind === 'xlsx') return { encoding: 'xlsx', rows: xlsxRows(src, opts.sheet) };
  if (opts.sheet) {
    throw new DataError(text(`--sheet 只用于 .xlsx 文件，${src.displayName} 是 CSV。`, `--sheet applies to .xlsx files only; ${src.displayName} is CSV.`));
  }
  const encoding = await detectEncoding(src.path, src.displayName, opts.encoding);
  return { encoding, rows: csvRows(src, encoding) };
}

export function isBlankRow(cells: Cell[]): boolean {
  for (const c of cells) if (c !== null && c !== undefined && String(c).trim() !== '') return false;
  return true;
}

export { Readable };
