// The weekly report's renderers, one per format in the registry: one builder, one document, one renderer per format.
import { EMPTY_LETTERHEAD } from '../domain/letterhead.js';
import type { WeeklyReport } from '../report/buildWeeklyReport.js';
import type { RendererMap, RenderOptions } from './render.js';
import { weeklyReportAsCsv } from './weeklyReportAsCsv.js';
import { weeklyReportAsHtml } from './weeklyReportAsHtml.js';
import { weeklyReportAsJson } from './weeklyReportAsJson.js';
import { weeklyReportAsMarkdown } from './weeklyReportAsMarkdown.js';
import { weeklyReportAsText } from './weeklyReportAsText.js';
import { weeklyReportAsWechat } from './weeklyReportAsWechat.js';
import { weeklyReportAsXlsx } from './weeklyReportAsXlsx.js';

/** The letterhead for the text, md, json and html renderers: every key present, and the day the report is made. */
function doc(o: RenderOptions) {
  return o.letterhead ? { letterhead: { ...EMPTY_LETTERHEAD, ...o.letterhead }, preparedOn: o.today } : undefined;
}

export const weeklyRenderers: RendererMap<'report weekly', WeeklyReport> = {
  text: (r, o) => weeklyReportAsText(r, { lang: o.lang, color: o.color, ascii: o.ascii, width: o.width, letterhead: doc(o) }),
  md: (r, o) => weeklyReportAsMarkdown(r, { lang: o.lang, letterhead: doc(o) }),
  json: (r, o) => weeklyReportAsJson(r, { trace: o.trace, letterhead: doc(o) }),
  csv: (r, o) => weeklyReportAsCsv(r, o.headers),
  html: (r, o) => weeklyReportAsHtml(r, { lang: o.lang, letterhead: doc(o) }),
  xlsx: (r, o) => weeklyReportAsXlsx(r, { lang: o.lang, letterhead: o.letterhead, today: o.today }),
  wechat: (r, o) => weeklyReportAsWechat(r, { lang: o.lang }),
};
