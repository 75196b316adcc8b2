// Picks the weekly report's renderer for a format: one builder, one renderer per format.
import type { Lang } from '../domain/text.js';
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
  width?: number;
}

export function renderWeeklyReport(r: WeeklyReport, format: WeeklyFormat, opts: RenderOptions): string {
  switch (format) {
    case 'text':
      return weeklyReportAsText(r, { lang: opts.lang, color: opts.color, ascii: opts.ascii, width: opts.width });
    case 'md':
      return weeklyReportAsMarkdown(r, { lang: opts.lang });
    case 'json':
      return weeklyReportAsJson(r, { trace: opts.trace });
    case 'csv':
      return weeklyReportAsCsv(r);
    case 'html':
      return weeklyReportAsHtml(r, { lang: opts.lang });
  }
}
