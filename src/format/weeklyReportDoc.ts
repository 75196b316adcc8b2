// The weekly report's words, in Chinese or English, as a small document (headings, paragraphs, lists, a table) that the text, Markdown and HTML renderers all draw.
import type { IsoDate } from '../domain/dates.js';
import { fenToDisplay } from '../domain/money.js';
import { CHANNELS, CHANNEL_LABELS, NOT_SIGNED_REASONS, REASON_LABELS } from '../domain/outcomes.js';
import { pick } from '../domain/text.js';
import type { Lang } from '../domain/text.js';
import type { Letterhead } from '../domain/letterhead.js';
import { letterheadLines, type LetterheadLines } from './letterhead.js';
import type { Figures, Matter, Person, Section, WeeklyReport } from '../report/buildWeeklyReport.js';

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; table: DocTable }
  | { kind: 'reconciliation'; lines: { text: string; holds: boolean }[] };

export interface DocTable {
  columns: { header: string; align: 'left' | 'right' }[];
  rows: { cells: string[]; kind: 'body' | 'subtotal' | 'total' }[];
}

export interface DocPart {
  heading: string;
  blocks: Block[];
}

export interface WeeklyDoc {
  lang: Lang;
  title: string;
  subtitle: string;
  parts: DocPart[];
  /** The institution heading and the 制表人/审核人/日期 line; null when the caller gave no letterhead. */
  letterhead: LetterheadLines | null;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ZH_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function parts(d: IsoDate): { y: number; m: number; d: number } {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return { y, m, d: dd };
}

function weekday(d: IsoDate): number {
  const p = parts(d);
  return new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
}

/** "11月16日至11月19日" / "16–19 November 2026"; a single day when both are the same. */
export function dateRange(lang: Lang, a: IsoDate, b: IsoDate, withYear = false): string {
  const x = parts(a);
  const y = parts(b);
  if (lang === 'zh') {
    const one = (p: { y: number; m: number; d: number }, year: boolean) => `${year ? `${p.y}年` : ''}${p.m}月${p.d}日`;
    if (a === b) return one(x, withYear);
    return `${one(x, withYear)}至${one(y, withYear && x.y !== y.y)}`;
  }
  const mon = (p: { m: number }) => EN_MONTHS[p.m - 1]!;
  if (a === b) return `${x.d} ${mon(x)} ${x.y}`;
  if (x.y !== y.y) return `${x.d} ${mon(x)} ${x.y} – ${y.d} ${mon(y)} ${y.y}`;
  if (x.m !== y.m) return `${x.d} ${mon(x)} – ${y.d} ${mon(y)} ${y.y}`;
  return `${x.d}–${y.d} ${mon(x)} ${y.y}`;
}

function shortDate(lang: Lang, d: IsoDate): string {
  const p = parts(d);
  return lang === 'zh' ? `${p.m}月${p.d}日（${ZH_WEEKDAYS[weekday(d)]}）` : `${EN_WEEKDAYS[weekday(d)]} ${p.d} ${EN_MONTHS[p.m - 1]!.slice(0, 3)}`;
}

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

function listEn(xs: string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

function names(lang: Lang, ps: Person[]): string {
  return ps.map((p) => p.name).join(lang === 'zh' ? '、' : ', ');
}

function place(lang: Lang, village: string, group: string | null): string {
  if (!group) return village;
  return lang === 'zh' ? `${village}${group}` : `${group}, ${village}`;
}

/** Where a matter arose: "涡水村委 良东二组（原黄家村村委）" / "涡水村委 良东二组 (formerly 黄家村村委)". */
export function matterPlace(lang: Lang, m: Matter): string {
  const base = m.group ? `${m.village} ${m.group}` : m.village;
  if (!m.formerVillage) return base;
  return lang === 'zh' ? `${base}（原${m.formerVillage}）` : `${base} (formerly ${m.formerVillage})`;
}

export function sectionLabel(s: { township: string; area: string | null }): string {
  return s.area ?? s.township;
}

export function sectionParagraph(lang: Lang, s: Section): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  const dates = dateRange(lang, s.firstDate, s.lastDate, !zh);
  if (zh) {
    const where = s.area ? `${s.township}${s.area}` : s.township;
    out.push(`催收小组（${s.team.join('、')}）于${dates}走访了${where}${s.villagesVisited.join('、')}。`);
    if (s.profile) {
      const bits = [
        s.profile.committees !== null ? `共有${s.profile.committees}个村委会` : null,
        s.profile.population !== null ? `人口${s.profile.population}人` : null,
        s.profile.livelihood,
      ].filter((x): x is string => !!x);
      if (bits.length) out.push(`${s.township}${bits.join('，')}。`);
    }
    out.push(`${s.area ? '该片区' : '该区域'}共有借款农户${s.households}户，已签回催收通知书${s.noticeSigned.households}户。`);
  } else {
    const where = s.area ? `${s.area}, ${s.township}` : s.township;
    out.push(`The team (${s.team.join(', ')}) visited ${listEn(s.villagesVisited)} in ${where} on ${dates}.`);
    if (s.profile) {
      const bits = [
        s.profile.committees !== null ? `${plural(s.profile.committees, 'village committee', 'village committees')}` : null,
        s.profile.population !== null ? `a population of ${n(s.profile.population)}` : null,
      ].filter((x): x is string => !!x);
      const live = s.profile.livelihood ? `; livelihood: ${s.profile.livelihood}` : '';
      if (bits.length) out.push(`${s.township} has ${bits.join(' and ')}${live}.`);
      else if (s.profile.livelihood) out.push(`${s.township}: livelihood ${s.profile.livelihood}.`);
    }
    out.push(
      `${s.area ? 'The area has' : 'The committees visited have'} ${plural(s.households, 'borrower household', 'borrower households')} with loans outstanding; ${n(s.noticeSigned.households)} signed the collection notice.`,
    );
  }
  out.push(...figureSentences(lang, s));
  return out.join(zh ? '' : ' ');
}

/** Cash, intents, not signed and why, statute expired, not reached: the sentences every section repeats. */
function figureSentences(lang: Lang, f: Figures): string[] {
  const zh = lang === 'zh';
  const out: string[] = [];
  const c = f.cash;
  if (c.households > 0) {
    out.push(
      zh
        ? `现金收回${c.households}户${c.payments}笔（${names(lang, c.borrowers)}），金额共${fenToDisplay(c.principalFen + c.interestFen)}元，其中本金${fenToDisplay(c.principalFen)}元，利息${fenToDisplay(c.interestFen)}元。`
        : `${plural(c.households, 'household', 'households')} paid cash in ${plural(c.payments, 'payment', 'payments')} (${names(lang, c.borrowers)}): ${fenToDisplay(c.principalFen + c.interestFen)} in all, principal ${fenToDisplay(c.principalFen)} and interest ${fenToDisplay(c.interestFen)}.`,
    );
  } else out.push(zh ? '本周没有现金收回。' : 'No cash was collected.');
  const i = f.intent;
  if (i.households === 1) {
    const p = i.borrowers[0]!;
    out.push(
      zh
        ? `达成还款意向1户，是${place(lang, p.village, p.group)}的${p.name}，借款本金${fenToDisplay(i.principalFen)}元。`
        : `1 household reached a repayment intent: ${p.name} of ${place(lang, p.village, p.group)}, loan principal ${fenToDisplay(i.principalFen)}.`,
    );
  } else if (i.households > 1) {
    out.push(
      zh
        ? `达成还款意向${i.households}户，分别是${names(lang, i.borrowers)}，借款本金${fenToDisplay(i.principalFen)}元。`
        : `${n(i.households)} households reached a repayment intent (${names(lang, i.borrowers)}), loan principal ${fenToDisplay(i.principalFen)}.`,
    );
  }
  const ns = f.notSigned;
  if (ns.households > 0) {
    const reasons = NOT_SIGNED_REASONS.filter((r) => ns.reasons[r] > 0).map((r) => {
      const label = REASON_LABELS[r][lang];
      const wheres = r === 'away' ? [...new Set(ns.away.map((a) => a.where).filter((w): w is string => !!w))] : [];
      const where = wheres.length ? (zh ? `（${wheres.join('、')}）` : ` (${wheres.join(', ')})`) : '';
      return zh ? `${label}${ns.reasons[r]}户${where}` : `${n(ns.reasons[r])} ${label}${where}`;
    });
    out.push(
      zh
        ? `未签回通知书${ns.households}户：${reasons.join('，')}。`
        : `${plural(ns.households, 'household', 'households')} did not sign: ${reasons.join(', ')}.`,
    );
  }
  const se = f.statuteExpired;
  if (se.households > 0) {
    out.push(
      zh
        ? `已丧失诉讼时效${se.households}户（${names(lang, se.borrowers)}）。`
        : `${plural(se.households, 'household is', 'households are')} statute expired (${names(lang, se.borrowers)}).`,
    );
  }
  if (f.notReached.households > 0) {
    out.push(
      zh
        ? `尚未送达通知书${f.notReached.households}户。`
        : `${plural(f.notReached.households, 'household was', 'households were')} not reached with a notice.`,
    );
  }
  return out;
}

function villageTable(lang: Lang, r: WeeklyReport): DocTable {
  const zh = lang === 'zh';
  const H = (z: string, e: string, align: 'left' | 'right' = 'right') => ({ header: zh ? z : e, align });
  const columns = [
    H('区域', 'section', 'left'),
    H('村委', 'committee', 'left'),
    H('户数', 'households'),
    H('已走访', 'visited'),
    H('已签回', 'signed'),
    H('未签回', 'not signed'),
    H('未送达', 'not reached'),
    H('收回本金', 'cash principal'),
    H('收回利息', 'cash interest'),
    H('还款意向', 'intents'),
  ];
  const cells = (label: string, village: string, f: Figures) => [
    label,
    village,
    n(f.households),
    n(f.householdsVisited),
    n(f.noticeSigned.households),
    n(f.notSigned.households),
    n(f.notReached.households),
    fenToDisplay(f.cash.principalFen),
    fenToDisplay(f.cash.interestFen),
    n(f.intent.households),
  ];
  const rows: DocTable['rows'] = [];
  for (const s of r.sections) {
    s.villages.forEach((v, i) => rows.push({ cells: cells(i === 0 ? sectionLabel(s) : '', v.village, v), kind: 'body' }));
    if (r.sections.length > 1) rows.push({ cells: cells('', zh ? '小计' : 'subtotal', s), kind: 'subtotal' });
  }
  rows.push({ cells: cells(zh ? '合计' : 'Total', '', r.totals), kind: 'total' });
  return { columns, rows };
}

function reconciliationLine(lang: Lang, label: string, f: Figures): { text: string; holds: boolean } {
  const holds = f.households === f.noticeSigned.households + f.notSigned.households + f.notReached.households;
  const text =
    lang === 'zh'
      ? `${label}：借款农户 ${f.households} = 已签回 ${f.noticeSigned.households} + 未签回 ${f.notSigned.households} + 本周未送达 ${f.notReached.households}`
      : `${label}: households ${f.households} = signed ${f.noticeSigned.households} + not signed ${f.notSigned.households} + not reached this week ${f.notReached.households}`;
  return { text, holds };
}

/** Letterhead for a printed report: the settings and the date the report was prepared. */
export interface DocLetterhead {
  letterhead: Letterhead;
  preparedOn?: IsoDate;
}

export function weeklyReportDoc(r: WeeklyReport, lang: Lang, lh?: DocLetterhead): WeeklyDoc {
  const zh = lang === 'zh';
  const w = r.week;
  const range = dateRange(lang, w.start, w.end, true);
  const title = zh
    ? `催收周报 ${w.iso ?? ''}（${range}）`.replace('周报 （', '周报（')
    : `Weekly collection report${w.iso ? ` ${w.iso}` : ''} (${range})`;
  const scope: string[] = [];
  const townships = [...new Set(r.sections.map((s) => s.township))];
  if (townships.length) scope.push(zh ? `乡镇：${townships.join('、')}` : `Townships: ${townships.join(', ')}`);
  if (r.scope.officer) scope.push(zh ? `催收员：${r.scope.officer}` : `Officer: ${r.scope.officer}`);
  const subtitle = scope.join(zh ? '；' : '; ');

  const visits: Block[] = r.sections.length
    ? r.sections.map((s) => ({ kind: 'paragraph', text: (zh ? `【${sectionLabel(s)}】` : `${sectionLabel(s)}. `) + sectionParagraph(lang, s) }))
    : [{ kind: 'paragraph', text: zh ? '本周没有走访记录。' : 'No visits were recorded this week.' }];
  // Calls, messages, letters and office visits: a line of their own; the figures above are field visits only.
  const others = CHANNELS.filter((c) => c !== 'visit' && (r.otherContacts[c] ?? 0) > 0);
  if (others.length) {
    const parts = others.map((c) => `${pick(CHANNEL_LABELS[c], lang)} ${r.otherContacts[c]}`);
    visits.push({
      kind: 'paragraph',
      text: zh ? `本周另有其他方式联系：${parts.join('，')} 次（不计入上述走访数字）。` : `Other contacts this week: ${parts.join(', ')} (not in the field-visit figures above).`,
    });
  }

  const matters: Block = r.totals.matters.length
    ? { kind: 'list', ordered: true, items: r.totals.matters.map((m) => `${matterPlace(lang, m)}${zh ? '：' : ': '}${m.text}`) }
    : { kind: 'paragraph', text: zh ? '无。' : 'None.' };

  const due = r.nextWeek.promisesDue;
  const nextBlocks: Block[] = [
    {
      kind: 'paragraph',
      text: zh
        ? `继续跟进有还款意向的农户。${dateRange(lang, r.nextWeek.start, r.nextWeek.end)}到期的还款承诺${due.length ? `${due.length}笔：` : '：无。'}`
        : `Keep following up the households with an intent. Promises falling due ${dateRange(lang, r.nextWeek.start, r.nextWeek.end)}: ${due.length ? `${due.length}.` : 'none.'}`,
    },
  ];
  if (due.length) {
    nextBlocks.push({
      kind: 'list',
      ordered: false,
      items: due.map((p) =>
        zh
          ? `${shortDate(lang, p.dueDate)} ${p.borrower} ${fenToDisplay(p.amountFen)}元（${place(lang, p.village, p.group)}）`
          : `${shortDate(lang, p.dueDate)}: ${p.borrower}, ${fenToDisplay(p.amountFen)} (${place(lang, p.village, p.group)})`,
      ),
    });
  }
  nextBlocks.push({
    kind: 'paragraph',
    text: zh ? `下周走访乡镇：${r.nextWeek.township ?? '（待定）'}` : `Next township: ${r.nextWeek.township ?? '(to be decided)'}`,
  });

  const recon: Block = {
    kind: 'reconciliation',
    lines: [
      ...(r.sections.length > 1 ? r.sections.map((s) => reconciliationLine(lang, sectionLabel(s), s)) : []),
      reconciliationLine(lang, zh ? '合计' : 'Total', r.totals),
    ],
  };
  // Field cash the back office's ledger does not show yet (src/domain/posting.ts): the classic loss in the field.
  const c = r.totals.cash;
  const unposted: Block = {
    kind: 'paragraph',
    text: zh
      ? `本周现金收回 ${fenToDisplay(c.principalFen + c.interestFen)} 元，其中尚未入账（后台余额尚未显示）${fenToDisplay(c.unpostedFen)} 元；逐笔见 fieldvisit reconcile。`
      : `Of the week's cash, ${fenToDisplay(c.principalFen + c.interestFen)}, the ledger does not show ${fenToDisplay(c.unpostedFen)} yet (not yet posted); see fieldvisit reconcile for each payment.`,
  };

  return {
    lang,
    title,
    subtitle,
    letterhead: lh ? letterheadLines(lh.letterhead, lh.preparedOn ?? null, lang) : null,
    parts: [
      { heading: zh ? '一、走访情况' : '1. Visits', blocks: visits },
      { heading: zh ? '二、需协调解决的事项' : '2. Matters to escalate', blocks: [matters] },
      { heading: zh ? '三、下周工作计划' : '3. Next week', blocks: nextBlocks },
      { heading: zh ? '四、分村委统计' : '4. By village committee', blocks: [{ kind: 'table', table: villageTable(lang, r) }] },
      { heading: zh ? '五、核对' : '5. Reconciliation', blocks: c.payments ? [recon, unposted] : [recon] },
    ],
  };
}
