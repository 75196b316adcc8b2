// Renders the place tree as a table, JSON or CSV.
import type { Lang } from '../domain/text.js';
import type { PlaceRow } from '../db/places.js';
import { fenToDisplay } from '../domain/money.js';
import { asJson, renderTable } from './table.js';
import { money, tableAsCsv, type DataTable } from './csv.js';
import type { RendererMap } from './render.js';
import { tableWorkbook } from './xlsx.js';

export function placesAsJson(rows: PlaceRow[]): string {
  return asJson(
    rows.map((r) => ({
      township: r.township,
      area: r.area,
      village: r.village,
      group: r.group,
      merged_into: r.mergedInto,
      merged_on: r.mergedOn,
      households: r.households,
      loans: r.loans,
      principal_fen: r.principalFen,
      interest_fen: r.interestFen,
    })),
  );
}

/** The same rows as placesAsJson, amounts in yuan (1234.50 in CSV). */
export function placesTable(rows: PlaceRow[]): DataTable {
  return {
    columns: ['township', 'area', 'village', 'group', 'merged_into', 'merged_on', 'households', 'loans', 'principal', 'interest'],
    labels: { principal: { zh: '贷款余额', en: 'Principal' }, interest: { zh: '欠息', en: 'Interest' } },
    rows: rows.map((r) => [r.township, r.area, r.village, r.group, r.mergedInto, r.mergedOn, r.households, r.loans, money(r.principalFen), money(r.interestFen)]),
  };
}

export function placesAsCsv(rows: PlaceRow[], headers: 'en' | 'zh' = 'en'): string {
  return tableAsCsv(placesTable(rows), headers);
}

export function placesAsText(rows: PlaceRow[], lang: Lang, opts: { ascii?: boolean; width?: number }): string {
  const zh = lang === 'zh';
  if (rows.length === 0) return zh ? '还没有地点：请先导入花名册（fieldvisit import roster 文件）。\n' : 'No places yet: import a roster first (fieldvisit import roster FILE).\n';
  let prevT = '';
  let prevA: string | null | undefined;
  let prevV = '';
  const body = rows.map((r) => {
    const showT = r.township !== prevT;
    const showA = showT || r.area !== prevA;
    const showV = showA || r.village !== prevV;
    prevT = r.township;
    prevA = r.area;
    prevV = r.village;
    const village = r.mergedInto ? `${r.village} → ${r.mergedInto}${zh ? '（已合并）' : ' (merged)'}` : r.village;
    return [
      showT ? r.township : '',
      showA ? (r.area ?? '') : '',
      showV ? village : '',
      r.group ?? '',
      r.households,
      r.loans,
      fenToDisplay(r.principalFen),
      fenToDisplay(r.interestFen),
    ];
  });
  const total = rows.reduce((a, r) => ({ h: a.h + r.households, l: a.l + r.loans, p: a.p + r.principalFen, i: a.i + r.interestFen }), { h: 0, l: 0, p: 0, i: 0 });
  body.push([zh ? '合计' : 'Total', '', '', '', total.h, total.l, fenToDisplay(total.p), fenToDisplay(total.i)]);
  return renderTable(
    [
      { header: zh ? '乡镇' : 'township' },
      { header: zh ? '片区' : 'area' },
      { header: zh ? '村委' : 'committee', maxWidth: 40 },
      { header: zh ? '组' : 'group' },
      { header: zh ? '户数' : 'households', align: 'right' },
      { header: zh ? '贷款笔数' : 'loans', align: 'right' },
      { header: zh ? '贷款余额' : 'principal', align: 'right' },
      { header: zh ? '欠息' : 'interest', align: 'right' },
    ],
    body,
    opts,
  );
}

export const placeListRenderers: RendererMap<'place list', PlaceRow[]> = {
  text: (rows, o) => placesAsText(rows, o.lang, { ascii: o.ascii, width: o.width }),
  json: (rows) => placesAsJson(rows),
  csv: (rows, o) => placesAsCsv(rows, o.headers),
  xlsx: (rows, o) => {
    const t = placesTable(rows);
    const sum = (f: (r: PlaceRow) => number) => rows.reduce((a, r) => a + f(r), 0);
    t.rows.push([o.lang === 'zh' ? '合计' : 'Total', null, null, null, null, null, sum((r) => r.households), sum((r) => r.loans), money(sum((r) => r.principalFen)), money(sum((r) => r.interestFen))]);
    return tableWorkbook(o.lang === 'zh' ? '地点' : 'Places', t, o.lang, { styleOf: (i) => (i === rows.length ? 'total' : undefined) });
  },
};
