// The weekly report as Markdown: the same words as the text output, with headings, lists and a pipe table.
import type { WeeklyReport } from '../report/buildWeeklyReport.js';
import type { Lang } from '../domain/text.js';
import { weeklyReportDoc, type Block, type DocLetterhead } from './weeklyReportDoc.js';

/** Keeps names and free text from breaking the Markdown around them. */
function esc(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*_`<>#[\]])/g, '\\$1').replace(/\r?\n/g, ' ');
}

export function weeklyReportAsMarkdown(r: WeeklyReport, opts: { lang: Lang; letterhead?: DocLetterhead }): string {
  const doc = weeklyReportDoc(r, opts.lang, opts.letterhead);
  const out: string[] = [];
  if (doc.letterhead?.heading) out.push(`**${esc(doc.letterhead.heading)}**`, '');
  out.push(`# ${esc(doc.title)}`);
  if (doc.subtitle) out.push('', esc(doc.subtitle));
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'paragraph':
        return esc(b.text);
      case 'list':
        return b.items.map((it, i) => `${b.ordered ? `${i + 1}.` : '-'} ${esc(it)}`).join('\n');
      case 'table': {
        const t = b.table;
        const head = `| ${t.columns.map((col) => esc(col.header)).join(' | ')} |`;
        const rule = `| ${t.columns.map((col) => (col.align === 'right' ? '---:' : '---')).join(' | ')} |`;
        const rows = t.rows.map((row) => `| ${row.cells.map((x) => (x === '' ? '' : row.kind === 'body' ? esc(x) : `**${esc(x)}**`)).join(' | ')} |`);
        return [head, rule, ...rows].join('\n');
      }
      case 'reconciliation':
        return b.lines.map((l) => `- ${esc(l.text)} ${l.holds ? '✓' : '✗'}`).join('\n');
    }
  };
  for (const part of doc.parts) {
    out.push('', `## ${esc(part.heading)}`);
    for (const b of part.blocks) out.push('', block(b));
  }
  if (doc.letterhead) out.push('', esc(doc.letterhead.sign));
  return out.join('\n') + '\n';
}
