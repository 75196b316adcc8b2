// The attachment type is told from the first bytes (never the name); hash prefixes; file sizes for people.
import { describe, expect, it } from 'vitest';
import { OCTET_STREAM, parseHashPrefix, sizeText, sniffMediaType } from '../../src/domain/mediaType.js';

const b = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const ftyp = (brand: string) => b([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0], brand, 'isom');

describe('sniffMediaType', () => {
  const cases: [string, Buffer, string][] = [
    ['JPEG', b([0xff, 0xd8, 0xff, 0xe1, 0, 0x10], 'Exif'), 'image/jpeg'],
    ['PNG', b([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR'), 'image/png'],
    ['GIF 89a', b('GIF89a', [1, 0, 1, 0]), 'image/gif'],
    ['GIF 87a', b('GIF87a', [1, 0, 1, 0]), 'image/gif'],
    ['WebP', b('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['WAV', b('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
    ['TIFF (little-endian scan)', b('II*\x00', [8, 0, 0, 0]), 'image/tiff'],
    ['TIFF (big-endian)', b('MM\x00*', [0, 0, 0, 8]), 'image/tiff'],
    ['PDF', b('%PDF-1.7\n%âãÏÓ\n'), 'application/pdf'],
    ['PDF after a little junk', b('\r\n\r\n%PDF-1.4\n'), 'application/pdf'],
    ['AMR-NB', b('#!AMR\n', [0x3c]), 'audio/amr'],
    ['AMR-WB', b('#!AMR-WB\n', [0x44]), 'audio/amr-wb'],
    ['Ogg', b('OggS', [0, 2]), 'audio/ogg'],
    ['MP3 with ID3', b('ID3', [4, 0, 0, 0, 0, 0, 0]), 'audio/mpeg'],
    ['MP3 frame (MPEG-1 layer III)', b([0xff, 0xfb, 0x90, 0x64, 0, 0]), 'audio/mpeg'],
    ['MP3 frame (MPEG-2 layer III)', b([0xff, 0xf3, 0x48, 0xc4, 0, 0]), 'audio/mpeg'],
    ['AAC (ADTS)', b([0xff, 0xf1, 0x50, 0x80, 0, 0x1f, 0xfc]), 'audio/aac'],
    ['M4A (a phone call recording)', ftyp('M4A '), 'audio/mp4'],
    ['MP4 video', ftyp('isom'), 'video/mp4'],
    ['MP4 (mp42)', ftyp('mp42'), 'video/mp4'],
    ['QuickTime', ftyp('qt  '), 'video/quicktime'],
    ['3GP', ftyp('3gp4'), 'video/3gpp'],
    ['HEIC (iPhone photo)', ftyp('heic'), 'image/heic'],
    ['HEIF', ftyp('mif1'), 'image/heif'],
    ['plain text', b('hello, 你好'), OCTET_STREAM],
    ['empty', b(''), OCTET_STREAM],
    ['a ZIP (a .docx)', b('PK\x03\x04'), OCTET_STREAM],
    ['0xFF then not a frame', b([0xff, 0x00, 0x00, 0x00]), OCTET_STREAM],
    ['bad MPEG bitrate', b([0xff, 0xfb, 0xf0, 0x64]), OCTET_STREAM],
    ['truncated PNG signature', b([0x89], 'PNG'), OCTET_STREAM],
  ];
  for (const [what, bytes, type] of cases) it(`${what} → ${type}`, () => expect(sniffMediaType(bytes)).toBe(type));

  it('never looks at the name: the same bytes are the same type', () => {
    expect(sniffMediaType(b('%PDF-1.4'))).toBe('application/pdf');
  });
  it('a PDF marker past the first KiB does not count', () => {
    expect(sniffMediaType(b('x'.repeat(1024), '%PDF-1.4'))).toBe(OCTET_STREAM);
  });
});

describe('parseHashPrefix', () => {
  it('takes 8 to 64 hex digits, any case', () => {
    expect(parseHashPrefix('DEADBEEF')).toBe('deadbeef');
    expect(parseHashPrefix(' 0123456789abcdef ')).toBe('0123456789abcdef');
    expect(parseHashPrefix('a'.repeat(64))).toBe('a'.repeat(64));
  });
  it('refuses short, long or non-hex values', () => {
    for (const s of ['abc1234', 'a'.repeat(65), 'deadbeeg', '', '12345678-9']) expect(parseHashPrefix(s), s).toBeNull();
  });
});

describe('sizeText', () => {
  it('bytes, KiB and MiB', () => {
    expect([0, 1023, 1024, 1536, 1048576, 25 * 1048576, 1572864].map(sizeText)).toEqual(['0 B', '1023 B', '1 KiB', '1.5 KiB', '1 MiB', '25 MiB', '1.5 MiB']);
  });
});
