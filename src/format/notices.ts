// Renders collection notices (text, and a printable A4 HTML page with the borrower's copy and the receipt) and the register.
import { escapeHtml as esc } from './html.js';
import type { Lang } from '../domain/text.js';
import { pick } from '../domain/text.js';
import { fenToDisplay, yuanInCapitals } from '../domain/money.js';
import { NOTICE_TYPE_INFO, noticeDeadline, noticeWording, type NoticeFacts, type NoticeType } from '../domain/notice.js';
import { EMPTY_LETTERHEAD, lenderName, writtenDate, type Letterhead } from '../domain/letterhead.js';
import type { IsoDate } from '../domain/dates.js';
import type { NoticeRow } from '../db/notices.js';
import { asJson, renderTable } from './table.js';
import { money as moneyCell, tableAsCsv, type DataTable } from './csv.js';
import type { RendererMap } from './render.js';
import type { CsvHeaders } from './registry.js';
import { tableWorkbook } from './xlsx.js';

function typeLabel(t: NoticeType | null, lang: Lang): string {
  return t ? pick(NOTICE_TYPE_INFO[t].label, lang) : lang === 'zh' ? '外部通知书' : 'external notice';
}

function addressee(n: NoticeRow): string {
  return n.type === 'guarantor' && n.guarantor ? n.guarantor : n.borrower;
}

/** Who signs the receipt: the guarantor for a guarantor notice, else the borrower. */
function signer(n: NoticeRow, zh: boolean): { who: string; copy: string } {
  const g = n.type === 'guarantor';
  return zh ? { who: g ? '保证人' : '借款人', copy: g ? '保证人留存联' : '借款人留存联' } : { who: g ? 'Guarantor' : 'Borrower', copy: g ? 'guarantor’s copy' : 'borrower’s copy' };
}

export interface NoticeRenderOptions {
  /** The lender's name and contact details (config set institution|branch|phone|address). */
  letterhead?: Letterhead;
  /** Set for `notice print`: the copy is marked 补打 / reprint with this date. */
  reprintedOn?: IsoDate | null;
}

/** A notice laid out once, drawn by the text and HTML renderers alike. */
interface NoticeDoc {
  heading: string | null;
  title: string;
  no: string;
  reprint: string | null;
  to: string;
  paragraphs: string[];
  facts: [string, string][];
  contact: string | null;
  lenderSign: string;
  receipt: { to: string; ack: string; facts: [string, string][]; signLines: string[] };
}

const BLANK = '__________';

function money(fen: number | null, zh: boolean): string {
  const f = fen ?? 0;
  if (f < 0) return zh ? `${fenToDisplay(f)}元` : `RMB ${fenToDisplay(f)}`;
  return zh ? `${fenToDisplay(f)}元（${yuanInCapitals(f)}）` : `RMB ${fenToDisplay(f)} (${yuanInCapitals(f)})`;
}

function noticeDoc(n: NoticeRow, lang: Lang, o: NoticeRenderOptions): NoticeDoc {
  if (!n.type || !n.issuedOn) throw new Error(`notice ${n.noticeNo} has no type or issue date: an external number cannot be printed`);
  const zh = lang === 'zh';
  const l = o.letterhead ?? EMPTY_LETTERHEAD;
  const lender = lenderName(l, lang);
  const facts: NoticeFacts = {
    type: n.type,
    lender,
    borrower: n.borrower,
    loanNo: n.loanNo,
    loanDate: n.loanDate,
    dueDate: n.dueDate,
    issuedOn: n.issuedOn,
    principalFen: n.principalFen ?? 0,
    interestFen: n.interestFen ?? 0,
    payBy: n.payBy,
  };
  const w = noticeWording(facts, lang);
  const wd = (d: IsoDate | null) => (d ? writtenDate(d, lang) : '—');
  const place = [n.township, n.village, n.group].filter(Boolean).join(zh ? '' : ' ');
  const g = n.type === 'guarantor';
  const total = (n.principalFen ?? 0) + (n.interestFen ?? 0);
  const rows: [string, string][] = [];
  if (g) {
    rows.push([zh ? '保证人' : 'Guarantor', n.guarantor ?? '—'], [zh ? '保证人地址' : 'Guarantor’s address', n.guarantorAddress ?? BLANK]);
  }
  rows.push(
    [zh ? '借款人' : 'Borrower', n.borrower],
    [zh ? '借款人住址' : 'Borrower’s address', place],
    [zh ? '借款合同编号' : 'Loan contract no.', n.loanNo],
    [zh ? '借款日期 / 到期日期' : 'Loan date / due date', `${wd(n.loanDate)} / ${wd(n.dueDate)}`],
    [zh ? `截至${writtenDate(n.issuedOn, lang)}欠本金` : `Principal owed at ${writtenDate(n.issuedOn, lang)}`, money(n.principalFen, zh)],
    [zh ? '欠利息' : 'Interest owed', money(n.interestFen, zh)],
    [zh ? '合计' : 'Total', money(total, zh)],
    [zh ? '还款期限' : 'Pay by', n.payBy ? writtenDate(n.payBy, lang) : pick(noticeDeadline(facts), lang)],
  );
  const contactBits = [l.phone ? (zh ? `联系电话：${l.phone}` : `Phone: ${l.phone}`) : null, l.address ? (zh ? `联系地址：${l.address}` : `Address: ${l.address}`) : null].filter(
    (x): x is string => !!x,
  );
  const who = signer(n, zh).who;
  return {
    heading: lender,
    title: zh ? typeLabel(n.type, lang) : typeLabel(n.type, lang).replace(/^./, (c) => c.toUpperCase()),
    no: n.noticeNo,
    reprint: o.reprintedOn
      ? zh
        ? `补打（补打日期：${writtenDate(o.reprintedOn, lang)}，原发出日期：${writtenDate(n.issuedOn, lang)}）`
        : `Reprint (printed ${writtenDate(o.reprintedOn, lang)}; first issued ${writtenDate(n.issuedOn, lang)})`
      : null,
    to: zh ? `${addressee(n)}：` : `To ${addressee(n)}:`,
    paragraphs: w.paragraphs,
    facts: rows,
    contact: contactBits.length ? contactBits.join(zh ? '　' : '    ') : null,
    lenderSign: zh ? `贷款人（盖章）：${lender ?? BLANK}　　${writtenDate(n.issuedOn, lang)}` : `Lender (seal): ${lender ?? BLANK}    ${writtenDate(n.issuedOn, lang)}`,
    receipt: {
      to: zh ? `${lender ?? '贷款人'}：` : `To ${lender ?? 'the lender'}:`,
      ack: w.acknowledgement,
      facts: [
        [zh ? '借款合同编号' : 'Loan contract no.', n.loanNo],
        [zh ? '欠本金' : 'Principal owed', money(n.principalFen, zh)],
        [zh ? '欠利息' : 'Interest owed', money(n.interestFen, zh)],
        [zh ? '合计' : 'Total', money(total, zh)],
      ],
      signLines: zh
        ? [`${who}（签字）：${BLANK}　　签收日期：____年__月__日`, `代签人及与${who}关系（同住成年家属）：${BLANK}`, `送达人（签字）：${BLANK}`]
        : [`${signer(n, false).who} (signature): ${BLANK}    Date received: ____-__-__`, `Signed for by (co-resident adult relative, relation): ${BLANK}`, `Delivered by (signature): ${BLANK}`],
    },
  };
}

/** The notice as plain text: the addressee's copy, a cut line, and the receipt. */
export function noticeAsText(n: NoticeRow, lang: Lang, o: NoticeRenderOptions = {}): string {
  const zh = lang === 'zh';
  const d = noticeDoc(n, lang, o);
  const head = (label: string) => [
    ...(d.heading ? [d.heading] : []),
    zh ? `${d.title}（${label}）` : `${d.title} (${label})`,
    ...(d.reprint ? [d.reprint] : []),
    `${zh ? '编号' : 'No.'}: ${d.no}`,
    '',
  ];
  const first = [
    ...head(signer(n, zh).copy),
    d.to,
    ...d.paragraphs.map((p) => `  ${p}`),
    '',
    ...d.facts.map(([k, v]) => `  ${k}: ${v}`),
    '',
    ...(d.contact ? [`  ${d.contact}`] : []),
    d.lenderSign,
  ];
  const receipt = [...head(zh ? '回执联' : 'receipt'), d.receipt.to, `  ${d.receipt.ack}`, '', ...d.receipt.facts.map(([k, v]) => `  ${k}: ${v}`), '', ...d.receipt.signLines];
  const cut = '\n' + '-'.repeat(24) + (zh ? ' 沿此线剪开 ' : ' cut here ') + '-'.repeat(24) + '\n\n';
  return first.join('\n') + '\n' + cut + receipt.join('\n') + '\n';
}


/** A self-contained A4 page (no outside requests): the addressee's copy above, the receipt below, a cut line between. */
export function noticeAsHtml(n: NoticeRow, lang: Lang, o: NoticeRenderOptions = {}): string {
  const zh = lang === 'zh';
  const d = noticeDoc(n, lang, o);
  const head = (label: string) => `
  ${d.heading ? `<p class="lender">${esc(d.heading)}</p>` : ''}
  <h1>${esc(d.title)}<span class="which">${zh ? `（${esc(label)}）` : ` (${esc(label)})`}</span></h1>
  ${d.reprint ? `<p class="reprint">${esc(d.reprint)}</p>` : ''}
  <p class="no">${zh ? `编号：${esc(d.no)}` : `No.: ${esc(d.no)}`}</p>`;
  const table = (rows: [string, string][]) => `<table>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
  const first = `
<section class="copy">${head(signer(n, zh).copy)}
  <p class="to">${esc(d.to)}</p>
  ${d.paragraphs.map((p) => `<p class="body">${esc(p)}</p>`).join('\n  ')}
  ${table(d.facts)}
  ${d.contact ? `<p class="contact">${esc(d.contact)}</p>` : ''}
  <p class="sign right">${esc(d.lenderSign)}</p>
</section>`;
  const receipt = `
<section class="copy">${head(zh ? '回执联' : 'receipt')}
  <p class="to">${esc(d.receipt.to)}</p>
  <p class="body">${esc(d.receipt.ack)}</p>
  ${table(d.receipt.facts)}
  ${d.receipt.signLines.map((x) => `<p class="sign">${esc(x)}</p>`).join('\n  ')}
</section>`;
  return `<!doctype html>
<html lang="${zh ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${esc(d.title)} ${esc(d.no)}</title>
<style>
  @page { size: A4; margin: 10mm 14mm; }
  html, body { margin: 0; padding: 0; }
  body { font-family: "SimSun", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", serif; font-size: 10pt; color: #000; }
  .page { width: 180mm; margin: 0 auto; }
  .copy { box-sizing: border-box; padding: 1mm 2mm; break-inside: avoid; }
  .lender { text-align: center; font-size: 11pt; margin: 0 0 1mm; letter-spacing: 1pt; }
  h1 { font-size: 14pt; text-align: center; margin: 0 0 1mm; letter-spacing: 1pt; }
  h1 .which { font-size: 10pt; font-weight: normal; }
  .reprint { text-align: center; font-weight: bold; margin: 0 0 1mm; }
  .no { text-align: right; margin: 0 0 1mm; }
  .to { margin: 1mm 0; }
  .body { text-indent: 2em; line-height: 1.4; margin: 0.5mm 0; }
  table { border-collapse: collapse; width: 100%; margin: 1mm 0; font-size: 9pt; }
  th, td { border: 0.3mm solid #000; padding: 0.3mm 2mm; text-align: left; font-weight: normal; }
  th { width: 32%; }
  .contact { margin: 1mm 0; }
  .sign { margin: 2mm 0; }
  .right { text-align: right; }
  .cut { border-top: 0.3mm dashed #000; text-align: center; font-size: 9pt; margin: 2.5mm 0 1.5mm; }
  .cut span { position: relative; top: -0.7em; background: #fff; padding: 0 2mm; }
</style>
</head>
<body>
<div class="page">${first}
<div class="cut"><span>${zh ? '沿此线剪开' : 'cut here'}</span></div>${receipt}
</div>
</body>
</html>
`;
}

/** void beats signed: a voided notice is withdrawn whatever happened to the paper. */
export function noticeStatus(n: NoticeRow): 'void' | 'signed' | 'external' | 'outstanding' {
  return n.voidedAt ? 'void' : n.signedOn ? 'signed' : n.external ? 'external' : 'outstanding';
}

export function noticeJson(n: NoticeRow) {
  return {
    notice_no: n.noticeNo,
    type: n.type,
    issued_on: n.issuedOn,
    external: n.external,
    loan_no: n.loanNo,
    borrower_id: n.borrowerId,
    borrower: n.borrower,
    township: n.township,
    village: n.village,
    principal_fen: n.principalFen,
    interest_fen: n.interestFen,
    signed_on: n.signedOn,
    signed_by: n.signedBy,
    relation: n.relation,
    signed_visit_id: n.signedVisitId,
    status: noticeStatus(n),
    pay_by: n.payBy,
    voided_at: n.voidedAt,
    void_reason: n.voidReason,
    voided_by: n.voidedBy,
  };
}

export function noticesAsJson(rows: NoticeRow[]): string {
  return asJson(rows.map(noticeJson));
}

/** The same fields as noticesAsJson, amounts in yuan. */
export function noticesTable(rows: NoticeRow[]): DataTable {
  return {
    columns: ['notice_no', 'type', 'issued_on', 'external', 'loan_no', 'borrower_id', 'borrower', 'township', 'village', 'principal', 'interest', 'signed_on', 'signed_by', 'relation', 'signed_visit_id', 'status', 'pay_by', 'voided_at', 'void_reason'],
    rows: rows.map((n) => {
      const j = noticeJson(n);
      return [
        j.notice_no,
        j.type,
        j.issued_on,
        j.external,
        j.loan_no,
        j.borrower_id,
        j.borrower,
        j.township,
        j.village,
        moneyCell(j.principal_fen),
        moneyCell(j.interest_fen),
        j.signed_on,
        j.signed_by,
        j.relation,
        j.signed_visit_id,
        j.status,
        j.pay_by,
        j.voided_at,
        j.void_reason,
      ];
    }),
  };
}

export function noticesAsCsv(rows: NoticeRow[], headers: CsvHeaders = 'en'): string {
  return tableAsCsv(noticesTable(rows), headers);
}

export function noticesAsText(rows: NoticeRow[], lang: Lang, opts: { ascii?: boolean; width?: number } = {}): string {
  const zh = lang === 'zh';
  if (rows.length === 0) return zh ? '台账中没有符合条件的通知书。\n' : 'No notices match in the register.\n';
  const table = renderTable(
    [
      { header: zh ? '编号' : 'number', noTruncate: true },
      { header: zh ? '类型' : 'type', maxWidth: 24 },
      { header: zh ? '发出日期' : 'issued' },
      { header: zh ? '借款人' : 'borrower' },
      { header: zh ? '合同编号' : 'loan', noTruncate: true },
      { header: zh ? '签回' : 'signed back' },
    ],
    rows.map((n) => [
      n.noticeNo,
      typeLabel(n.type, lang),
      n.issuedOn ?? (zh ? '（外部）' : '(external)'),
      n.borrower,
      n.loanNo,
      n.voidedAt
        ? zh
          ? `已作废（${n.voidReason}）`
          : `void (${n.voidReason})`
        : n.signedOn
        ? `${n.signedOn} ${n.signedBy === 'relative' ? (zh ? `${n.relation ?? '亲属'}代签` : `by ${n.relation ?? 'a relative'}`) : zh ? '本人' : 'borrower'}`
        : zh
          ? '未签回'
          : 'outstanding',
    ]),
    opts,
  );
  const outstanding = rows.filter((n) => noticeStatus(n) === 'outstanding').length;
  const voided = rows.filter((n) => n.voidedAt).length;
  const voidNote = voided ? (zh ? `，已作废 ${voided} 份` : `, ${voided} void`) : '';
  return (
    table +
    (zh ? `共 ${rows.length} 份，未签回 ${outstanding} 份${voidNote}\n` : `${rows.length} notice${rows.length === 1 ? '' : 's'}, ${outstanding} outstanding${voidNote}\n`)
  );
}

export const noticeListRenderers: RendererMap<'notice list', NoticeRow[]> = {
  text: (rows, o) => noticesAsText(rows, o.lang, { ascii: o.ascii, width: o.width }),
  json: (rows) => noticesAsJson(rows),
  csv: (rows, o) => noticesAsCsv(rows, o.headers),
  xlsx: (rows, o) => tableWorkbook(o.lang === 'zh' ? '通知书台账' : 'Notices', noticesTable(rows), o.lang),
};
