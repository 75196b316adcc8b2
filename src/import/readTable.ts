// Reads a CSV (UTF-8, UTF-8 with BOM, GBK/GB18030; comma or tab) or .xlsx file as a stream of rows of cells.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { DataError } from '../domain/errors.js';
import { text } from '../domain/text.js';

export type Cell = string | number | boolean | Date | null;
export interface SourceRow {
  /** 1-based line (CSV: the line the record starts on; xlsx: the sheet row). */
  line: number;
  cells: Cell[];
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
export async function openTableSource(file: string, stdin: NodeJS.ReadableStream): Promise<TableSource> {
  if (file === '-') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldvisit-'));
    const tmp = path.join(dir, 'stdin');
    await pipeline(stdin as Readable, fs.createWriteStream(tmp, { mode: 0o600 }));
    const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
    return { displayName: '<stdin>', path: tmp, kind: looksLikeZip(tmp) ? 'xlsx' : 'csv', cleanup };
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new DataError(text(`找不到文件 ${file}：请检查路径。`, `No such file: ${file}. Check the path.`));
  }
  if (st.isDirectory()) throw new DataError(text(`${file} 是文件夹，不是文件。`, `${file} is a folder, not a file.`));
  if (/\.xls$/i.test(file)) {
    throw new DataError(
      text(
        `${file} 是旧版 .xls 格式：请在 Excel 中另存为 .xlsx 或 CSV 后再导入。`,
        `${file} is an old .xls workbook: save it as .xlsx or CSV in Excel, then import that.`,
      ),
    );
  }
  const kind = isXlsxPath(file) || looksLikeZip(file) ? 'xlsx' : 'csv';
  return { displayName: file, path: file, kind, cleanup: () => {} };
}

/** BOM → UTF-8; otherwise valid UTF-8 throughout → UTF-8; else GB18030 (a superset of GBK and GB2312). */
export async function detectEncoding(p: string): Promise<EncodingName> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const stream = fs.createReadStream(p, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf8';
  } catch {
    stream.destroy();
    return 'gb18030';
  }
}

function sniffDelimiter(p: string, encoding: EncodingName): string {
  const fd = fs.openSync(p, 'r');
  const b = Buffer.alloc(8192);
  const n = fs.readSync(fd, b, 0, b.length, 0);
  fs.closeSync(fd);
  const head = iconv.decode(b.subarray(0, n), encoding);
  const firstLine = head.split(/\r?\n/)[0] ?? '';
  const tabs = (firstLine.match(/\t/g) ?? []).length;
  const commas = (firstLine.match(/,/g) ?? []).length;
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
  for (let i = 0; i < data.length; i++) yield { line: i + 1, cells: data[i]! };
}

function csvStream(src: TableSource, encoding: EncodingName, delimiter: string, info: boolean) {
  const input = fs.createReadStream(src.path, { highWaterMark: 1 << 18 });
  const decoded = encoding === 'utf8' ? input.setEncoding('utf8') : input.pipe(iconv.decodeStream('gb18030'));
  const parser = decoded.pipe(
    parse({ bom: true, delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: false, info }),
  );
  return { input, parser };
}

/** The line on which the record that csv-parse refused begins (only on the error path, so a second, slower parse is fine). */
async function failingRecordLine(src: TableSource, encoding: EncodingName, delimiter: string): Promise<number> {
  const { input, parser } = csvStream(src, encoding, delimiter, true);
  let last = 0;
  // Events, not for-await: an async iterator drops the records parsed in the same chunk as the error.
  await new Promise<void>((resolve) => {
    parser.on('data', (rec: { info: { lines: number } }) => (last = rec.info.lines));
    parser.on('error', () => resolve());
    parser.on('end', () => resolve());
  });
  input.destroy();
  return last + 1;
}

async function* csvRows(src: TableSource, encoding: EncodingName): AsyncGenerator<SourceRow> {
  const delimiter = sniffDelimiter(src.path, encoding);
  // No `info: true`: it costs about 40% of csv-parse's time. Each record is one line plus the line breaks inside
  // its quoted cells, so the line a record starts on is counted here.
  const { input, parser } = csvStream(src, encoding, delimiter, false);
  let line = 1;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const start = line;
      line++;
      for (let k = 0; k < cells.length; k++) {
        const c = cells[k]!;
        if (c.length === 0 || (c.indexOf('\n') < 0 && c.indexOf('\r') < 0)) continue;
        for (let i = 0; i < c.length; i++) {
          const ch = c.charCodeAt(i);
          if (ch === 10 || (ch === 13 && c.charCodeAt(i + 1) !== 10)) line++;
        }
      }
      yield { line: start, cells };
    }
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (err.code && (err.code.startsWith('CSV_') || err.code === 'INVALID_OPENING_QUOTE')) {
      // Records parsed ahead of the loop are lost with the error, so find the bad record's first line again.
      line = await failingRecordLine(src, encoding, delimiter);
      const why =
        err.code === 'CSV_QUOTE_NOT_CLOSED'
          ? text('这一行的引号没有闭合', 'a quote opened on this line is never closed')
          : err.code === 'INVALID_OPENING_QUOTE'
            ? text('单元格中间出现了引号', 'a quote appears in the middle of a cell')
            : err.code === 'CSV_INVALID_CLOSING_QUOTE' || err.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE'
              ? text('引号闭合后紧跟着其他字符', 'a closing quote is followed by other characters')
              : text(`无法解析（${err.message}）`, `cannot be parsed (${err.message})`);
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
  const encoding = opts.encoding === 'auto' ? await detectEncoding(src.path) : opts.encoding;
  return { encoding, rows: csvRows(src, encoding) };
}

export function isBlankRow(cells: Cell[]): boolean {
  for (const c of cells) if (c !== null && c !== undefined && String(c).trim() !== '') return false;
  return true;
}

export { Readable };
