// The weekly report as one self-contained printable page (A4, system Chinese fonts, no outside requests) with an inline SVG chart of cash by committee.
import { escapeHtml as esc } from './html.js';
import { fenToDisplay } from '../domain/money.js';
import type { Lang } from '../domain/text.js';
import type { WeeklyReport } from '../report/buildWeeklyReport.js';
import { sectionLabel, weeklyReportDoc, type Block, type DocLetterhead } from './weeklyReportDoc.js';

export const PRINCIPAL_COLOUR = '#1f5fa8';
export const INTEREST_COLOUR = '#e07b1a';


const STYLE = `
@page { size: A4; margin: 15mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 182mm; padding: 8mm 0; color: #1a1a1a; background: #fff; font-size: 10.5pt; line-height: 1.65;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "SimSun", "Songti SC", "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
.subtitle { color: #555; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; padding-bottom: 1mm; break-after: avoid; }
p { margin: 0 0 2.5mm; text-align: justify; }
ol, ul { margin: 0 0 2.5mm; padding-left: 7mm; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; break-inside: avoid; }
th, td { border: 1px solid #888; padding: 1mm 1.5mm; }
th { background: #eef1f5; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.subtotal td, tr.total td { font-weight: 700; background: #f6f6f6; }
.recon { list-style: none; padding-left: 0; }
.ok { color: #1b7a2c; } .bad { color: #b3261e; }
figure { margin: 4mm 0 0; break-inside: avoid; }
figcaption { font-size: 9pt; color: #555; margin-bottom: 1mm; }
svg text { font-family: inherit; }
.letterhead { text-align: center; font-size: 13pt; font-weight: 700; letter-spacing: 1pt; margin: 0 0 3mm; }
.sign { margin: 8mm 0 0; white-space: pre-wrap; }
`;

/** Horizontal bars, principal and interest side by side for each committee; amounts written beside the bars. */
export function cashChartSvg(r: WeeklyReport, lang: Lang): string {
  const zh = lang === 'zh';
  const rows = r.sections.flatMap((s) => s.villages.map((v) => ({ label: r.sections.length > 1 ? `${v.village}（${sectionLabel(s)}）` : v.village, p: v.cash.principalFen, i: v.cash.interestFen })));
  const labelW = 170;
  const barMax = 360;
  const rowH = 34;
  const top = 30;
  const width = labelW + barMax + 110;
  const height = top + rows.length * rowH + 10;
  const max = Math.max(1, ...rows.flatMap((x) => [x.p, x.i]));
  const scale = (fen: number) => Math.round((fen / max) * barMax * 10) / 10;
  const parts: string[] = [
    `<svg id="cash-chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(zh ? '各村委现金收回本金与利息' : 'Cash principal and interest by village committee')}">`,
    `<rect x="${labelW}" y="4" width="12" height="12" fill="${PRINCIPAL_COLOUR}"/><text x="${labelW + 16}" y="14" font-size="11">${esc(zh ? '本金' : 'principal')}</text>`,
    `<rect x="${labelW + 90}" y="4" width="12" height="12" fill="${INTEREST_COLOUR}"/><text x="${labelW + 106}" y="14" font-size="11">${esc(zh ? '利息' : 'interest')}</text>`,
    `<line x1="${labelW}" y1="${top - 4}" x2="${labelW}" y2="${height - 6}" stroke="#888" stroke-width="1"/>`,
  ];
  rows.forEach((x, k) => {
    const y = top + k * rowH;
    parts.push(
      `<text x="${labelW - 6}" y="${y + 18}" font-size="11" text-anchor="end">${esc(x.label)}</text>`,
      `<rect class="bar-principal" x="${labelW}" y="${y + 2}" width="${scale(x.p)}" height="13" fill="${PRINCIPAL_COLOUR}"/>`,
      `<text x="${labelW + scale(x.p) + 4}" y="${y + 13}" font-size="10">${fenToDisplay(x.p)}</text>`,
      `<rect class="bar-interest" x="${labelW}" y="${y + 16}" width="${scale(x.i)}" height="13" fill="${INTEREST_COLOUR}"/>`,
      `<text x="${labelW + scale(x.i) + 4}" y="${y + 27}" font-size="10">${fenToDisplay(x.i)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

export function weeklyReportAsHtml(r: WeeklyReport, opts: { lang: Lang; letterhead?: DocLetterhead }): string {
  const zh = opts.lang === 'zh';
  const doc = weeklyReportDoc(r, opts.lang, opts.letterhead);
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'paragraph':
        return `<p>${esc(b.text)}</p>`;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        return `<${tag}>${b.items.map((it) => `<li>${esc(it)}</li>`).join('')}</${tag}>`;
      }
      case 'table': {
        const t = b.table;
        const head = `<tr>${t.columns.map((col) => `<th${col.align === 'right' ? ' class="num"' : ''}>${esc(col.header)}</th>`).join('')}</tr>`;
        const body = t.rows
          .map(
            (row) =>
              `<tr${row.kind === 'body' ? '' : ` class="${row.kind}"`}>${row.cells.map((x, i) => `<td${t.columns[i]!.align === 'right' ? ' class="num"' : ''}>${esc(x)}</td>`).join('')}</tr>`,
          )
          .join('\n');
        const chart = `<figure><figcaption>${esc(zh ? '各村委现金收回（元）' : 'Cash collected by village committee')}</figcaption>\n${cashChartSvg(r, opts.lang)}\n</figure>`;
        return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>\n${chart}`;
      }
      case 'reconciliation':
        return `<ul class="recon">${b.lines.map((l) => `<li>${esc(l.text)} <span class="${l.holds ? 'ok' : 'bad'}">${l.holds ? '✓' : '✗'}</span></li>`).join('')}</ul>`;
    }
  };
  const body = doc.parts.map((p) => `<section>\n<h2>${esc(p.heading)}</h2>\n${p.blocks.map(block).join('\n')}\n</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${zh ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${doc.letterhead?.heading ? `<p class="letterhead">${esc(doc.letterhead.heading)}</p>\n` : ''}<h1>${esc(doc.title)}</h1>
${doc.subtitle ? `<p class="subtitle">${esc(doc.subtitle)}</p>` : ''}
${body}
${doc.letterhead ? `<p class="sign">${esc(doc.letterhead.sign)}</p>\n` : ''}</body>
</html>
`;
}
