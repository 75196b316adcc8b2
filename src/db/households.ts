// Walking the place tree down to a household (for the visit wizard) and what an officer sees before a visit.
import type { Db } from './open.js';

export interface PlaceChoice {
  id: number;
  name: string;
  households: number;
}

export function townshipsWithHouseholds(db: Db): PlaceChoice[] {
  return db
    .prepare(
      `SELECT t.id, t.name, count(h.id) AS households FROM townships t JOIN villages v ON v.township_id = t.id
       JOIN households h ON h.village_id = v.id GROUP BY t.id ORDER BY t.name`,
    )
    .all() as PlaceChoice[];
}

export function villagesWithHouseholds(db: Db, townshipId: number): PlaceChoice[] {
  return db
    .prepare(
      `SELECT v.id, v.name, count(h.id) AS households FROM villages v JOIN households h ON h.village_id = v.id
       WHERE v.township_id = ? GROUP BY v.id ORDER BY v.name`,
    )
    .all(townshipId) as PlaceChoice[];
}

export interface HouseholdChoice {
  householdId: number;
  head: string;
  group: string | null;
  borrowerId: number;
  borrowers: string;
}

export function householdsIn(db: Db, villageId: number): HouseholdChoice[] {
  return db
    .prepare(
      `SELECT h.id AS householdId, h.head_name AS head, g.name AS "group",
              (SELECT min(b.id) FROM borrowers b WHERE b.household_id = h.id) AS borrowerId,
              (SELECT group_concat(b.name, '、') FROM borrowers b WHERE b.household_id = h.id) AS borrowers
       FROM households h LEFT JOIN village_groups g ON g.id = h.group_id
       WHERE h.village_id = ? ORDER BY g.name, h.head_name`,
    )
    .all(villageId) as HouseholdChoice[];
}
