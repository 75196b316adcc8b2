// The weekly report's renderers, one per format in the registry: one builder, one document, one renderer per format.
import type { WeeklyReport } from '../report/buildWeeklyReport.js';
import type { RendererMap } from './render.js';
import { weeklyReportAsCsv } from './weeklyReportAsCsv.js';
import { weeklyReportAsHtml } from './weeklyReportAsHtml.js';
import { weeklyReportAsJson } from './weeklyReportAsJson.js';
import { weeklyReportAsMarkdown } from './weeklyReportAsMarkdown.js';
import { weeklyReportAsText } from './weeklyReportAsText.js';
import { weeklyReportAsWechat } from './weeklyReportAsWechat.js';
import { weeklyReportAsXlsx } from './weeklyReportAsXlsx.js';

export const weeklyRenderers: RendererMap<'report weekly', WeeklyReport> = {
  text: (r, o) => weeklyReportAsText(r, { lang: o.lang, color: o.color, ascii: o.ascii }),
  md: (r, o) => weeklyReportAsMarkdown(r, { lang: o.lang }),
  json: (r, o) => weeklyReportAsJson(r, { trace: o.trace }),
  csv: (r, o) => weeklyReportAsCsv(r, o.headers),
  html: (r, o) => weeklyReportAsHtml(r, { lang: o.lang }),
  xlsx: (r, o) => weeklyReportAsXlsx(r, { lang: o.lang, letterhead: o.letterhead, today: o.today }),
  wechat: (r, o) => weeklyReportAsWechat(r, { lang: o.lang }),
};
