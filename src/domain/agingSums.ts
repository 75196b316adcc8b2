// What one line of the aging report adds up (a bucket, or the total): shared by the database's sums (src/db/aging.ts)
// and the report built from them (src/report/aging.ts).
export interface AgingSums {
  /** Rows in the bucket (a bucket with none is not shown, except the aged ones). */
  rows: number;
  /** Rows that still owe something. */
  loans: number;
  /** Distinct households of the rows that still owe something. */
  households: number;
  principalFen: number;
  interestFen: number;
  paidPrincipalFen: number;
  paidInterestFen: number;
}
