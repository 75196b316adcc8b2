// `fieldvisit import roster FILE`: load or re-load a borrower roster (CSV in UTF-8/GBK, or .xlsx).
import type { Command } from 'commander';
import type { RosterSummary } from '../../../db/roster.js';
import { createRosterStage, type RosterApplied, type RosterStage } from '../../../db/rosterImport.js';
import { ROSTER_FIELDS, parseRosterRow, type RosterField, type RosterRow } from '../../../import/parseRosterRow.js';
import { text } from '../../../domain/text.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { UsageError } from '../../../domain/errors.js';
import { runImport } from '../../importRunner.js';
import { nowIso, today, type Context, tableWidth } from '../../context.js';
import { getSetting } from '../../../db/settings.js';
import { emptyCounts, type LedgerCounts } from '../../../db/ledger.js';
import { globals, out, warn, withSession } from '../../runtime.js';
import { rosterSummaryAsJson, rosterSummaryAsText } from '../../../format/importSummary.js';

interface Opts {
  encoding?: string;
  sheet?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  errors?: string;
  json?: boolean;
  asOf?: string;
}

export function action(ctx: Context) {
  return async (file: string, opts: Opts, command: Command) => {
    const day = today(ctx);
    const asOf = opts.asOf ?? day;
    if (!isValidIsoDate(asOf)) throw new UsageError(text(`--as-of 需要 YYYY-MM-DD 格式的日期，而不是“${asOf}”。`, `--as-of needs a YYYY-MM-DD date, not "${asOf}".`));
    await withSession(ctx, command, async ({ db }) => {
      let stage: RosterStage | null = null;
      let applied: RosterApplied | null = null;
      const outcome = await runImport<RosterField, RosterRow, RosterSummary>(
        ctx,
        db,
        {
          fields: ROSTER_FIELDS,
          parse: parseRosterRow,
          // Checked rows wait in a typed staging table and are written set-wise; a loan number may appear once per file.
          stage: () => (stage = createRosterStage(db, asOf)),
          repeated: (row, first) => [
            {
              field: 'loan_no',
              reason: text(`合同编号 ${row.loanNo} 在第 ${first} 行已出现：每笔贷款只能出现一次`, `loan number ${row.loanNo} already appears on line ${first}: each loan may appear once`),
              severity: 'error',
            },
          ],
          crossCheck(row) {
            if (row.asOf && row.asOf > day) {
              return [
                {
                  field: 'as_of',
                  reason: text(`数据日期 ${row.asOf} 在今天之后：余额只能是已经过去的某一天的`, `the as-of date ${row.asOf} is after today: a balance is as of a day that has come`),
                  severity: 'error',
                },
              ];
            }
            return [];
          },
        },
        { file, encoding: opts.encoding, sheet: opts.sheet, dryRun: opts.dryRun, skipInvalid: opts.skipInvalid, errorsFile: opts.errors },
        () => ({
          write() {
            throw new Error('the roster is written set-wise');
          },
          finish: () => {
            applied = stage!.apply({ assumed: opts.asOf === undefined, recordedAt: nowIso(ctx), by: getSetting(db, 'officer') ?? 'import' });
            return applied.summary;
          },
        }),
      );
      const done = applied as RosterApplied | null;
      const merged = done?.merged ?? [];
      const olderKept = done?.olderKept ?? 0;
      const assumed = { date: asOf, rows: done?.assumedRows ?? 0 };
      const ledger: LedgerCounts = done?.ledger ?? emptyCounts();
      if (opts.json) out(ctx, rosterSummaryAsJson(outcome, merged, olderKept, { assumed, ledger }));
      else {
        const { body, notes } = rosterSummaryAsText(outcome, merged, ctx.lang, { ascii: !!globals(command).ascii, width: tableWidth(ctx), olderKept, assumed, ledger });
        out(ctx, body);
        for (const n of notes) warn(ctx, n);
      }
    });
  };
}
