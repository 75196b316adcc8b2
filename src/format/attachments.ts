// Renders attachments (never their bytes): `visit show`, what `visit attach` and `visit log --attach` saved, and
// `attachment get`. Names are shown with digit runs masked, as any echoed input: a file name may hold an ID number.
import type { Lang } from '../domain/text.js';
import { maskPersonal } from '../domain/idNumber.js';
import { sizeText } from '../domain/mediaType.js';
import type { AttachResult, AttachmentRow, BlobMatch } from '../db/attachments.js';
import type { VisitRow } from '../db/visitList.js';
import { asJson, renderTable } from './table.js';
import { outcomeText, visitJson } from './visits.js';

/** The short form of a hash shown to people; `attachment get` takes it (any unique prefix of 8+ digits). */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

export function attachmentJson(a: AttachmentRow) {
  return {
    attachment_id: a.attachmentId,
    uid: a.uid,
    visit_id: a.visitId,
    visit_uid: a.visitUid,
    name: maskPersonal(a.name),
    type: a.type,
    size: a.size,
    sha256: a.sha256,
    added_by: a.addedBy,
    added_at: a.addedAt,
    void_reason: a.voidReason,
  };
}

export function attachmentsTableText(list: AttachmentRow[], lang: Lang, opts: { ascii?: boolean; width?: number } = {}): string {
  const zh = lang === 'zh';
  return renderTable(
    [
      { header: zh ? '编号' : 'id', align: 'right' },
      { header: zh ? '文件名' : 'name', maxWidth: 40 },
      { header: zh ? '类型' : 'type' },
      { header: zh ? '大小' : 'size', align: 'right' },
      { header: 'SHA-256', noTruncate: true },
      { header: zh ? '添加人' : 'added by' },
      { header: zh ? '添加时间' : 'added at', noTruncate: true },
    ],
    list.map((a) => [String(a.attachmentId), maskPersonal(a.name) + (a.voidReason ? (zh ? `（已作废：${a.voidReason}）` : ` (void: ${a.voidReason})`) : ''), a.type, sizeText(a.size), shortHash(a.sha256), a.addedBy, a.addedAt]),
    opts,
  );
}

/** One visit in full: who, when, where, its outcomes, whether it is void, and its attachments. */
export function visitShowAsText(v: VisitRow, atts: AttachmentRow[], lang: Lang, opts: { ascii?: boolean; width?: number } = {}): string {
  const zh = lang === 'zh';
  const lines = [
    zh ? `走访 #${v.visitId}：${v.borrower}，${v.visitDate}，${v.officer}` : `Visit #${v.visitId}: ${v.borrower}, ${v.visitDate}, ${v.officer}`,
    `${zh ? '地点' : 'Place'}: ${[v.township, v.village, v.group].filter(Boolean).join(' ')}`,
  ];
  if (v.void) lines.push(zh ? `【已作废】${v.void.reason}（${v.void.by ?? '—'}，${v.void.at}）` : `[VOID] ${v.void.reason} (${v.void.by ?? '—'}, ${v.void.at})`);
  lines.push(...v.outcomes.map((o) => `  • ${outcomeText({ ...o, by: o.actedBy }, o.loanNo, lang)}`));
  if (v.note) lines.push(`${zh ? '说明' : 'Note'}: ${v.note}`);
  if (v.escalate) lines.push(`${zh ? '需协助' : 'For the supervisor'}: ${v.escalate}`);
  lines.push(`${zh ? '记录于' : 'Recorded'}: ${v.createdAt}  uid ${v.uid}`);
  let s = lines.join('\n') + '\n';
  if (atts.length === 0) return s + (zh ? '没有附件。\n' : 'No attachments.\n');
  s += (zh ? `附件（${atts.length}）：` : `Attachments (${atts.length}):`) + '\n';
  s += attachmentsTableText(atts, lang, opts);
  s += zh ? '取出文件：fieldvisit attachment get <SHA-256> --out 文件名\n' : 'To get a file back: fieldvisit attachment get <SHA-256> --out FILE\n';
  return s;
}

/** `visit log --json`: the saved visit (as visit list gives it), its warnings, and the files saved with it. */
export function savedVisitWithAttachmentsAsJson(v: VisitRow, warnings: string[], atts: AttachmentRow[]): string {
  return asJson({ ...visitJson(v), warnings, attachments: atts.map(attachmentJson) });
}

export function visitShowAsJson(v: VisitRow, atts: AttachmentRow[]): string {
  return asJson({ ...visitJson(v), attachments: atts.map(attachmentJson) });
}

/** What was attached (and what the visit already had). */
export function attachResultAsText(r: AttachResult, lang: Lang, opts: { ascii?: boolean; width?: number } = {}): string {
  const zh = lang === 'zh';
  let s = '';
  if (r.added.length) {
    s += (zh ? `已为走访 #${r.visitId} 保存 ${r.added.length} 个附件：` : `Attached ${r.added.length} file${r.added.length === 1 ? '' : 's'} to visit #${r.visitId}:`) + '\n';
    s += attachmentsTableText(r.added, lang, opts);
  }
  for (const a of r.alreadyAttached) {
    s += zh
      ? `走访 #${r.visitId} 已有同一文件（${maskPersonal(a.name)}，${shortHash(a.sha256)}），未重复保存。\n`
      : `Visit #${r.visitId} already has this file (${maskPersonal(a.name)}, ${shortHash(a.sha256)}); not attached again.\n`;
  }
  return s;
}

export function attachResultJson(r: AttachResult) {
  return { visit_id: r.visitId, visit_uid: r.visitUid, added: r.added.map(attachmentJson), already_attached: r.alreadyAttached.map(attachmentJson) };
}

/** One line per blob an ambiguous prefix matches, for the error message. */
export function blobMatchLine(m: BlobMatch, lang: Lang): string {
  const names = m.names.map(maskPersonal).join(lang === 'zh' ? '、' : ', ');
  return `${m.sha256}  ${m.type ?? '?'}  ${sizeText(m.size)}${names ? '  ' + names : ''}`;
}

export function blobWrittenAsText(file: string, m: BlobMatch, lang: Lang): string {
  return lang === 'zh'
    ? `已写入 ${file}（${m.type ?? '?'}，${sizeText(m.size)}，SHA-256 ${m.sha256}）\n`
    : `Wrote ${file} (${m.type ?? '?'}, ${sizeText(m.size)}, SHA-256 ${m.sha256})\n`;
}

export function blobWrittenAsJson(file: string, m: BlobMatch): string {
  return asJson({ file, sha256: m.sha256, type: m.type, size: m.size, names: m.names.map(maskPersonal) });
}
