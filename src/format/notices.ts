// Renders collection notices (text, and a printable A4 HTML page with the borrower's copy and the receipt) and the register.
import type { Lang } from '../domain/text.js';
import { pick } from '../domain/text.js';
import { fenToDisplay, fenToPlain } from '../domain/money.js';
import { NOTICE_TYPE_INFO, type NoticeType } from '../domain/notice.js';
import type { NoticeRow } from '../db/notices.js';
import { asJson, renderTable } from './table.js';
import { toCsv } from './csv.js';

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

interface NoticeFields {
  title: string;
  no: string;
  to: string;
  body: string;
  facts: [string, string][];
  closing: string;
}

function fields(n: NoticeRow, lang: Lang): NoticeFields {
  const zh = lang === 'zh';
  const facts: [string, string][] = [
    [zh ? '借款人' : 'Borrower', n.borrower],
    [zh ? '住址' : 'Address', [n.township, n.village, n.group].filter(Boolean).join(' ')],
    [zh ? '借款合同编号' : 'Loan contract no.', n.loanNo],
    [zh ? '借款日期' : 'Loan date', n.loanDate ?? '—'],
    [zh ? '到期日期' : 'Due date', n.dueDate ?? '—'],
    [zh ? `截至 ${n.issuedOn} 欠本金（元）` : `Principal owed at ${n.issuedOn} (yuan)`, fenToDisplay(n.principalFen ?? 0)],
    [zh ? `截至 ${n.issuedOn} 欠利息（元）` : `Interest owed at ${n.issuedOn} (yuan)`, fenToDisplay(n.interestFen ?? 0)],
  ];
  if (n.type === 'guarantor') facts.splice(1, 0, [zh ? '保证人' : 'Guarantor', n.guarantor ?? '—']);
  return {
    title: typeLabel(n.type, lang),
    no: n.noticeNo,
    to: zh ? `${addressee(n)}：` : `To ${addressee(n)}:`,
    body: n.type ? pick(NOTICE_TYPE_INFO[n.type].body, lang) : '',
    facts,
    closing: zh
      ? `本通知书一式两份，${signer(n, true).who}签收后，回执联交回我社（行）留存。`
      : 'This notice is made in two copies; once signed, the receipt copy returns to the lender.',
  };
}

export function noticeAsText(n: NoticeRow, lang: Lang): string {
  const zh = lang === 'zh';
  const f = fields(n, lang);
  const copy = (label: string, receipt: boolean) =>
    [
      zh ? `${f.title}（${label}）` : `${f.title} (${label})`,
      `${zh ? '编号' : 'No.'}: ${f.no}`,
      '',
      f.to,
      `  ${f.body}`,
      ...f.facts.map(([k, v]) => `  ${k}: ${v}`),
      '',
      `  ${f.closing}`,
      '',
      receipt
        ? zh
          ? `${signer(n, true).who}（签字）：__________    签收日期：____年__月__日\n代签人及与${signer(n, true).who}关系：__________`
          : `${signer(n, false).who} (signature): __________    Date received: ____-__-__\nSigned for by (relation): __________`
        : zh
          ? `贷款人（盖章）：__________    ${n.issuedOn}`
          : `Lender (seal): __________    ${n.issuedOn}`,
    ].join('\n');
  const cut = '\n' + '-'.repeat(24) + (zh ? ' 沿此线剪开 ' : ' cut here ') + '-'.repeat(24) + '\n\n';
  return copy(signer(n, zh).copy, false) + '\n' + cut + copy(zh ? '回执联' : 'receipt', true) + '\n';
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A self-contained A4 page (no outside requests): the borrower's copy above, the receipt below, a cut line between. */
export function noticeAsHtml(n: NoticeRow, lang: Lang): string {
  const zh = lang === 'zh';
  const f = fields(n, lang);
  const copy = (label: string, receipt: boolean) => `
<section class="copy">
  <h1>${esc(f.title)}<span class="which">${zh ? `（${esc(label)}）` : ` (${esc(label)})`}</span></h1>
  <p class="no">${zh ? '编号' : 'No.'}：${esc(f.no)}</p>
  <p class="to">${esc(f.to)}</p>
  <p class="body">${esc(f.body)}</p>
  <table>${f.facts.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>
  <p class="closing">${esc(f.closing)}</p>
  ${
    receipt
      ? `<p class="sign">${zh ? `${signer(n, true).who}（签字）` : `${signer(n, false).who} (signature)`}：<span class="line"></span>　${zh ? '签收日期' : 'Date received'}：<span class="line short"></span></p>
  <p class="sign">${zh ? `代签人及与${signer(n, true).who}关系` : 'Signed for by (relation)'}：<span class="line"></span></p>`
      : `<p class="sign right">${zh ? '贷款人（盖章）' : 'Lender (seal)'}：<span class="line"></span>　${esc(n.issuedOn ?? '')}</p>`
  }
</section>`;
  return `<!doctype html>
<html lang="${zh ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${esc(f.title)} ${esc(f.no)}</title>
<style>
  @page { size: A4; margin: 15mm; }
  html, body { margin: 0; padding: 0; }
  body { font-family: "SimSun", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", serif; font-size: 11.5pt; color: #000; }
  .page { width: 180mm; margin: 0 auto; }
  .copy { height: 128mm; box-sizing: border-box; padding: 4mm 2mm; overflow: hidden; }
  h1 { font-size: 16pt; text-align: center; margin: 0 0 3mm; letter-spacing: 1pt; }
  h1 .which { font-size: 10.5pt; font-weight: normal; }
  .no { text-align: right; margin: 0 0 2mm; }
  .body { text-indent: 2em; line-height: 1.6; margin: 1mm 0 2mm; }
  table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
  th, td { border: 0.3mm solid #000; padding: 1mm 2mm; text-align: left; font-weight: normal; }
  th { width: 45%; }
  .closing { font-size: 10pt; margin: 1mm 0 3mm; }
  .sign { margin: 3mm 0; }
  .right { text-align: right; }
  .line { display: inline-block; width: 40mm; border-bottom: 0.3mm solid #000; }
  .line.short { width: 28mm; }
  .cut { border-top: 0.3mm dashed #000; text-align: center; font-size: 9pt; margin: 2mm 0; }
  .cut span { position: relative; top: -0.7em; background: #fff; padding: 0 2mm; }
</style>
</head>
<body>
<div class="page">${copy(signer(n, zh).copy, false)}
<div class="cut"><span>${zh ? '沿此线剪开' : 'cut here'}</span></div>${copy(zh ? '回执联' : 'receipt', true)}
</div>
</body>
</html>
`;
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
    status: n.signedOn ? 'signed' : n.external ? 'external' : 'outstanding',
  };
}

export function noticesAsJson(rows: NoticeRow[]): string {
  return asJson(rows.map(noticeJson));
}

/** The same fields as noticesAsJson, amounts in yuan. */
export function noticesAsCsv(rows: NoticeRow[]): string {
  return toCsv(
    ['notice_no', 'type', 'issued_on', 'external', 'loan_no', 'borrower_id', 'borrower', 'township', 'village', 'principal', 'interest', 'signed_on', 'signed_by', 'relation', 'signed_visit_id', 'status'],
    rows.map((n) => {
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
        j.principal_fen === null ? null : fenToPlain(j.principal_fen),
        j.interest_fen === null ? null : fenToPlain(j.interest_fen),
        j.signed_on,
        j.signed_by,
        j.relation,
        j.signed_visit_id,
        j.status,
      ];
    }),
  );
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
      n.signedOn
        ? `${n.signedOn} ${n.signedBy === 'relative' ? (zh ? `${n.relation ?? '亲属'}代签` : `by ${n.relation ?? 'a relative'}`) : zh ? '本人' : 'borrower'}`
        : zh
          ? '未签回'
          : 'outstanding',
    ]),
    opts,
  );
  const outstanding = rows.filter((n) => !n.signedOn && !n.external).length;
  return table + (zh ? `共 ${rows.length} 份，未签回 ${outstanding} 份\n` : `${rows.length} notice${rows.length === 1 ? '' : 's'}, ${outstanding} outstanding\n`);
}
