// The printable weekly report in a real browser: headless Chromium renders it (township name laid out, chart bars painted).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, sampleDb, tmpDir } from '../helpers.js';
import { countColour, decodePng } from '../png.js';
import { CHROMIUM, runChromium } from '../browser.js';
import { INTEREST_COLOUR, PRINCIPAL_COLOUR } from '../../src/format/weeklyReportAsHtml.js';

if (!CHROMIUM) console.warn('report HTML browser check skipped: Chromium not found (install Debian’s chromium package, or set CHROMIUM=/path/to/chromium).');
const chromium = runChromium;


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
