// Reading a file to attach: the limit is inclusive, checked before reading, and every refusal names the file.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readAttachment } from '../../src/import/readAttachment.js';
import { ATTACHMENT_LIMIT_BYTES } from '../../src/domain/mediaType.js';
import { DataError } from '../../src/domain/errors.js';
import { tmpDir } from '../helpers.js';

const dir = tmpDir('fv-read-att-');

function refusal(file: string, flag = 'FILE'): DataError {
  try {
    readAttachment(file, dir, flag);
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error('not refused');
}

describe('readAttachment', () => {
  it('reads a file of exactly the limit, with its hash and sniffed type', () => {
    const p = path.join(dir, 'exact.wav');
    const head = Buffer.from('RIFF\u0024\u0000\u0000\u0000WAVEfmt ', 'latin1');
    fs.writeFileSync(p, Buffer.concat([head, Buffer.alloc(ATTACHMENT_LIMIT_BYTES - head.length, 1)]));
    const r = readAttachment('exact.wav', dir, '--attach');
    expect(r.bytes.length).toBe(ATTACHMENT_LIMIT_BYTES);
    expect(r.mediaType).toBe('audio/wav');
    expect(r.name).toBe('exact.wav');
    expect(r.sha256).toBe(crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'));
    fs.rmSync(p);
  });

  it('refuses one byte more, naming the flag and the file', () => {
    const p = path.join(dir, 'over.wav');
    fs.closeSync(fs.openSync(p, 'w'));
    fs.truncateSync(p, ATTACHMENT_LIMIT_BYTES + 1);
    const e = refusal('over.wav', '--attach');
    expect(e.text.en).toMatch(/^--attach over\.wav: the file is 25 MiB \(26,214,401 bytes\), above the limit of 25 MiB/);
    expect(e.text.zh).toContain('超过单个附件 25 MiB 的上限');
  });

  it('reads an empty file (an empty attachment is still a file) and a name with folders keeps only the name', () => {
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sub', 'empty.bin'), '');
    const r = readAttachment(path.join('sub', 'empty.bin'), dir, 'FILE');
    expect(r.bytes.length).toBe(0);
    expect(r.name).toBe('empty.bin');
    expect(r.mediaType).toBe('application/octet-stream');
  });

  it('a missing file and a folder are refused in both languages', () => {
    const m = refusal('nope.jpg');
    expect(m.text.en).toBe('nope.jpg: no such file. Check the path and the name. Nothing was saved.');
    expect(m.text.zh).toBe('nope.jpg：找不到该文件。请检查路径和文件名。未保存任何内容。');
    expect(refusal('sub').text.en).toContain('is a folder');
  });
});
