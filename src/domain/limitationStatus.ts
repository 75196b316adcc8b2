// The limitation statuses on their own, so the report's option list can be defined without loading the date rules.
export const LIMITATION_STATUSES = ['running', 'expiring', 'expired', 'reconfirmed'] as const;
export type LimitationStatus = (typeof LIMITATION_STATUSES)[number];
