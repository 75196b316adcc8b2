// Picks the weekly report's renderer for a format: one builder, one renderer per format.
import type { Lang } from '../domain/text.js';
import type { IsoDate } from '../domain/dates.js';
import type { Letterhead } from '../domain/letterhead.js';
import type { WeeklyReport } from '../report/buildWeeklyReport.js';
import { weeklyReportAsCsv } from './weeklyReportAsCsv.js';
import { weeklyReportAsHtml } from './weeklyReportAsHtml.js';
import { weeklyReportAsJson } from './weeklyReportAsJson.js';
import { weeklyReportAsMarkdown } from './weeklyReportAsMarkdown.js';
import { weeklyReportAsText } from './weeklyReportAsText.js';

export type WeeklyFormat = 'text' | 'md' | 'json' | 'csv' | 'html';

export interface RenderOptions {
  lang: Lang;
  color?: boolean;
  trace?: boolean;
  ascii?: boolean;
  /** Printed as a heading and 制表人/审核人/日期 lines (text, md, html) and as JSON's `letterhead`. */
  letterhead?: Letterhead;
  /** The date on the 日期 line (the day the report is made). */
  preparedOn?: IsoDate;
}

export function renderWeeklyReport(r: WeeklyReport, format: WeeklyFormat, opts: RenderOptions): string {
  const lh = opts.letterhead ? { letterhead: opts.letterhead, preparedOn: opts.preparedOn } : undefined;
  switch (format) {
    case 'text':
      return weeklyReportAsText(r, { lang: opts.lang, color: opts.color, ascii: opts.ascii, letterhead: lh });
    case 'md':
      return weeklyReportAsMarkdown(r, { lang: opts.lang, letterhead: lh });
    case 'json':
      return weeklyReportAsJson(r, { trace: opts.trace, letterhead: lh });
    case 'csv':
      return weeklyReportAsCsv(r);
    case 'html':
      return weeklyReportAsHtml(r, { lang: opts.lang, letterhead: lh });
  }
}
