// One officer's recorded activity over a period: what src/db/officers.ts counts and src/report/officers.ts judges.
export interface OfficerActivity {
  officer: string;
  visits: number;
  households: number;
  noticesSigned: number;
  intents: number;
  principalFen: number;
  interestFen: number;
  /** Contacts by another channel than a field visit (phone, message, letter, office), by channel; visits count field visits only. */
  contacts?: Record<string, number>;
}
