// Places: the township → area → village committee → group tree, committee merges, township profiles.
import type { Db } from './open.js';
import { databaseId } from './open.js';
import { DataError, UsageError } from '../domain/errors.js';
import { text } from '../domain/text.js';
import { uuidv7 } from '../domain/ids.js';
import type { IsoDate } from '../domain/dates.js';

export interface Township {
  id: number;
  name: string;
  population: number | null;
  livelihood: string | null;
  committeeCount: number | null;
}

export interface PlaceRow {
  township: string;
  area: string | null;
  village: string;
  villageId: number;
  group: string | null;
  mergedInto: string | null;
  mergedOn: string | null;
  households: number;
  loans: number;
  principalFen: number;
  interestFen: number;
}

export function listTownships(db: Db): Township[] {
  return (
    db.prepare(`SELECT id, name, population, livelihood, committee_count AS committeeCount FROM townships ORDER BY name`).all() as Township[]
  );
}

export function findTownship(db: Db, name: string): Township | null {
  return (
    (db
      .prepare(`SELECT id, name, population, livelihood, committee_count AS committeeCount FROM townships WHERE name = ?`)
      .get(name) as Township | undefined) ?? null
  );
}

export function requireTownship(db: Db, name: string): Township {
  const t = findTownship(db, name);
  if (!t) {
    const known = listTownships(db).map((x) => x.name);
    throw new DataError(
      text(
        `没有名为“${name}”的乡镇。${known.length ? `已有：${known.join('、')}。` : '请先导入花名册。'}`,
        `No township named "${name}". ${known.length ? `Known: ${known.join(', ')}.` : 'Import a roster first.'}`,
      ),
    );
  }
  return t;
}

/** One row per group (and one per committee without groups), with household and loan counts and balances. */
export function listPlaces(db: Db, townshipId?: number): PlaceRow[] {
  return db
    .prepare(
      `WITH hh AS (
         SELECT h.id, h.village_id, h.group_id,
                count(l.id) AS loans, ifnull(sum(b2.principal_fen), 0) AS p, ifnull(sum(b2.interest_fen), 0) AS i
         FROM households h
         LEFT JOIN borrowers b ON b.household_id = h.id
         LEFT JOIN loans l ON l.borrower_id = b.id
         LEFT JOIN loan_balances b2 ON b2.loan_id = l.id
         GROUP BY h.id)
       SELECT t.name AS township, a.name AS area, v.name AS village, v.id AS villageId, g.name AS "group",
              m.name AS mergedInto, v.merged_on AS mergedOn,
              count(hh.id) AS households, ifnull(sum(hh.loans), 0) AS loans,
              ifnull(sum(hh.p), 0) AS principalFen, ifnull(sum(hh.i), 0) AS interestFen
       FROM villages v
       JOIN townships t ON t.id = v.township_id
       LEFT JOIN areas a ON a.id = v.area_id
       LEFT JOIN villages m ON m.id = v.merged_into_id
       LEFT JOIN hh ON hh.village_id = v.id
       LEFT JOIN village_groups g ON g.id = hh.group_id
       WHERE (? IS NULL OR t.id = ?)
       GROUP BY v.id, g.id
       ORDER BY t.name, a.name IS NOT NULL, a.name, v.merged_into_id IS NOT NULL, v.name, g.name`,
    )
    .all(townshipId ?? null, townshipId ?? null) as PlaceRow[];
}

interface VillageHit {
  id: number;
  name: string;
  township_id: number;
  township: string;
  merged_into_id: number | null;
}

export function findVillages(db: Db, name: string, townshipId?: number): VillageHit[] {
  return db
    .prepare(
      `SELECT v.id, v.name, v.township_id, t.name AS township, v.merged_into_id FROM villages v JOIN townships t ON t.id = v.township_id
       WHERE v.name = ? AND (? IS NULL OR v.township_id = ?)`,
    )
    .all(name, townshipId ?? null, townshipId ?? null) as VillageHit[];
}

function oneVillage(db: Db, name: string, townshipId: number | undefined, create: boolean): VillageHit {
  const hits = findVillages(db, name, townshipId);
  if (hits.length > 1) {
    throw new UsageError(
      text(
        `多个乡镇都有“${name}”（${hits.map((h) => h.township).join('、')}）：请用 --township 指明。`,
        `"${name}" exists in several townships (${hits.map((h) => h.township).join(', ')}): say which with --township.`,
      ),
    );
  }
  if (hits.length === 1) return hits[0]!;
  if (create && townshipId !== undefined) {
    const id = Number(db.prepare(`INSERT INTO villages (township_id, name) VALUES (?, ?)`).run(townshipId, name).lastInsertRowid);
    return findVillages(db, name, townshipId).find((v) => v.id === id)!;
  }
  throw new DataError(text(`找不到村委“${name}”：用 fieldvisit place list 查看已有的村委。`, `No village committee named "${name}": see fieldvisit place list.`));
}

export interface MergeResult {
  old: string;
  into: string;
  township: string;
  households: number;
  groups: number;
  alreadyMerged: boolean;
}

/**
 * Merges committee OLD into NEW: OLD keeps its row and points at NEW; its groups and households move to NEW and
 * remember where they came from; later rosters that still say OLD land in NEW. One transaction.
 */
export function mergeVillage(
  db: Db,
  opts: { old: string; into: string; townshipId?: number; date: IsoDate | null; recordedAt: string; uid?: string; originDb?: string },
): MergeResult {
  return db
    .transaction((): MergeResult => {
      const old = oneVillage(db, opts.old, opts.townshipId, false);
      // The committee merged into may not be on any roster yet: create it in the same township.
      const into = oneVillage(db, opts.into, opts.townshipId ?? old.township_id, true);
      if (into.township_id !== old.township_id) {
        throw new DataError(text(`“${opts.old}”与“${opts.into}”不在同一个乡镇。`, `"${opts.old}" and "${opts.into}" are in different townships.`));
      }
      if (old.id === into.id) throw new UsageError(text('不能把村委合并到它自己。', 'A committee cannot be merged into itself.'));
      // Refuse cycles: NEW must not already lead back to OLD.
      let cur: number | null = into.merged_into_id;
      for (let i = 0; cur !== null && i < 50; i++) {
        if (cur === old.id) throw new DataError(text(`“${opts.into}”已经合并进了“${opts.old}”，不能反向合并。`, `"${opts.into}" was merged into "${opts.old}"; cannot merge back.`));
        cur = (db.prepare(`SELECT merged_into_id FROM villages WHERE id = ?`).get(cur) as { merged_into_id: number | null }).merged_into_id;
      }
      const result: MergeResult = { old: old.name, into: into.name, township: old.township, households: 0, groups: 0, alreadyMerged: false };
      if (old.merged_into_id === into.id) {
        result.alreadyMerged = true;
        return result;
      }
      if (old.merged_into_id !== null) {
        throw new DataError(text(`“${opts.old}”已经合并进了另一个村委。`, `"${opts.old}" was already merged into another committee.`));
      }
      const groups = db.prepare(`SELECT id, name FROM village_groups WHERE village_id = ?`).all(old.id) as { id: number; name: string }[];
      for (const g of groups) {
        const clash = db.prepare(`SELECT id FROM village_groups WHERE village_id = ? AND name = ?`).get(into.id, g.name) as { id: number } | undefined;
        if (clash) {
          result.households += moveHouseholds(db, old.id, g.id, into.id, clash.id);
        } else {
          db.prepare(`UPDATE village_groups SET village_id = ?, former_village_id = ? WHERE id = ?`).run(into.id, old.id, g.id);
          result.households += moveHouseholds(db, old.id, g.id, into.id, g.id);
          result.groups++;
        }
      }
      result.households += moveHouseholds(db, old.id, null, into.id, null);
      db.prepare(`UPDATE villages SET merged_into_id = ?, merged_on = ? WHERE id = ?`).run(into.id, opts.date, old.id);
      db.prepare(
        `INSERT INTO village_merges (uid, origin_db, township, old_name, new_name, merged_on, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (uid) DO NOTHING`,
      ).run(opts.uid ?? uuidv7(), opts.originDb ?? databaseId(db), old.township, old.name, into.name, opts.date, opts.recordedAt);
      return result;
    })
    .immediate();
}

function moveHouseholds(db: Db, fromVillage: number, fromGroup: number | null, toVillage: number, toGroup: number | null): number {
  const rows = db
    .prepare(`SELECT id, head_name FROM households WHERE village_id = ? AND ifnull(group_id, 0) = ?`)
    .all(fromVillage, fromGroup ?? 0) as { id: number; head_name: string }[];
  for (const h of rows) {
    const clash = db
      .prepare(`SELECT id FROM households WHERE village_id = ? AND ifnull(group_id, 0) = ? AND head_name = ?`)
      .get(toVillage, toGroup ?? 0, h.head_name);
    if (clash) {
      throw new DataError(
        text(
          `两个村委里都有户主“${h.head_name}”（同一组）：合并前请先在花名册中区分这两户。`,
          `Both committees have a household headed by "${h.head_name}" in the same group: tell them apart in the roster before merging.`,
        ),
      );
    }
    db.prepare(`UPDATE households SET village_id = ?, group_id = ?, former_village_id = ? WHERE id = ?`).run(toVillage, toGroup, fromVillage, h.id);
  }
  return rows.length;
}

export function setTownshipProfile(
  db: Db,
  name: string,
  p: { population?: number | null; livelihood?: string | null; committeeCount?: number | null },
): Township {
  db.transaction(() => {
    const t = requireTownship(db, name);
    db.prepare(`UPDATE townships SET population = ?, livelihood = ?, committee_count = ? WHERE id = ?`).run(
      p.population === undefined ? t.population : p.population,
      p.livelihood === undefined ? t.livelihood : p.livelihood,
      p.committeeCount === undefined ? t.committeeCount : p.committeeCount,
      t.id,
    );
  }).immediate();
  return requireTownship(db, name);
}
