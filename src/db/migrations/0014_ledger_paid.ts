// The ledger cache also keeps what each loan has been paid in the field, so the aging report reads one row per loan
// instead of every payment.
import type { Migration } from '../migrate.js';

export const migration0014: Migration = {
  version: 14,
  name: 'ledger_paid',
  sql: `
-- The live field payments of the loan (cash outcomes of visits not voided, whatever their date), summed: derived
-- from the facts like the balance beside them, and refreshed with it (src/db/ledger.ts refreshLedger).
ALTER TABLE loan_ledger ADD COLUMN paid_principal_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE loan_ledger ADD COLUMN paid_interest_fen INTEGER NOT NULL DEFAULT 0;
UPDATE loan_ledger SET paid_principal_fen = p.pp, paid_interest_fen = p.pi
  FROM (SELECT loan_id, sum(principal_fen) AS pp, sum(interest_fen) AS pi FROM payments WHERE loan_id IS NOT NULL GROUP BY loan_id) p
  WHERE p.loan_id = loan_ledger.loan_id;
`,
};
