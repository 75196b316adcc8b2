// `fieldvisit import visits FILE`: record many visits from a CSV or .xlsx file, all or nothing.
import type { Command } from 'commander';
import { loanByNo, recordVisitIn } from '../../../db/visits.js';
import { VISIT_FIELDS, parseVisitRow, type VisitField, type VisitRow } from '../../../import/parseVisitRow.js';
import { dedupeKey, type OutcomeInput } from '../../../domain/visit.js';
import { importedVisitUid } from '../../../domain/ids.js';
import { DataError } from '../../../domain/errors.js';
import { pick, text, type Text } from '../../../domain/text.js';
import { runImport } from '../../importRunner.js';
import { nowIso, today, type Context } from '../../context.js';
import { out, warn, withSession } from '../../runtime.js';
import { visitImportAsJson, visitImportAsText, type VisitImportSummary } from '../../../format/importSummary.js';

interface Opts {
  encoding?: string;
  sheet?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  errors?: string;
  json?: boolean;
}

/**
 * One file row → the visit it records: every outcome on the row's loan. Its uid derives from the row's visit_id (else
 * its content key), so the same file imported on two laptops gives the same uids.
 */
export function visitFromRow(
  row: VisitRow,
  loan: { loanId: number; householdId: number; borrowerId: number },
  createdAt: string,
  key: string | null = null,
) {
  const outcomes: OutcomeInput[] = row.outcomes.map((kind) => ({
    kind,
    loanId: loan.loanId,
    noticeNo: kind === 'notice-signed' ? row.noticeNo : null,
    signedBy: kind === 'notice-signed' ? (row.signedBy ?? null) : null,
    relation: kind === 'notice-signed' ? row.relation : null,
    reason: kind === 'not-signed' ? row.reason : null,
    where: kind === 'not-signed' ? row.where : null,
    principalFen: kind === 'cash' ? (row.principalFen ?? 0) : null,
    interestFen: kind === 'cash' ? (row.interestFen ?? 0) : null,
    promiseAmountFen: kind === 'intent' ? row.promiseAmountFen : null,
    promiseDate: kind === 'intent' ? row.promiseDate : null,
  }));
  return {
    uid: importedVisitUid(row.visitId, key),
    householdId: loan.householdId,
    borrowerId: loan.borrowerId,
    visitDate: row.visitDate,
    officer: row.officer,
    note: row.note,
    escalate: row.escalate,
    source: 'import' as const,
    externalId: row.visitId,
    createdAt,
    outcomes,
  };
}

export function action(ctx: Context) {
  return async (file: string, opts: Opts, command: Command) => {
    const day = today(ctx);
    const createdAt = nowIso(ctx);
    await withSession(ctx, command, async ({ db }) => {
      const counts: VisitImportSummary = { created: 0, duplicates: 0, outcomes: 0 };
      const warnings: { line: number; text: Text }[] = [];
      const outcome = await runImport<VisitField, VisitRow, VisitImportSummary>(
        ctx,
        db,
        {
          fields: VISIT_FIELDS,
          parse: parseVisitRow,
          rowsCanFail: true,
          dbCheck(row) {
            const problems = [];
            if (!loanByNo(db, row.loanNo)) {
              problems.push({
                field: 'loan_no',
                reason: text(`合同编号 ${row.loanNo} 不在花名册中：请先导入包含它的花名册`, `loan ${row.loanNo} is not on the roster: import a roster that has it first`),
                severity: 'error' as const,
              });
            }
            if (row.visitDate > day) {
              problems.push({
                field: 'visit_date',
                reason: text(`走访日期 ${row.visitDate} 在今天（${day}）之后`, `the visit date ${row.visitDate} is after today (${day})`),
                severity: 'error' as const,
              });
            }
            return problems;
          },
        },
        { file, encoding: opts.encoding, sheet: opts.sheet, dryRun: opts.dryRun, skipInvalid: opts.skipInvalid, errorsFile: opts.errors },
        () => ({
          write(row) {
            const loan = loanByNo(db, row.loanNo);
            if (!loan) throw new DataError(text(`合同编号 ${row.loanNo} 不在花名册中`, `loan ${row.loanNo} is not on the roster`));
            const key = row.visitId
              ? null
              : dedupeKey({
                  loanNo: row.loanNo,
                  visitDate: row.visitDate,
                  officer: row.officer,
                  outcomes: row.outcomes,
                  amounts: [row.principalFen, row.interestFen, row.promiseAmountFen],
                  noticeNo: row.noticeNo,
                  // The borrower signing is the default: written or left empty, it is the same row.
                  signedBy: row.signedBy === 'borrower' ? null : row.signedBy,
                  relation: row.relation,
                  promiseDate: row.promiseDate,
                  reason: row.reason,
                  where: row.where,
                  note: row.note,
                  escalate: row.escalate,
                });
            const r = recordVisitIn(db, visitFromRow(row, loan, createdAt, key), day, { dedupeKey: key });
            if (r.status === 'duplicate') counts.duplicates++;
            else {
              counts.created++;
              counts.outcomes += row.outcomes.length;
            }
            for (const w of r.warnings) warnings.push({ line: row.line, text: w });
          },
          finish: () => counts,
        }),
      );
      if (opts.json) out(ctx, visitImportAsJson(outcome, warnings));
      else {
        out(ctx, visitImportAsText(outcome, ctx.lang));
        for (const w of warnings) warn(ctx, `${outcome.file}:${w.line}: ${pick(w.text, ctx.lang)}`);
      }
    });
  };
}
