// The limitation statuses on their own, so the report's option list can be defined without loading the date rules.
export const LIMITATION_STATUSES = ['running', 'expiring', 'expired', 'reconfirmed', 'enforcing', 'closed'] as const;
export type LimitationStatus = (typeof LIMITATION_STATUSES)[number];

/** Who did an act that matters to the clock: the borrower, a co-resident adult relative for a named borrower, or the guarantor. */
export const ACTORS = ['borrower', 'relative', 'guarantor'] as const;
export type Actor = (typeof ACTORS)[number];

/** The stages of a case recorded with `loan legal`, in the order they happen. */
export const LEGAL_STAGES = ['referred', 'filed', 'judgment', 'enforcement', 'closed'] as const;
export type LegalStage = (typeof LEGAL_STAGES)[number];

/** A stage's place in the order of proceedings (referred first, closed last): its index in LEGAL_STAGES. */
export function stageRank(s: LegalStage): number {
  return LEGAL_STAGES.indexOf(s);
}

export const LEGAL_RESULTS = ['paid', 'settled', 'written-off', 'terminated'] as const;
export type LegalResult = (typeof LEGAL_RESULTS)[number];

/** What `loan legal` records about one stage of a case (dates are YYYY-MM-DD). */
export interface LegalStageFields {
  stage: LegalStage;
  date: string;
  performBy: string | null;
  court: string | null;
  caseNo: string | null;
  lawyer: string | null;
  result: LegalResult | null;
}

/** Where a public notice ran: only national media, or provincial media of the debtor's domicile, count (SPC 2020 art. 8(4)). */
export const PUBLIC_MEDIA = ['national', 'provincial', 'other'] as const;
export type PublicMedium = (typeof PUBLIC_MEDIA)[number];

export const GUARANTEE_TYPES = ['general', 'joint'] as const;
export type GuaranteeType = (typeof GUARANTEE_TYPES)[number];
