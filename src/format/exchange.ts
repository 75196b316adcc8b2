// Renders exports, merges, merge conflicts, backups and restores for people (text) and scripts (JSON).
import type { Lang } from '../domain/text.js';
import type { Manifest } from '../db/bundle.js';
import type { ConflictRow, MergeSummary, MergeTable } from '../db/exchange.js';
import type { BackupResult, RestoreResult } from '../db/backup.js';
import { asJson, renderTable } from './table.js';

const TABLE_ZH: Record<string, string> = {
  roster: '花名册贷款',
  village_merges: '村委合并',
  notices: '通知书',
  loan_marks: '贷款标记',
  legal_events: '诉讼程序',
  costs: '费用',
  fact_voids: '作废记录',
  visits: '走访',
  visit_outcomes: '走访结果',
  visit_voids: '作废',
  notice_voids: '通知书作废',
  borrower_events: '借款人状态',
  attachments: '附件',
  blobs: '附件文件',
};
const STATUS_ZH: Record<string, string> = { active: '正常', away: '外出', deceased: '死亡' };

function label(t: string, lang: Lang): string {
  return lang === 'zh' ? (TABLE_ZH[t] ?? t) : t.replace(/_/g, ' ');
}

export interface ExportView {
  file: string;
  destination: string;
  previousExport: string | null;
  manifest: Manifest;
}

export function exportAsJson(e: ExportView): string {
  const m = e.manifest;
  return asJson({
    file: e.file,
    destination: e.destination,
    previous_export: e.previousExport,
    bundle_id: m.bundle_id,
    kind: m.kind,
    source_db: m.source_db,
    schema_version: m.schema_version,
    created_at: m.created_at,
    township: m.township,
    officer: m.officer,
    with_ids: m.with_ids,
    counts: m.counts,
    visit_dates: m.visit_dates,
    checksum: m.checksum,
  });
}

export function exportAsText(e: ExportView, lang: Lang): string {
  const zh = lang === 'zh';
  const m = e.manifest;
  const parts = Object.entries(m.counts)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${label(t, lang)} ${n}`);
  const lines = [
    zh ? `已写入 ${e.file}` : `Wrote ${e.file}`,
    `  ${zh ? '内容' : 'contains'}: ${parts.length ? parts.join(zh ? '，' : ', ') : zh ? '没有新记录' : 'nothing new'}`,
  ];
  if (m.visit_dates) lines.push(`  ${zh ? '走访日期' : 'visit dates'}: ${m.visit_dates[0]} … ${m.visit_dates[1]}`);
  if (m.kind === 'roster') lines.push(`  ${zh ? '乡镇' : 'township'}: ${m.township}${m.with_ids ? '' : zh ? '（身份证号已遮盖）' : ' (ID numbers masked)'}`);
  else if (e.previousExport) lines.push(`  ${zh ? '自上次导出到此处' : 'since the last export here'}: ${e.previousExport}`);
  lines.push(`  ${zh ? '来源数据库' : 'source database'}: ${m.source_db}`);
  lines.push(`  sha256: ${m.checksum}`);
  return lines.join('\n') + '\n';
}

export function mergeAsJson(list: MergeSummary[]): string {
  return asJson(
    list.map((s) => ({
      file: s.file,
      bundle_id: s.bundleId,
      kind: s.kind,
      source_db: s.sourceDb,
      from_self: s.fromSelf,
      merged_before: s.mergedBefore,
      already_merged: s.alreadyMerged,
      same_id_other_content: s.idReused,
      dry_run: s.dryRun,
      added: s.added,
      skipped: s.skipped,
      roster: s.roster,
      conflicts: s.conflicts.map(conflictJson),
      warnings: s.warnings.map((w) => w.en),
    })),
  );
}

export function mergeAsText(list: MergeSummary[], lang: Lang, opts: { ascii?: boolean; width?: number }): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  for (const s of list) {
    const head = s.dryRun ? (zh ? `（试运行，未写入）${s.file}` : `(dry run, nothing written) ${s.file}`) : s.file;
    out.push(head);
    if (s.alreadyMerged) {
      out.push(
        zh
          ? `  此文件已于 ${s.mergedBefore} 合并过（内容相同，签名已重新核对）：没有重复写入任何记录。`
          : `  already merged on ${s.mergedBefore} (same content; signature checked again): nothing applied again.`,
      );
    } else if (s.idReused) {
      out.push(
        zh
          ? `  编号相同但内容不同的文件已于 ${s.mergedBefore} 合并过；这一个已逐条核对：`
          : `  a bundle with this id but other content was merged on ${s.mergedBefore}; this one was checked record by record:`,
      );
    } else if (s.mergedBefore) out.push(zh ? `  此文件已于 ${s.mergedBefore} 合并过；重新核对后：` : `  already merged on ${s.mergedBefore}; checked again:`);
    if (s.fromSelf) out.push(zh ? '  此文件来自本数据库。' : '  this bundle came from this database.');
    const tables = (Object.keys(s.added) as MergeTable[]).filter((t) => s.added[t] + s.skipped[t] > 0);
    if (tables.length === 0) out.push(zh ? '  文件中没有记录。' : '  the bundle holds no records.');
    else {
      out.push(
        renderTable(
          [{ header: zh ? '记录' : 'records' }, { header: zh ? '新增' : 'added', align: 'right' }, { header: zh ? '已有（跳过）' : 'already here', align: 'right' }],
          tables.map((t) => [label(t, lang), s.added[t], s.skipped[t]]),
          opts,
        ).replace(/\n$/, ''),
      );
    }
    if (s.conflicts.length) {
      out.push(zh ? `  发现 ${s.conflicts.length} 处冲突（按记录时间以后者为准）：` : `  ${s.conflicts.length} conflict(s) found (the later recorded wins):`);
      out.push(conflictsAsText(s.conflicts, lang, opts).replace(/\n$/, ''));
    }
  }
  return out.join('\n') + '\n';
}

function sideText(c: ConflictRow, side: 'a' | 'b', lang: Lang): string {
  const x = c[side];
  const zh = lang === 'zh';
  const value = c.kind === 'status' ? (zh ? (STATUS_ZH[x.value] ?? x.value) : x.value) + (x.where ? ` (${x.where})` : '') : x.value;
  const who = x.officer ? `${x.officer}, ` : '';
  return `${value}${c.winner === side ? (zh ? ' ✔ 采用' : ' ✔ wins') : ''}\n${who}${x.recordedAt.slice(0, 16).replace('T', ' ')}\n${x.originDb.slice(0, 13)}…`;
}

function conflictJson(c: ConflictRow) {
  const side = (x: ConflictRow['a']) => ({
    uid: x.uid,
    origin_db: x.originDb,
    value: x.value,
    where: x.where,
    effective_on: x.effectiveOn,
    recorded_at: x.recordedAt,
    officer: x.officer,
  });
  return { id: c.id, kind: c.kind, subject: c.subject, borrower: c.borrower, a: side(c.a), b: side(c.b), winner: c.winner, detected_at: c.detectedAt };
}

export function conflictsAsJson(list: ConflictRow[]): string {
  return asJson(list.map(conflictJson));
}

export function conflictsAsText(list: ConflictRow[], lang: Lang, opts: { ascii?: boolean; width?: number }): string {
  const zh = lang === 'zh';
  if (list.length === 0) return zh ? '没有合并冲突。\n' : 'No merge conflicts.\n';
  return renderTable(
    [
      { header: zh ? '类型' : 'kind' },
      { header: zh ? '对象' : 'about' },
      { header: zh ? '日期' : 'date' },
      { header: zh ? '一方' : 'one side', maxWidth: 30 },
      { header: zh ? '另一方' : 'other side', maxWidth: 30 },
    ],
    list.map((c) => [
      c.kind === 'status' ? (zh ? '借款人状态' : 'status') : zh ? '通知书' : 'notice',
      c.kind === 'status' ? `${c.borrower ?? ''}\n${c.subject}` : `${c.subject}\n${c.borrower ?? ''}`,
      c.a.effectiveOn ?? c.b.effectiveOn ?? '',
      sideText(c, 'a', lang),
      sideText(c, 'b', lang),
    ]),
    opts,
  );
}

export function backupAsText(b: BackupResult, lang: Lang): string {
  const zh = lang === 'zh';
  const lines = [zh ? `备份已写入 ${b.file}（${b.bytes} 字节，已通过完整性检查）` : `Backup written to ${b.file} (${b.bytes} bytes, integrity checked)`];
  if (b.pruned.length) lines.push(zh ? `删除了 ${b.pruned.length} 个较旧的备份` : `Removed ${b.pruned.length} older backup(s)`);
  return lines.join('\n') + '\n';
}

export function backupAsJson(b: BackupResult): string {
  return asJson({ file: b.file, bytes: b.bytes, pruned: b.pruned });
}

export function restoreAsText(r: RestoreResult, lang: Lang): string {
  const zh = lang === 'zh';
  const lines = [
    zh ? `已从 ${r.file} 恢复到 ${r.target}（结构版本 ${r.schemaVersion}，贷款 ${r.loans} 笔，走访 ${r.visits} 次）` : `Restored ${r.target} from ${r.file} (schema ${r.schemaVersion}, ${r.loans} loans, ${r.visits} visits)`,
  ];
  if (r.replaced) lines.push(zh ? `原来的数据库保存为 ${r.replaced}` : `The database it replaced is kept as ${r.replaced}`);
  return lines.join('\n') + '\n';
}

export function restoreAsJson(r: RestoreResult): string {
  return asJson({ file: r.file, target: r.target, replaced: r.replaced, database_id: r.databaseId, schema_version: r.schemaVersion, loans: r.loans, visits: r.visits });
}
