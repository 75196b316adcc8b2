// Reads a file to attach to a visit: a regular, readable file within the per-file limit, checked before its bytes are
// read (a folder, pipe or device is refused unopened), hashed (SHA-256) and its type sniffed from its first bytes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DataError } from '../domain/errors.js';
import { text } from '../domain/text.js';
import { maskPersonal } from '../domain/idNumber.js';
import { ATTACHMENT_LIMIT_BYTES, SNIFF_BYTES, sizeText, sniffMediaType, type AttachmentFile } from '../domain/mediaType.js';


/**
 * Reads `file` (relative to `cwd`) for attaching; `flag` names where it was given (`--attach` or `FILE`) in messages.
 * Throws a DataError naming the file (digit runs masked: a name may hold an ID number or a phone) when it is missing,
 * not a regular file, unreadable or over the limit.
 */
export function readAttachment(file: string, cwd: string, flag: string): AttachmentFile {
  const shown = maskPersonal(file);
  const at = flag.startsWith('-') ? `${flag} ${shown}` : shown;
  const refuse = (zh: string, en: string) => new DataError(text(`${at}：${zh}未保存任何内容。`, `${at}: ${en} Nothing was saved.`));
  const abs = path.resolve(cwd, file);
  const over = (size: number) =>
    refuse(
      `文件大小 ${sizeText(size)}（${size.toLocaleString('en-US')} 字节），超过单个附件 ${sizeText(ATTACHMENT_LIMIT_BYTES)} 的上限。请缩小照片或拆分录音后再附上。`,
      `the file is ${sizeText(size)} (${size.toLocaleString('en-US')} bytes), above the limit of ${sizeText(ATTACHMENT_LIMIT_BYTES)} for one attachment. Make the photo smaller or split the recording, then attach it.`,
    );
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw refuse('找不到该文件。请检查路径和文件名。', 'no such file. Check the path and the name.');
    if (code === 'EACCES' || code === 'EPERM') throw refuse('没有读取权限。请检查文件权限。', 'permission denied. Check the file’s permissions.');
    throw refuse(`无法读取（${code ?? (e as Error).message}）。`, `cannot be read (${code ?? (e as Error).message}).`);
  }
  if (st.isDirectory()) throw refuse('这是文件夹，不是文件。请给出文件夹里的文件。', 'that is a folder, not a file. Name the files inside it.');
  // A pipe or device would block or never end: refused without opening it.
  if (!st.isFile()) throw refuse('不是普通文件（是管道或设备）。请给出照片、扫描件或录音文件。', 'not a regular file (a pipe or a device). Name a photo, scan or recording file.');
  if (st.size > ATTACHMENT_LIMIT_BYTES) throw over(st.size);
  let fd: number;
  try {
    fd = fs.openSync(abs, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw refuse('没有读取权限。请检查文件权限。', 'permission denied. Check the file’s permissions.');
    throw refuse(`无法读取（${code ?? (e as Error).message}）。`, `cannot be read (${code ?? (e as Error).message}).`);
  }
  try {
    // Read at most one byte past the limit: a file that grew since it was checked is still refused, never read whole.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(1 << 20, ATTACHMENT_LIMIT_BYTES + 1 - total);
      const chunk = Buffer.allocUnsafe(want);
      let got: number;
      try {
        got = fs.readSync(fd, chunk, 0, want, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw refuse(`读取时出错（${code ?? (e as Error).message}）。`, `reading it failed (${code ?? (e as Error).message}).`);
      }
      if (got === 0) break;
      chunks.push(chunk.subarray(0, got));
      total += got;
      if (total > ATTACHMENT_LIMIT_BYTES) throw over(Math.max(total, fs.fstatSync(fd).size));
    }
    const bytes = Buffer.concat(chunks, total);
    return { name: path.basename(abs), mediaType: sniffMediaType(bytes.subarray(0, SNIFF_BYTES)), sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads every file before anything is written: one missing, unreadable or oversized file refuses them all. */
export function readAttachments(files: readonly string[], cwd: string, flag: string): AttachmentFile[] {
  return files.map((f) => readAttachment(f, cwd, flag));
}
