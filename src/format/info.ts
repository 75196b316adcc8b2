// Renders `fieldvisit info`.
import type { Lang } from '../domain/text.js';
import { asJson, renderTable } from './table.js';

export interface InfoView {
  file: string;
  databaseId: string;
  schemaVersion: number;
  supportedVersion: number;
  counts: Record<string, number>;
}

export function infoAsJson(i: InfoView): string {
  return asJson({ file: i.file, database_id: i.databaseId, schema_version: i.schemaVersion, counts: i.counts });
}

export function infoAsText(i: InfoView, lang: Lang, opts: { ascii?: boolean; width?: number }): string {
  const zh = lang === 'zh';
  const head = [
    `${zh ? '数据库文件' : 'Database file'}: ${i.file}`,
    `${zh ? '数据库编号' : 'Database id'}: ${i.databaseId}`,
    `${zh ? '结构版本' : 'Schema version'}: ${i.schemaVersion}`,
  ].join('\n');
  const table = renderTable(
    [{ header: zh ? '表' : 'table' }, { header: zh ? '行数' : 'rows', align: 'right' }],
    Object.entries(i.counts).map(([k, v]) => [k, v]),
    opts,
  );
  return head + '\n' + table;
}
