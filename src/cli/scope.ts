// The database side of the report and agenda flags: --township/--village as ids, and the limitation period setting.
import type { Db } from '../db/open.js';
import { getSetting } from '../db/settings.js';
import { requireTownship } from '../db/places.js';
import { findVillage } from '../db/agenda.js';
import { DataError, UsageError } from '../domain/errors.js';
import { DEFAULT_PERIOD_YEARS } from '../domain/limitation.js';
import { text } from '../domain/text.js';

export function periodYears(db: Db): number {
  const v = getSetting(db, 'limitation-years');
  return v && /^\d+$/.test(v) && Number(v) >= 1 ? Number(v) : DEFAULT_PERIOD_YEARS;
}

export function placeFilter(db: Db, township: string | undefined, village: string | undefined): { townshipId?: number; villageId?: number } {
  const townshipId = township ? requireTownship(db, township).id : undefined;
  if (!village) return { townshipId };
  const hits = findVillage(db, village, townshipId);
  if (hits.length === 0) throw new DataError(text(`没有名为“${village}”的村委：用 fieldvisit place list 查看。`, `No village committee named "${village}": see fieldvisit place list.`));
  if (hits.length > 1) throw new UsageError(text(`有多个乡镇都有“${village}”：请加 --township。`, `"${village}" exists in several townships: add --township.`));
  return { townshipId, villageId: hits[0]!.id };
}
