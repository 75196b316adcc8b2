// The weekly report as plain text to paste into WeChat: no box drawing, no colour, lines of at most 60 columns (30 Chinese characters), the prose and key figures per township and area, then matters and next week.
import { fenToDisplay } from '../domain/money.js';
import type { Lang } from '../domain/text.js';
import type { Figures, WeeklyReport } from '../report/buildWeeklyReport.js';
import { charWidth, displayWidth } from './displayWidth.js';
import { dateRange, matterPlace, sectionLabel, sectionParagraph, weeklyReportDoc } from './weeklyReportDoc.js';

export const WECHAT_WIDTH = 60;

/** Punctuation that must not begin a line, and that must not end one. */
const NO_START = new Set([...'，。、；：？！）」』”’》〉】,.;:?!)]%']);
const NO_END = new Set([...'（「『“‘《〈【([']);

/**
 * Runs of ASCII letters and figures (amounts such as 1,550.00, dates) stay whole; Chinese breaks between characters.
 * English text breaks at spaces only, so a Chinese name inside it stays whole too.
 */
function tokens(s: string, spacesOnly: boolean): string[] {
  const raw = (spacesOnly ? s.match(/\S+|\s/gu) : s.match(/[\x21-\x7e]+|\s|./gu)) ?? [];
  const out: string[] = [];
  for (const t of raw) {
    const prev = out[out.length - 1];
    if (prev !== undefined && (NO_START.has([...t][0]!) || NO_END.has([...prev].pop()!)) && t.trim() !== '') out[out.length - 1] = prev + t;
    else out.push(t);
  }
  return out;
}

/** Wraps at `width` display columns, never inside a run of figures or a word, never starting a line with closing punctuation. */
export function wrapForWechat(s: string, width = WECHAT_WIDTH, indent = '', spacesOnly = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const t of tokens(s, spacesOnly)) {
    if (line === '' && t.trim() === '') continue;
    if (line !== '' && displayWidth(line + t) > width) {
      lines.push(line.trimEnd());
      line = indent;
      if (t.trim() === '') continue;
    }
    if (displayWidth(line + t) > width) {
      // A single token wider than a line (a very long number or word): cut it by width.
      for (const ch of t) {
        if (displayWidth(line) + charWidth(ch) > width) {
          lines.push(line);
          line = indent;
        }
        line += ch;
      }
    } else line += t;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

function keyFigures(f: Figures, lang: Lang): string[] {
  const zh = lang === 'zh';
  const y = (fen: number) => fenToDisplay(fen) + (zh ? '元' : '');
  return zh
    ? [
        `借款农户：${f.households}户`,
        `已签回：${f.noticeSigned.households}户；未签回：${f.notSigned.households}户`,
        `现金收回：本金${y(f.cash.principalFen)}，利息${y(f.cash.interestFen)}`,
        ...(f.cash.unpostedFen ? [`其中尚未入账：${y(f.cash.unpostedFen)}`] : []),
        `还款意向：${f.intent.households}户（本金${y(f.intent.principalFen)}）`,
        `已丧失诉讼时效：${f.statuteExpired.households}户`,
      ]
    : [
        `Households: ${f.households}`,
        `Signed: ${f.noticeSigned.households}; not signed: ${f.notSigned.households}`,
        `Cash: principal ${y(f.cash.principalFen)}, interest ${y(f.cash.interestFen)}`,
        ...(f.cash.unpostedFen ? [`Not yet posted: ${y(f.cash.unpostedFen)}`] : []),
        `Intents: ${f.intent.households} (principal ${y(f.intent.principalFen)})`,
        `Statute expired: ${f.statuteExpired.households}`,
      ];
}

export function weeklyReportAsWechat(r: WeeklyReport, opts: { lang: Lang }): string {
  const lang = opts.lang;
  const zh = lang === 'zh';
  const doc = weeklyReportDoc(r, lang);
  const wrap = (s: string, indent = '') => wrapForWechat(s, WECHAT_WIDTH, indent, !zh);
  const out: string[] = [...wrap(doc.title)];
  if (doc.subtitle) out.push(...wrap(doc.subtitle));
  const bullet = (s: string) => wrap(`· ${s}`, '  ');
  if (r.sections.length === 0) out.push('', zh ? '本周没有走访记录。' : 'No visits were recorded this week.');
  for (const s of r.sections) {
    out.push('', zh ? `【${sectionLabel(s)}】` : `[${sectionLabel(s)}]`);
    out.push(...wrap(sectionParagraph(lang, s)));
    for (const k of keyFigures(s, lang)) out.push(...bullet(k));
    out.push(...bullet(zh ? `需协调事项：${s.matters.length}项` : `Matters to escalate: ${s.matters.length}`));
  }
  if (r.sections.length > 1) {
    out.push('', zh ? '【合计】' : '[Total]');
    for (const k of keyFigures(r.totals, lang)) out.push(...bullet(k));
  }
  if (r.totals.matters.length) {
    out.push('', zh ? '【需协调事项】' : '[Matters to escalate]');
    r.totals.matters.forEach((m, i) => out.push(...wrap(`${i + 1}. ${matterPlace(lang, m)}${zh ? '：' : ': '}${m.text}`, '   ')));
  }
  out.push('', zh ? '【下周】' : '[Next week]');
  const due = r.nextWeek.promisesDue;
  const range = dateRange(lang, r.nextWeek.start, r.nextWeek.end);
  out.push(...wrap(zh ? `${range}到期的还款承诺${due.length ? `${due.length}笔：` : '：无。'}` : `Promises falling due ${range}: ${due.length ? `${due.length}.` : 'none.'}`));
  for (const p of due) {
    const d = dateRange(lang, p.dueDate, p.dueDate);
    out.push(...bullet(zh ? `${d} ${p.borrower} ${fenToDisplay(p.amountFen)}元` : `${d}: ${p.borrower}, ${fenToDisplay(p.amountFen)}`));
  }
  out.push(...wrap(zh ? `下周走访乡镇：${r.nextWeek.township ?? '（待定）'}` : `Next township: ${r.nextWeek.township ?? '(to be decided)'}`));
  return out.join('\n') + '\n';
}
