// Reading visits back: the filtered visit list, one saved visit with its outcomes, a household's last visits.
import type { Channel } from '../domain/outcomes.js';
import type { Db } from './open.js';
import type { IsoDate } from '../domain/dates.js';
import type { NotSignedReason, OutcomeKind, SignedBy } from '../domain/outcomes.js';

export interface OutcomeRow {
  outcomeId: number;
  kind: OutcomeKind;
  loanId: number | null;
  loanNo: string | null;
  noticeNo: string | null;
  signedBy: SignedBy | null;
  /** intent / cash: who promised or paid. */
  actedBy: SignedBy | null;
  relation: string | null;
  reason: NotSignedReason | null;
  where: string | null;
  principalFen: number | null;
  interestFen: number | null;
  promiseAmountFen: number | null;
  promiseDate: IsoDate | null;
  text: string | null;
}

export interface VisitRow {
  visitId: number;
  uid: string;
  visitDate: IsoDate;
  officer: string;
  householdId: number;
  borrowerId: number | null;
  borrower: string;
  township: string;
  village: string;
  group: string | null;
  note: string | null;
  escalate: string | null;
  source: string;
  externalId: string | null;
  createdAt: string;
  /** How the contact was made, and its evidence. */
  channel: Channel;
  delivery: 'delivered' | 'not-delivered' | null;
  deliveredOn: IsoDate | null;
  deliveredTo: string | null;
  trackingNo: string | null;
  recording: number | null;
  void: { reason: string; by: string | null; at: string } | null;
  outcomes: OutcomeRow[];
}

export interface VisitFilter {
  from?: IsoDate;
  to?: IsoDate;
  townshipId?: number;
  /** Village committee ids (a committee and those merged into it). */
  villageIds?: number[];
  officer?: string;
  outcome?: OutcomeKind;
  loanId?: number;
  householdId?: number;
  /** Include void visits. */
  all?: boolean;
  limit?: number;
  /** Newest first (for "last visits"); default oldest first. */
  newestFirst?: boolean;
}

const VISIT_SELECT = `
  SELECT v.id AS visitId, v.uid, v.visit_date AS visitDate, v.officer, v.household_id AS householdId, v.borrower_id AS borrowerId,
         coalesce(b.name, h.head_name) AS borrower, t.name AS township, vil.name AS village, g.name AS "group",
         v.note, v.escalate, v.source, v.external_id AS externalId, v.created_at AS createdAt,
         v.channel, v.delivery, v.delivered_on AS deliveredOn, v.delivered_to AS deliveredTo, v.tracking_no AS trackingNo, v.recording,
         x.reason AS voidReason, x.voided_by AS voidedBy, x.voided_at AS voidedAt
  FROM visits v
  JOIN households h ON h.id = v.household_id
  JOIN villages vil ON vil.id = h.village_id
  JOIN townships t ON t.id = vil.township_id
  LEFT JOIN village_groups g ON g.id = h.group_id
  LEFT JOIN borrowers b ON b.id = v.borrower_id
  LEFT JOIN visit_voids x ON x.id = (SELECT min(x2.id) FROM visit_voids x2 WHERE x2.visit_uid = v.uid)`;

type RawVisit = Omit<VisitRow, 'void' | 'outcomes'> & { voidReason: string | null; voidedBy: string | null; voidedAt: string | null };

function outcomesOf(db: Db, visitIds: number[]): Map<number, OutcomeRow[]> {
  const map = new Map<number, OutcomeRow[]>();
  if (visitIds.length === 0) return map;
  const stmt = db.prepare(
    `SELECT o.visit_id AS visitId, o.id AS outcomeId, o.kind, o.loan_id AS loanId, l.loan_no AS loanNo, o.notice_no AS noticeNo, CASE WHEN o.kind = 'notice-signed' THEN coalesce(o.actor, o.signed_by) END AS signedBy, CASE WHEN o.kind IN ('intent', 'cash') THEN o.actor END AS actedBy,
            o.relation, o.reason, o.where_text AS "where", o.principal_fen AS principalFen, o.interest_fen AS interestFen,
            o.promise_amount_fen AS promiseAmountFen, o.promise_date AS promiseDate, o.text
     FROM visit_outcomes o LEFT JOIN loans l ON l.id = o.loan_id
     WHERE o.visit_id IN (SELECT value FROM json_each(?)) ORDER BY o.visit_id, o.id`,
  );
  for (const r of stmt.all(JSON.stringify(visitIds)) as (OutcomeRow & { visitId: number })[]) {
    const { visitId, ...o } = r;
    const list = map.get(visitId) ?? [];
    list.push(o);
    map.set(visitId, list);
  }
  return map;
}

function finish(db: Db, raws: RawVisit[]): VisitRow[] {
  const outs = outcomesOf(db, raws.map((r) => r.visitId));
  return raws.map(({ voidReason, voidedBy, voidedAt, ...r }) => ({
    ...r,
    void: voidReason !== null ? { reason: voidReason, by: voidedBy, at: voidedAt! } : null,
    outcomes: outs.get(r.visitId) ?? [],
  }));
}

export function listVisits(db: Db, f: VisitFilter = {}): VisitRow[] {
  const raws = db
    .prepare(
      `${VISIT_SELECT}
       WHERE (@all = 1 OR x.id IS NULL)
         AND (@from IS NULL OR v.visit_date >= @from) AND (@to IS NULL OR v.visit_date <= @to)
         AND (@townshipId IS NULL OR t.id = @townshipId)
         AND (@villageIds IS NULL OR h.village_id IN (SELECT value FROM json_each(@villageIds)) OR h.former_village_id IN (SELECT value FROM json_each(@villageIds)))
         AND (@officer IS NULL OR v.officer = @officer)
         AND (@householdId IS NULL OR v.household_id = @householdId)
         AND (@outcome IS NULL OR EXISTS (SELECT 1 FROM visit_outcomes o WHERE o.visit_id = v.id AND o.kind = @outcome))
         AND (@loanId IS NULL OR EXISTS (SELECT 1 FROM visit_outcomes o WHERE o.visit_id = v.id
               AND (o.loan_id = @loanId OR (o.loan_id IS NULL AND v.household_id = (SELECT b2.household_id FROM loans l2 JOIN borrowers b2 ON b2.id = l2.borrower_id WHERE l2.id = @loanId)))))
       ORDER BY ${f.newestFirst ? 'v.visit_date DESC, v.id DESC' : 'v.visit_date, v.id'}
       LIMIT @limit`,
    )
    .all({
      all: f.all ? 1 : 0,
      from: f.from ?? null,
      to: f.to ?? null,
      townshipId: f.townshipId ?? null,
      villageIds: f.villageIds ? JSON.stringify(f.villageIds) : null,
      officer: f.officer ?? null,
      householdId: f.householdId ?? null,
      outcome: f.outcome ?? null,
      loanId: f.loanId ?? null,
      limit: f.limit ?? -1,
    }) as RawVisit[];
  return finish(db, raws);
}

export function visitById(db: Db, visitId: number): VisitRow | null {
  const raw = db.prepare(`${VISIT_SELECT} WHERE v.id = ?`).get(visitId) as RawVisit | undefined;
  return raw ? finish(db, [raw])[0]! : null;
}

/** A committee and every committee merged into it (directly or through a chain). */
export function villageAndMerged(db: Db, villageId: number): number[] {
  return (db.prepare(`SELECT village_id AS id FROM effective_villages WHERE effective_id = ? OR village_id = ?`).all(villageId, villageId) as { id: number }[]).map(
    (r) => r.id,
  );
}
