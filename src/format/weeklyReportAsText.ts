// The weekly report for a terminal: prose, lists and an aligned table (Chinese counts double width); colour only when asked.
import { Chalk } from 'chalk';
import type { WeeklyReport } from '../report/buildWeeklyReport.js';
import type { Lang } from '../domain/text.js';
import { renderTable } from './table.js';
import { weeklyReportDoc, type Block, type DocLetterhead } from './weeklyReportDoc.js';

export interface TextOptions {
  lang: Lang;
  color?: boolean;
  ascii?: boolean;
  letterhead?: DocLetterhead;
  width?: number;
}

export function weeklyReportAsText(r: WeeklyReport, opts: TextOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const doc = weeklyReportDoc(r, opts.lang, opts.letterhead);
  const out: string[] = [];
  if (doc.letterhead?.heading) out.push(c.bold(doc.letterhead.heading), '');
  out.push(c.bold(doc.title));
  if (doc.subtitle) out.push(doc.subtitle);
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'paragraph':
        return b.text;
      case 'list':
        return b.items.map((it, i) => `  ${b.ordered ? `${i + 1}.` : '-'} ${it}`).join('\n');
      case 'table':
        return renderTable(
          b.table.columns.map((col) => ({ header: col.header, align: col.align })),
          b.table.rows.map((row) => (row.kind === 'body' ? row.cells : row.cells.map((x) => c.bold(x)))),
          { ascii: opts.ascii, width: opts.width },
        ).trimEnd();
      case 'reconciliation':
        return b.lines.map((l) => `${l.text} ${l.holds ? c.green('✓') : c.red('✗')}`).join('\n');
    }
  };
  for (const part of doc.parts) {
    out.push('', c.bold.cyan(part.heading));
    for (const b of part.blocks) out.push(block(b));
  }
  if (doc.letterhead) out.push('', doc.letterhead.sign);
  return out.join('\n') + '\n';
}
