// The limitation report over many loans: one ordered pass over the loans and their events (src/db/limitation.ts), each
// loan's clock computed as its household goes by; CSV and JSON are spooled to a scratch file, sorted there, and written
// out a piece at a time, so memory holds one household and a write buffer, never the report.
import { eachHouseholdClockFacts, comparePlaceOrder, type LoanFilter } from '../db/limitation.js';
import { openLimitationSpool } from '../db/spool.js';
import type { IsoDate } from '../domain/dates.js';
import type { LimitationStatus } from '../domain/limitation.js';
import type { Db } from '../db/open.js';
import { buildLimitationReportFromRows, isOutstanding, limitationTally, loanClockRow, STATUS_RANK, type ClockOptions, type LimitationReport, type LoanClockRow } from '../report/limitation.js';
import type { LimitationReportHead, LimitationStreamFormat } from '../format/limitation.js';

export type LimitationOptions = ClockOptions & { township?: string | null; status?: LimitationStatus | null };

/** The whole report in memory, for the renderers that lay it out as a page (text, Markdown, workbook). */
export function limitationReport(db: Db, f: LoanFilter, o: LimitationOptions): LimitationReport {
  const rows: LoanClockRow[] = [];
  eachHouseholdClockFacts(db, f, o.today, (house) => {
    for (const x of house) {
      const r = loanClockRow(x, o);
      if (r.outstanding) rows.push(r);
    }
  });
  rows.sort((a, b) => comparePlaceOrder(a.facts, b.facts));
  return buildLimitationReportFromRows(rows, o);
}

/**
 * Writes the report through `fmt` to `write`, byte for byte what the whole-report renderer prints. Rows are spooled
 * with their sort keys (most urgent first; guarantee periods by days left, then place order) and read back sorted.
 */
export function streamLimitationReport(db: Db, f: LoanFilter, o: LimitationOptions, fmt: LimitationStreamFormat,
  write: (chunk: string) => void,
  writeBytes?: (chunk: Uint8Array) => void,
  /** The write buffer's size (a test makes it tiny to cross its edges). */
  bufferBytes = 1 << 20,
): void {
  const spool = openLimitationSpool();
  try {
    const tally = limitationTally(o);
    eachHouseholdClockFacts(db, f, o.today as IsoDate, (house) => {
      for (const x of house) {
        // A loan that owes nothing is not reported: its clock is not computed.
        if (!isOutstanding(x)) continue;
        const r = loanClockRow(x, o);
        const t = tally.add(r);
        const c = r.clock;
        if (!c) spool.addNoDueDate(x);
        else if (t.listed) spool.addLoan(STATUS_RANK[c.status], c.expires ?? '9999-12-31', x.loanNo, fmt.loan(r));
        if (t.guarantee) spool.addGuarantee(t.guarantee.daysLeft, x, fmt.guarantee(r));
      }
    });
    const head: LimitationReportHead = {
      today: o.today,
      periodYears: o.periodYears,
      withinDays: o.withinDays,
      township: o.township ?? null,
      statusFilter: o.status ?? null,
      counts: tally.counts,
      disagreements: tally.disagreements(),
    };
    // A write buffer of about a megabyte: few system calls, little memory. The rows' bodies are read from the spool
    // straight into it, separators and head/tail text are encoded into it; it goes out as bytes when the caller takes
    // them (writeBytes), else as a string decoded a buffer at a time (always between whole pieces, never mid-character).
    let buf = Buffer.allocUnsafe(bufferBytes);
    let n = 0;
    const flushOut = () => {
      if (n === 0) return;
      if (writeBytes) writeBytes(buf.subarray(0, n));
      else write(buf.toString('utf8', 0, n));
      n = 0;
    };
    const room = (len: number): [Buffer, number] => {
      if (buf.length - n < len) {
        flushOut();
        if (len > buf.length) buf = Buffer.allocUnsafe(len);
      }
      const at = n;
      n += len;
      return [buf, at];
    };
    const put = (s: string) => {
      if (s.length === 0) return;
      // At most 3 bytes per UTF-16 unit.
      if (buf.length - n < s.length * 3) {
        flushOut();
        if (s.length * 3 > buf.length) {
          const b = Buffer.from(s, 'utf8');
          const [to, at] = room(b.length);
          b.copy(to, at);
          return;
        }
      }
      n += buf.write(s, n, 'utf8');
    };
    put(fmt.head(head));
    // The separator before each row: the first differs from the rest.
    const firstSep = fmt.before(true);
    const nextSep = fmt.before(false);
    let count = 0;
    const intoAfterSep = (len: number): [Buffer, number] => {
      put(count++ === 0 ? firstSep : nextSep);
      return room(len);
    };
    put(fmt.afterLoans(spool.copyLoans(intoAfterSep) > 0));
    count = 0;
    const anyGuarantee = spool.copyGuarantees(intoAfterSep) > 0;
    put(fmt.tail(head, anyGuarantee, [...spool.noDueDate()]));
    flushOut();
  } finally {
    spool.close();
  }
}
