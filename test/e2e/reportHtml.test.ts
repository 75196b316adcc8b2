// The printable weekly report in a real browser: headless Chromium renders it (township name laid out, chart bars painted).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, sampleDb, tmpDir } from '../helpers.js';
import { INTEREST_COLOUR, PRINCIPAL_COLOUR } from '../../src/format/weeklyReportAsHtml.js';

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((x): x is string => !!x);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

const CHROMIUM = findChromium();
if (!CHROMIUM) console.warn('report HTML browser check skipped: Chromium not found (install Debian’s chromium package, or set CHROMIUM=/path/to/chromium).');

function chromium(args: string[]): string {
  const profile = tmpDir('fv-chromium-');
  const r = spawnSync(
    CHROMIUM!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { encoding: 'utf8', timeout: 90000, maxBuffer: 64 * 1024 * 1024 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  if (r.error) throw r.error;
  return r.stdout;
}

/** Minimal PNG decoder (8-bit RGB/RGBA, no interlace: what Chromium writes) → RGBA pixels. */
function decodePng(buf: Buffer): { width: number; height: number; rgba: Buffer } {
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      colorType = data[9]!;
      expect(data[12]).toBe(0);
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  expect(bpp, `PNG colour type ${colorType}`).toBeGreaterThan(0);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = Buffer.alloc(width * height * 4);
  const prev = Buffer.alloc(stride);
  const cur = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    raw.copy(cur, 0, y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? cur[x - bpp]! : 0;
      const b = prev[x]!;
      const c = x >= bpp ? prev[x - bpp]! : 0;
      let v = cur[x]!;
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[x] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      out[(y * width + x) * 4] = cur[x * bpp]!;
      out[(y * width + x) * 4 + 1] = cur[x * bpp + 1]!;
      out[(y * width + x) * 4 + 2] = cur[x * bpp + 2]!;
      out[(y * width + x) * 4 + 3] = bpp === 4 ? cur[x * bpp + 3]! : 255;
    }
    cur.copy(prev);
  }
  return { width, height, rgba: out };
}

function countColour(img: { rgba: Buffer }, hex: string, tolerance = 8): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let i = 0; i < img.rgba.length; i += 4) {
    if (Math.abs(img.rgba[i]! - r) <= tolerance && Math.abs(img.rgba[i + 1]! - g) <= tolerance && Math.abs(img.rgba[i + 2]! - b) <= tolerance) n++;
  }
  return n;
}

describe.skipIf(!CHROMIUM)('weekly report HTML in headless Chromium', () => {
  let dir: string;
  let html: string;
  beforeAll(() => {
    dir = tmpDir('fv-html-');
    const db = sampleDb({ visits: true });
    html = path.join(dir, 'weekly.html');
    const r = cli(['report', 'weekly', '--week', '2026-W47', '--next', '香坪镇', '--lang', 'zh', '--out', html], { db });
    expect(r.code, r.stderr).toBe(0);
  });

  it('needs nothing from outside the page', () => {
    const s = fs.readFileSync(html, 'utf8');
    expect(s).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(s).not.toMatch(/@import|url\(/i);
    expect(s).toContain('@page { size: A4');
  });

  it('lays out the township name and the chart (measured by the browser itself)', () => {
    // A copy with a probe script: the shipped page has no script at all.
    const probe = path.join(dir, 'probe.html');
    const script = `<script>
      const h1 = document.querySelector('h1').getBoundingClientRect();
      const svg = document.getElementById('cash-chart').getBoundingClientRect();
      const bars = [...document.querySelectorAll('#cash-chart rect.bar-principal, #cash-chart rect.bar-interest')].filter((r) => r.getBBox().width > 0);
      document.body.setAttribute('data-probe', JSON.stringify({ h1: h1.width * h1.height, svg: svg.width * svg.height, bars: bars.length,
        text: document.body.innerText.includes('涡水镇') }));
    </script>`;
    fs.writeFileSync(probe, fs.readFileSync(html, 'utf8').replace('</body>', `${script}</body>`));
    const dom = chromium(['--dump-dom', pathToFileURL(probe).href]);
    const m = /data-probe="([^"]*)"/.exec(dom);
    expect(m, 'the probe ran').not.toBeNull();
    const probeResult = JSON.parse(m![1]!.replace(/&quot;/g, '"'));
    expect(probeResult.text).toBe(true);
    expect(probeResult.h1).toBeGreaterThan(0);
    expect(probeResult.svg).toBeGreaterThan(0);
    // 金坑村委 and the two committees with cash in 涡水镇: principal and interest bars each.
    expect(probeResult.bars).toBe(6);
  });

  it('paints a non-blank page with the chart’s bars (screenshot)', () => {
    const png = path.join(dir, 'page.png');
    chromium([`--screenshot=${png}`, '--window-size=900,2000', pathToFileURL(html).href]);
    expect(fs.existsSync(png)).toBe(true);
    const img = decodePng(fs.readFileSync(png));
    let dark = 0;
    for (let i = 0; i < img.rgba.length; i += 4) if (img.rgba[i]! + img.rgba[i + 1]! + img.rgba[i + 2]! < 300) dark++;
    expect(dark / (img.width * img.height)).toBeGreaterThan(0.005);
    expect(countColour(img, PRINCIPAL_COLOUR)).toBeGreaterThan(200);
    expect(countColour(img, INTEREST_COLOUR)).toBeGreaterThan(100);
  });

  it('prints to an A4 PDF', () => {
    const pdf = path.join(dir, 'page.pdf');
    chromium([`--print-to-pdf=${pdf}`, '--no-pdf-header-footer', pathToFileURL(html).href]);
    const s = fs.readFileSync(pdf, 'latin1');
    expect(s.startsWith('%PDF-')).toBe(true);
    // A4 is 595 × 842 points.
    expect(s).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
  });
});
