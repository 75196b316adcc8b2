// `fieldvisit loan dossier LOAN` (action): the loan's legal file, as text, JSON or a printable A4 page with its proof embedded.
import type { Command } from 'commander';
import { dossierFacts } from '../../../db/dossier.js';
import { attachmentsOfLoan, blobBytes } from '../../../db/attachments.js';
import { costsOfLoan } from '../../../db/costs.js';
import { readLetterhead } from '../../../db/settings.js';
import { buildDossier } from '../../../report/dossier.js';
import { dossierRenderers } from '../../../format/dossier.js';
import { DEFAULT_EXPIRING_DAYS } from '../../../domain/limitation.js';
import { today, type Context } from '../../context.js';
import { withSession } from '../../runtime.js';
import { emitRendered } from '../../output.js';
import { outputFormat, type FormatFlags } from '../../outputFormat.js';
import { requireLoan } from '../../lookups.js';
import { periodYears } from '../../scope.js';

export function action(ctx: Context) {
  return async (loanNo: string, opts: { unmask?: boolean } & FormatFlags, command: Command) => {
    const { format, headers } = outputFormat('loan dossier', opts);
    await withSession(
      ctx,
      command,
      async ({ db }) => {
        const now = today(ctx);
        const loan = requireLoan(db, loanNo);
        const facts = dossierFacts(db, loan.loanId, now, {
          // Images are embedded in the page; other files are named by their SHA-256.
          attachments: (d) =>
            attachmentsOfLoan(d, loan.loanId).flatMap((a) =>
              a.visitId === null || a.voidReason !== null ? [] : [{
              visitId: a.visitId,
              name: a.name,
              type: a.type,
              size: a.size,
              sha256: a.sha256,
              bytes: a.type.startsWith('image/') ? blobBytes(d, a.sha256) : null,
            }]),
          costs: (d) =>
            costsOfLoan(d, loan.loanId).map((c) => ({ id: c.id, date: c.date, kind: c.kind, amountFen: c.amountFen, officer: c.officer, note: c.note, voided: c.voidReason !== null })),
        })!;
        const d = buildDossier(facts, { today: now, periodYears: periodYears(db), withinDays: DEFAULT_EXPIRING_DAYS });
        await emitRendered(ctx, dossierRenderers, format, d, { lang: ctx.lang, unmask: !!opts.unmask, headers, letterhead: readLetterhead(db) }, opts.out);
      },
      { mustExist: true },
    );
  };
}
