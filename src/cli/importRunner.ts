// Two-phase import shared by rosters and visits: validate every row (streaming), then write all in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db/open.js';
import { inWriteTransaction, withSavepoint } from '../db/transaction.js';
import { timeStatements } from '../db/statementTimer.js';
import { DataError, InputError, UsageError, type RowProblem } from '../domain/errors.js';
import { pick, text, type Text } from '../domain/text.js';
import { mapHeader, type FieldSpec, type HeaderMap } from '../import/headers.js';
import { CONTROL_CHAR, isBlankRow, openTableSource, parseEncodingName, readTable, type Cell, type SourceRow } from '../import/readTable.js';
import type { Context } from './context.js';
import { createProgress, type Progress } from './progress.js';
import { csvCell } from '../format/csv.js';
import { guardOutput, protectInput } from './pathGuard.js';

export interface ParsedRow<R> {
  row: R | null;
  problems: { field: string | null; reason: Text; severity: 'error' | 'warning' }[];
}

export interface ImportSpec<F extends string, R> {
  fields: readonly FieldSpec<F>[];
  parse(line: number, cells: Cell[], header: HeaderMap<F>): ParsedRow<R>;
  /** Checks across rows (e.g. a loan number twice), in file order; returns more problems for this row. */
  crossCheck?(row: R, line: number): ParsedRow<R>['problems'];
  /** Checks against the database, read-only, in phase 1. */
  dbCheck?(row: R): ParsedRow<R>['problems'];
  /**
   * Rules that depend on earlier rows (e.g. paying more than is owed after an earlier payment) are checked as
   * rows are written: each row gets a savepoint, a DataError from the writer becomes a located problem.
   */
  rowsCanFail?: boolean;
  /** With a staging table (below): the problems of a row whose key (a loan number) an earlier staged row, on `firstLine`, already has. */
  repeated?(row: R, firstLine: number): ParsedRow<R>['problems'];
  /**
   * Validate and write in a single read of the file: the caller's typed staging table (rosters:
   * src/db/rosterImport.ts) is filled without the write lock as the rows are checked; `add` returns the line of an
   * earlier staged row with the same key (a repeat) instead of staging it. The writer's finish() then writes the staged
   * rows set-wise under the lock, all or nothing (rolled back when any row is bad, unless --skip-invalid, and for
   * --dry-run); write() is not called. Same outcome as two phases, with the file parsed once (for rosters the parse
   * is half the cost). Requires that parse and crossCheck need nothing the writer changes.
   */
  stage?(): { begin(): void; end(): void; add(line: number, row: R): number | null; count(): number; drop(): void };
}

export interface ImportOptions {
  file: string;
  encoding?: string;
  sheet?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  errorsFile?: string;
}

export interface ImportOutcome<S> {
  file: string;
  encoding: string;
  rows: number;
  written: number;
  invalid: number;
  warnings: number;
  dryRun: boolean;
  problems: RowProblem[];
  unknownColumns: string[];
  result: S;
}

const KEEP_PROBLEMS = 1000;

/** A control character (NUL, ESC, BEL, …) in a column the import reads: an error on that cell, naming the character. */
function controlProblems<F extends string>(control: number[], cells: Cell[], hm: HeaderMap<F>): ParsedRow<unknown>['problems'] {
  const out: ParsedRow<unknown>['problems'] = [];
  for (const [field, idx] of Object.entries(hm.index) as [F, number][]) {
    if (!control.includes(idx)) continue;
    const m = CONTROL_CHAR.exec(String(cells[idx]));
    const code = m ? 'U+' + m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') : '';
    out.push({
      field,
      reason: text(
        `含有控制字符（${code}），通常来自二进制数据或从其他程序粘贴：请删掉它后重新导出`,
        `contains a control character (${code}), usually from binary data or a paste from another program: remove it and export again`,
      ),
      severity: 'error',
    });
  }
  return out;
}

export async function runImport<F extends string, R, S>(
  ctx: Context,
  db: Db,
  spec: ImportSpec<F, R>,
  opts: ImportOptions,
  /** Called inside the write transaction; returns a per-row writer and a summary getter. */
  makeWriter: () => { write(row: R): void; finish(): S },
): Promise<ImportOutcome<S>> {
  const encoding = parseEncodingName(opts.encoding ?? 'auto');
  if (!encoding) {
    throw new UsageError(text(`--encoding 只能是 auto、utf8 或 gbk（gb18030），而不是“${opts.encoding}”。`, `--encoding must be auto, utf8 or gbk (gb18030), not "${opts.encoding}".`));
  }
  if (opts.file !== '-') protectInput(ctx, path.resolve(ctx.cwd, opts.file), opts.file);
  // Before the input is opened (stdin spooled): the problem list must never land on the database, a backup or the input.
  if (opts.errorsFile) guardOutput(ctx, opts.errorsFile, '--errors', { textOutput: true });
  const source = await openTableSource(opts.file, ctx.stdin, ctx.env);
  let errorsOut: fs.WriteStream | null = null;
  if (opts.errorsFile) {
    // Opened up front, synchronously: a bad path is a clear message before any work, not a crash of an unhandled stream error.
    const target = path.resolve(ctx.cwd, opts.errorsFile);
    let fd: number;
    try {
      fd = fs.openSync(target, 'w', 0o600);
    } catch (e) {
      source.cleanup();
      throw new DataError(
        text(
          `无法写入错误清单 ${opts.errorsFile}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）：请换一个可写的路径。`,
          `Cannot write the problem list to ${opts.errorsFile} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): choose a writable path.`,
        ),
      );
    }
    errorsOut = fs.createWriteStream('', { fd });
  }
  try {
    errorsOut?.write('\uFEFF' + stringify([['file', 'line', 'column', 'severity', 'reason']]));
    const problems: RowProblem[] = [];
    let errorCount = 0;
    let warningCount = 0;
    const badLines = new Set<number>();
    const note = (p: RowProblem) => {
      if (p.severity === 'error') {
        errorCount++;
        badLines.add(p.line);
      } else warningCount++;
      if (problems.length < KEEP_PROBLEMS) problems.push(p);
      // Every cell through the spreadsheet formula guard: a file name, a header or a reason can start with = + - @.
      errorsOut?.write(stringify([[p.file, p.line, p.column ?? '', p.severity, pick(p.reason, ctx.lang)].map(csvCell)]));
    };

    const badFile = () =>
      new InputError(
        text(
          `${source.displayName} 有 ${badLines.size} 行错误，未写入任何数据。请改正后重新导入，或用 --skip-invalid 只导入正确的行。`,
          `${source.displayName} has ${badLines.size} bad row(s); nothing was written. Fix them and import again, or use --skip-invalid to import only the good rows.`,
        ),
        problems,
      );
    const checkHeader = (cells: Cell[], line: number): HeaderMap<F> => {
      const hm = mapHeader(cells, spec.fields);
      if (hm.missing.length) {
        const names = hm.missing.map((f) => {
          const s = spec.fields.find((x) => x.field === f)!;
          const zh = s.aliases.find((a) => /[\u4e00-\u9fff]/.test(a));
          return zh ? `${f}（${zh}）` : f;
        });
        throw new InputError(
          text(
            `${source.displayName}:${line}：表头缺少必需的列 ${names.join('、')}。第一行必须是列名；请补上这些列后重新导入。`,
            `${source.displayName}:${line}: the header lacks required column(s) ${hm.missing.join(', ')}. The first row must name the columns; add them and import again.`,
          ),
          [],
        );
      }
      if (hm.duplicate.length) {
        throw new InputError(
          text(
            `${source.displayName}:${line}：表头中这些列重复出现：${hm.duplicate.join('、')}。请删掉重复的列。`,
            `${source.displayName}:${line}: these columns appear twice in the header: ${hm.duplicate.join(', ')}. Remove the duplicates.`,
          ),
          [],
        );
      }
      return hm;
    };
    const emptyFile = () =>
      new InputError(text(`${source.displayName} 是空的：没有表头，也没有数据行。`, `${source.displayName} is empty: no header and no rows.`), []);
    /** Parses and checks one data row, noting its problems; the row when it may be written. */
    const check = (line: number, cells: Cell[], hm: HeaderMap<F>, control?: number[]): R | null => {
      const parsed = spec.parse(line, cells, hm);
      let ps = parsed.problems;
      if (control) ps = ps.concat(controlProblems(control, cells, hm));
      if (parsed.row) {
        const cross = spec.crossCheck?.(parsed.row, line);
        const fromDb = spec.dbCheck?.(parsed.row);
        if (cross?.length || fromDb?.length) ps = ps.concat(cross ?? [], fromDb ?? []);
      }
      let bad = false;
      for (const p of ps) {
        if (p.severity === 'error') bad = true;
        note({
          file: source.displayName,
          line,
          column: p.field ? (hm.label[p.field as F] ?? p.field) : null,
          reason: p.reason,
          severity: p.severity,
        });
      }
      return bad ? null : parsed.row;
    };

    const summary = (enc: ImportOutcome<S>['encoding'], rows: number, written: number, unknownColumns: string[], result: S): ImportOutcome<S> => ({
      file: source.displayName,
      encoding: enc,
      rows,
      written,
      invalid: badLines.size,
      warnings: warningCount,
      dryRun: !!opts.dryRun,
      problems,
      unknownColumns,
      result,
    });

    const makeStage = spec.stage;
    if (makeStage) {
      // Read and check every row into a staging table without the main database's write lock; then take the lock
      // only to write the staged rows (all or nothing, rolled back for --dry-run).
      const progress1: Progress = createProgress(ctx, pick(text('导入', 'importing'), ctx.lang));
      const read = await readTable(source, { encoding, sheet: opts.sheet });
      let header: HeaderMap<F> | null = null;
      let rows = 0;
      let written = 0;
      let result: S;
      const stage = makeStage();
      // FIELDVISIT_IMPORT_TIMING=1 (the benchmark): phase and per-statement timings on stderr.
      const timer = ctx.env.FIELDVISIT_IMPORT_TIMING ? timeStatements(db) : null;
      const t0 = performance.now();
      let t1 = t0;
      let t2 = t0;
      try {
        stage.begin();
        for await (const r of read.rows) {
          if (isBlankRow(r.cells)) continue;
          if (!header) {
            header = checkHeader(r.cells, r.line);
            continue;
          }
          rows++;
          progress1.tick(rows);
          const row = check(r.line, r.cells, header, r.control);
          if (row === null) continue;
          const first = stage.add(r.line, row);
          if (first !== null) {
            for (const p of spec.repeated?.(row, first) ?? []) {
              note({ file: source.displayName, line: r.line, column: p.field ? (header.label[p.field as F] ?? p.field) : null, reason: p.reason, severity: 'error' });
            }
            continue;
          }
        }
        stage.end();
        if (!header) throw emptyFile();
        if (errorCount > 0 && !opts.skipInvalid) throw badFile();
        t1 = performance.now();
        result = await inWriteTransaction(
          db,
          async () => {
            const writer = makeWriter();
            written = stage.count();
            const r = writer.finish();
            t2 = performance.now();
            return r;
          },
          () => !opts.dryRun,
        );
      } finally {
        progress1.stop();
        stage.drop();
        if (timer) {
          const t3 = performance.now();
          const ms = (x: number) => x.toFixed(0).padStart(7) + ' ms';
          const lines = [`read, check and stage ${ms(t1 - t0)}`, `write ${ms(t2 - t1)}`, `commit ${ms(t3 - t2)}`];
          for (const s of timer.stop().slice(0, 40)) lines.push(`${ms(s.ms)} ×${s.calls}  ${s.label}`);
          ctx.stderr.write(`IMPORT_TIMING\n${lines.join('\n')}\n`);
        }
      }
      return summary(read.encoding, rows, written, header!.unknown, result);
    }

    // Phase 1: read and validate everything, writing nothing.
    const progress: Progress = createProgress(ctx, pick(text('校验', 'checking'), ctx.lang));
    const first = await readTable(source, { encoding, sheet: opts.sheet });
    let header: HeaderMap<F> | null = null;
    let headerLine = 0;
    let rows = 0;
    for await (const r of first.rows) {
      if (isBlankRow(r.cells)) continue;
      if (!header) {
        header = checkHeader(r.cells, r.line);
        headerLine = r.line;
        continue;
      }
      rows++;
      progress.tick(rows);
      check(r.line, r.cells, header, r.control);
    }
    progress.stop();
    if (!header) throw emptyFile();
    const unknownColumns = header.unknown;
    if (errorCount > 0 && !opts.skipInvalid) throw badFile();

    // Phase 2: read again and write every valid row in one transaction (rolled back for --dry-run).
    const bar = createProgress(ctx, pick(text('写入', 'writing'), ctx.lang), rows);
    let written = 0;
    let result: S;
    try {
      result = await inWriteTransaction(
        db,
        async () => {
          const writer = makeWriter();
          const second = await readTable(source, { encoding, sheet: opts.sheet });
          let seenHeader = false;
          let n = 0;
          for await (const r of second.rows as AsyncIterable<SourceRow>) {
            if (isBlankRow(r.cells)) continue;
            if (!seenHeader) {
              seenHeader = r.line === headerLine;
              continue;
            }
            n++;
            bar.tick(n);
            if (badLines.has(r.line)) continue;
            const parsed = spec.parse(r.line, r.cells, header);
            if (!parsed.row) continue;
            if (!spec.rowsCanFail) {
              writer.write(parsed.row);
              written++;
              continue;
            }
            try {
              withSavepoint(db, () => writer.write(parsed.row!));
              written++;
            } catch (e) {
              if (!(e instanceof DataError)) throw e;
              for (const reason of [e.text, ...e.details]) {
                note({ file: source.displayName, line: r.line, column: null, reason, severity: 'error' });
              }
            }
          }
          if (errorCount > 0 && !opts.skipInvalid) throw badFile();
          return writer.finish();
        },
        () => !opts.dryRun,
      );
    } finally {
      bar.stop();
    }
    return summary(first.encoding, rows, written, unknownColumns, result);
  } finally {
    if (errorsOut) await new Promise<void>((res) => errorsOut.end(res));
    source.cleanup();
  }
}
