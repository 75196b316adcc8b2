// Attachments: the per-file limit, and the media type told from a file's first bytes (never from its name).

/** The largest file one attachment may be: a phone photo or a long call recording fits; a video does not. */
export const ATTACHMENT_LIMIT_BYTES = 25 * 1024 * 1024;

/** How many leading bytes sniffMediaType looks at (a PDF may start after some junk, up to 1 KiB by the spec). */
export const SNIFF_BYTES = 1024;

export const OCTET_STREAM = 'application/octet-stream';

/** 25 MiB, 1.5 MiB, 300 KiB, 12 B. */
export function sizeText(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${n} B`;
}

function ascii(b: Uint8Array, at: number, s: string): boolean {
  if (b.length < at + s.length) return false;
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** ISO base media (MP4 family) brands that are HEIF/HEIC still images (iPhone photos). */
const HEIC_BRANDS = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx'];
const HEIF_BRANDS = ['mif1', 'msf1'];

/** An MPEG audio frame header (MP3 without an ID3 tag); ADTS AAC has layer bits 00. */
function mpegAudio(b: Uint8Array): string | null {
  if (b.length < 4 || b[0] !== 0xff || (b[1]! & 0xe0) !== 0xe0) return null;
  const version = (b[1]! >> 3) & 3;
  const layer = (b[1]! >> 1) & 3;
  if (layer === 0) return (b[1]! & 0xf6) === 0xf0 ? 'audio/aac' : null;
  if (version === 1) return null;
  const bitrate = b[2]! >> 4;
  const rate = (b[2]! >> 2) & 3;
  if (bitrate === 15 || rate === 3) return null;
  return 'audio/mpeg';
}

/**
 * The media type of a file from its first bytes (pass at least SNIFF_BYTES when the file has them): photos and scans
 * (JPEG, PNG, GIF, WebP, TIFF, HEIC), documents (PDF), recordings (MP3, AAC, M4A, AMR, WAV, Ogg) and MP4 video; anything
 * else is application/octet-stream. The extension is never consulted: a renamed file keeps its real type.
 */
export function sniffMediaType(b: Uint8Array): string {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 'PNG\r\n\u001a\n')) return 'image/png';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'image/gif';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'image/webp';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE')) return 'audio/wav';
  if (ascii(b, 0, 'II*\u0000') || ascii(b, 0, 'MM\u0000*')) return 'image/tiff';
  if (ascii(b, 0, '#!AMR-WB\n')) return 'audio/amr-wb';
  if (ascii(b, 0, '#!AMR\n')) return 'audio/amr';
  if (ascii(b, 0, 'OggS')) return 'audio/ogg';
  if (ascii(b, 0, 'ID3')) return 'audio/mpeg';
  if (ascii(b, 4, 'ftyp') && b.length >= 12) {
    const brand = String.fromCharCode(b[8]!, b[9]!, b[10]!, b[11]!);
    if (HEIC_BRANDS.includes(brand)) return 'image/heic';
    if (HEIF_BRANDS.includes(brand)) return 'image/heif';
    if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
    if (brand === 'qt  ') return 'video/quicktime';
    if (brand.startsWith('3g')) return 'video/3gpp';
    return 'video/mp4';
  }
  // "%PDF-" at the start, or after a little junk some scanners write first.
  const head = Math.min(b.length, SNIFF_BYTES);
  for (let i = 0; i + 5 <= head; i++) if (b[i] === 0x25 && ascii(b, i, '%PDF-')) return 'application/pdf';
  return mpegAudio(b) ?? OCTET_STREAM;
}

/** A SHA-256 given in full or as a prefix: hex only, at least 8 digits (lower-cased). Null when it is not one. */
export function parseHashPrefix(s: string): string | null {
  const t = s.trim().toLowerCase();
  return /^[0-9a-f]{8,64}$/.test(t) ? t : null;
}

/** A file read and checked, ready to store (src/import/readAttachment.ts reads it, src/db/attachments.ts stores it). */
export interface AttachmentFile {
  /** The file's own name, without folders. */
  name: string;
  mediaType: string;
  sha256: string;
  bytes: Buffer;
}
