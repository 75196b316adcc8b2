// `fieldvisit import visits FILE`: record many visits from a CSV or .xlsx file, all or nothing.
import type { Command } from 'commander';
import { loanByNo, recordVisitIn, storedVisitContentKeys } from '../../../db/visits.js';
import { VISIT_FIELDS, parseVisitRow, type VisitField, type VisitRow } from '../../../import/parseVisitRow.js';
import { dedupeKey, visitContentKey, type OutcomeInput } from '../../../domain/visit.js';
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
      // One visit_id is one visit: the same id with other content is an error naming both lines, never a "duplicate".
      const seenIds = new Map<string, { line: number; key: string }>();
      const outcome = await runImport<VisitField, VisitRow, VisitImportSummary>(
        ctx,
        db,
        {
          fields: VISIT_FIELDS,
          parse: parseVisitRow,
          rowsCanFail: true,
          crossCheck(row, line) {
            if (!row.visitId) return [];
            const key = visitContentKey(row);
            const prev = seenIds.get(row.visitId);
            if (!prev) {
              seenIds.set(row.visitId, { line, key });
              return [];
            }
            if (prev.key === key) return [];
            return [
              {
                field: 'visit_id',
                reason: text(
                  `visit_id ${row.visitId} 已在第 ${prev.line} 行出现，但内容不同（日期、贷款、催收员、结果或金额）：一个 visit_id 只能对应一次走访，请改正其中一行或换一个 visit_id`,
                  `visit_id ${row.visitId} is also on line ${prev.line} with other content (date, loan, officer, outcomes or amounts): one visit_id is one visit; fix one of the rows or give it another visit_id`,
                ),
                severity: 'error' as const,
              },
            ];
          },
          dbCheck(row) {
            const problems = [];
            const stored = row.visitId ? storedVisitContentKeys(db, row.visitId) : null;
            if (stored && !stored.includes(visitContentKey(row))) {
              problems.push({
                field: 'visit_id',
                reason: text(
                  `visit_id ${row.visitId} 已导入过，但那次走访的内容与这一行不同：已记录的走访不会因重新导入而改变；如需更正，请作废原走访（visit void）并用新的 visit_id 导入`,
                  `visit_id ${row.visitId} was imported before with other content: a recorded visit is never changed by a re-import; to correct it, void the visit (visit void) and import the correction under a new visit_id`,
                ),
                severity: 'error' as const,
              });
            }
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
