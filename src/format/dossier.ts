// Renders a loan's legal file (证据目录): a printable A4 page with embedded photos, the same as JSON, and as text.
import { escapeHtml as esc } from './html.js';
import { fenToDisplay } from '../domain/money.js';
import { inLang, pick, type Lang } from '../domain/text.js';
import { maskIdNumber, maskPersonal, maskPhone } from '../domain/idNumber.js';
import { CHANNEL_LABELS } from '../domain/outcomes.js';
import { PROOF_TEXT, type DossierAttachment } from '../domain/dossier.js';
import { ACTOR_TEXT, EFFECT_TEXT, STAGE_TEXT, clockSummary, type ClockEventUsed } from '../domain/limitation.js';
import type { Letterhead } from '../domain/letterhead.js';
import type { Dossier, EvidenceItem } from '../report/dossier.js';
import { clockSteps, guaranteeJson, loanClockJson } from './limitation.js';
import { outcomeText } from './visits.js';
import { asJson } from './table.js';
import type { RendererMap } from './render.js';
import { money as moneyCell, type DataTable } from './csv.js';
import { tableSheet, workbook } from './xlsx.js';

export interface DossierRenderOptions {
  lang: Lang;
  /** Full ID numbers and phones (the legal department's copy); masked otherwise. */
  unmask?: boolean;
  letterhead?: Letterhead | null;
}

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);


const t = inLang;

function effectLine(e: ClockEventUsed, lang: Lang): string {
  return `${pick(EFFECT_TEXT[e.effect], lang)}${lang === 'zh' ? '：' : ': '}${pick(e.why, lang)}`;
}

/** One evidence item in words: what happened, who acted, what it proves, the clock's reading with its article. */
export function evidenceParts(it: EvidenceItem, lang: Lang) {
  switch (it.kind) {
    case 'contact': {
      const v = it.visit;
      const evidence: string[] = [];
      if (v.deliveredOn) evidence.push(t(lang, `送达 ${v.deliveredOn}`, `delivered ${v.deliveredOn}`));
      if (v.delivery === 'not-delivered') evidence.push(t(lang, '未送达', 'not delivered'));
      if (v.trackingNo) evidence.push(t(lang, `单号 ${v.trackingNo}`, `tracking ${v.trackingNo}`));
      if (v.recording === 1) evidence.push(t(lang, '有录音', 'recorded'));
      const who = v.outcomes.map((o) => o.signedBy ?? o.actedBy).find((x) => x && x !== 'borrower');
      return {
        channel: pick(CHANNEL_LABELS[v.channel], lang),
        who: `${v.officer}${who ? ` / ${pick(ACTOR_TEXT[who as keyof typeof ACTOR_TEXT], lang)}` : ''}`,
        what: [
          ...v.outcomes.map((o) => outcomeText({ ...o, kind: o.kind as never, by: o.actedBy as never, signedBy: o.signedBy as never, reason: o.reason as never }, o.loanNo, lang)),
          ...(evidence.length ? [evidence.join(lang === 'zh' ? '，' : ', ')] : []),
          ...(v.void ? [t(lang, `已作废：${v.void.reason}`, `void: ${v.void.reason}`)] : []),
        ],
        proves: pick(PROOF_TEXT[it.proves], lang),
        clock: it.events.map((e) => effectLine(e, lang)),
        ref: t(lang, `走访 #${v.visitId}`, `visit #${v.visitId}`),
        attachments: it.attachments,
      };
    }
    case 'notice': {
      const n = it.notice;
      const signed = n.signedOn
        ? t(lang, `${n.signedOn} 签回（${n.signedBy === 'relative' ? `${n.relation ?? '亲属'}代签` : n.signedBy === 'guarantor' ? '保证人' : '本人'}）`, `signed back ${n.signedOn} (${n.signedBy === 'relative' ? `by ${n.relation ?? 'a relative'}` : (n.signedBy ?? 'borrower')})`)
        : n.voidedAt
          ? t(lang, '已作废', 'void')
          : t(lang, '尚未签回', 'not signed back');
      return {
        channel: t(lang, '通知书', 'notice'),
        who: '',
        what: [t(lang, `发出 ${n.noticeNo}（${n.type ?? '外部'}），本金 ${fenToDisplay(n.principalFen ?? 0)}，利息 ${fenToDisplay(n.interestFen ?? 0)}`, `issued ${n.noticeNo} (${n.type ?? 'external'}), principal ${fenToDisplay(n.principalFen ?? 0)}, interest ${fenToDisplay(n.interestFen ?? 0)}`), signed],
        proves: n.signedOn ? pick(PROOF_TEXT['demand-delivered'], lang) : pick(PROOF_TEXT.none, lang),
        clock: [] as string[],
        ref: n.signedVisitId ? t(lang, `签回见走访 #${n.signedVisitId}`, `signed: visit #${n.signedVisitId}`) : '',
        attachments: [] as DossierAttachment[],
      };
    }
    case 'mark': {
      const m = it.mark;
      return {
        channel: m.kind === 'public-notice' ? t(lang, '公告', 'public notice') : t(lang, '提前到期', 'acceleration'),
        who: '',
        what: [[m.medium ? `[${m.medium}]` : '', m.note ?? '', m.voidReason ? t(lang, `已作废：${m.voidReason}`, `void: ${m.voidReason}`) : ''].filter(Boolean).join(' ')],
        proves: m.voidReason ? pick(PROOF_TEXT.none, lang) : m.kind === 'accelerated' ? pick(PROOF_TEXT.acceleration, lang) : pick(PROOF_TEXT['demand-delivered'], lang),
        clock: it.events.map((e) => effectLine(e, lang)),
        ref: `mark ${m.id}`,
        attachments: [] as DossierAttachment[],
      };
    }
    case 'legal': {
      const l = it.legal;
      return {
        channel: t(lang, '诉讼', 'legal'),
        who: '',
        what: [
          [pick(STAGE_TEXT[l.stage as keyof typeof STAGE_TEXT] ?? { zh: l.stage, en: l.stage }, lang), l.court ?? '', l.caseNo ?? '', l.performBy ? t(lang, `履行期限 ${l.performBy}`, `perform by ${l.performBy}`) : '', l.result ?? '', l.voidReason ? t(lang, `已作废：${l.voidReason}`, `void: ${l.voidReason}`) : '']
            .filter(Boolean)
            .join(' '),
        ],
        proves: pick(PROOF_TEXT[l.voidReason ? 'none' : 'lawsuit'], lang),
        clock: it.events.map((e) => effectLine(e, lang)),
        ref: `legal ${l.id}`,
        attachments: [] as DossierAttachment[],
      };
    }
  }
}

/** An attachment's file name as shown: digit runs masked (a name may hold an ID number or a phone) unless --unmask. */
function shownName(a: DossierAttachment, unmask: boolean | undefined): string {
  return unmask ? a.name : maskPersonal(a.name);
}

function attachmentJson(a: DossierAttachment, unmask: boolean | undefined) {
  return { visit_id: a.visitId, name: shownName(a, unmask), type: a.type, size: a.size, sha256: a.sha256 };
}

export function dossierJson(d: Dossier, o: DossierRenderOptions) {
  const p = d.parties;
  const c = d.clock;
  return {
    today: d.today,
    loan: { loan_no: p.loanNo, loan_date: p.loanDate, due_date: p.dueDate, officer: p.officer },
    borrower: { id: p.borrower.id, name: p.borrower.name, id_number: o.unmask ? p.borrower.idNumber : maskIdNumber(p.borrower.idNumber), phone: o.unmask ? p.borrower.phone : maskPhone(p.borrower.phone) },
    household: { id: p.household.id, head: p.household.head, township: p.household.township, village: p.household.village, group: p.household.group, members: p.household.members },
    guarantor: p.guarantor,
    balance: {
      statements: d.balance.statements.map((s) => ({ as_of: s.asOf, principal_fen: s.principalFen, interest_fen: s.interestFen })),
      payments: d.balance.payments.map((x) => ({ payment_id: x.id, paid_on: x.paidOn, principal_fen: x.principalFen, interest_fen: x.interestFen, state: x.state, posted_on: x.postedOn, interest_state: x.interestState })),
      paid_at_branch: d.balance.branch.map((b) => ({ from: b.from, to: b.to, principal_fen: b.principalFen, interest_fen: b.interestFen })),
      outstanding: { principal_fen: d.balance.outstanding.principalFen, interest_fen: d.balance.outstanding.interestFen },
    },
    clock: c.clock ? loanClockJson(c) : null,
    guarantor_clock: guaranteeJson(c.guarantee),
    evidence: d.evidence.map((it) => {
      const x = evidenceParts(it, o.lang);
      return {
        no: it.no,
        date: it.date,
        kind: it.kind,
        channel: it.kind === 'contact' ? it.visit.channel : null,
        who: x.who || null,
        what: x.what,
        proves: it.kind === 'contact' ? it.proves : null,
        clock: x.clock,
        ref: x.ref,
        attachments: x.attachments.map((a) => attachmentJson(a, o.unmask)),
      };
    }),
    costs: { items: d.costs.items.map((k) => ({ id: k.id, date: k.date, kind: k.kind, amount_fen: k.amountFen, officer: k.officer, note: k.note, voided: k.voided })), total_fen: d.costs.totalFen },
    unplaced_attachments: d.unplacedAttachments.map((a) => attachmentJson(a, o.unmask)),
  };
}

export function dossierAsJson(d: Dossier, o: DossierRenderOptions): string {
  return asJson(dossierJson(d, o));
}

function attachmentHtml(a: DossierAttachment, lang: Lang, unmask: boolean | undefined): string {
  const name = shownName(a, unmask);
  const caption = `${esc(name)} · ${esc(a.type)} · ${a.size} B · SHA-256 ${a.sha256}`;
  if (a.bytes && IMAGE_TYPES.has(a.type)) {
    const b64 = Buffer.from(a.bytes).toString('base64');
    return `<figure class="att"><img src="data:${a.type};base64,${b64}" alt="${esc(name)}"><figcaption>${caption}</figcaption></figure>`;
  }
  return `<div class="att-file">${t(lang, '附件', 'Attachment')}: ${caption}</div>`;
}

const STYLE = `
@page { size: A4; margin: 15mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 182mm; padding: 8mm 0; color: #1a1a1a; background: #fff; font-size: 10pt; line-height: 1.55;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "SimSun", "Songti SC", "Noto Sans", Arial, sans-serif; }
h1 { font-size: 15pt; margin: 0 0 1mm; text-align: center; }
.sub { text-align: center; color: #555; margin: 0 0 4mm; }
h2 { font-size: 11.5pt; margin: 5mm 0 2mm; border-bottom: 1px solid #999; padding-bottom: 1mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 8.8pt; }
th, td { border: 1px solid #888; padding: 0.8mm 1.2mm; vertical-align: top; }
th { background: #eef1f5; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.att img { max-width: 70mm; max-height: 60mm; border: 1px solid #aaa; display: block; }
.att { margin: 1.5mm 0; break-inside: avoid; }
figcaption, .att-file { font-size: 8pt; color: #444; word-break: break-all; }
.note { color: #555; font-size: 8.5pt; margin-top: 6mm; }
.letterhead { text-align: center; font-weight: 700; font-size: 12pt; margin-bottom: 2mm; }
`;

/** One self-contained printable page set (A4): no script, no outside requests, photos embedded. */
export function dossierAsHtml(d: Dossier, o: DossierRenderOptions): string {
  const L = o.lang;
  const p = d.parties;
  const c = d.clock;
  const idNo = o.unmask ? p.borrower.idNumber : maskIdNumber(p.borrower.idNumber);
  const phone = o.unmask ? p.borrower.phone : maskPhone(p.borrower.phone);
  const lender = [o.letterhead?.institution, o.letterhead?.branch].filter(Boolean).join(L === 'zh' ? '' : ' ');
  const money = (f: number) => fenToDisplay(f);
  const row = (cells: string[], num: number[] = []) => `<tr>${cells.map((x, i) => `<td${num.includes(i) ? ' class="num"' : ''}>${x}</td>`).join('')}</tr>`;
  const head = (cells: string[]) => `<tr>${cells.map((x) => `<th>${x}</th>`).join('')}</tr>`;

  const parties = `<table>
${row([t(L, '合同编号', 'Loan'), esc(p.loanNo), t(L, '放款 / 到期', 'Disbursed / due'), `${p.loanDate ?? '—'} / ${p.dueDate ?? '—'}`])}
${row([t(L, '借款人', 'Borrower'), esc(p.borrower.name), t(L, '身份证号 / 电话', 'ID number / phone'), `${esc(idNo ?? '—')} / ${esc(phone ?? '—')}`])}
${row([t(L, '户主 / 住址', 'Household / place'), `${esc(p.household.head)}`, t(L, '地址', 'Place'), esc([p.household.township, p.household.village, p.household.group].filter(Boolean).join(' '))])}
${row([t(L, '家庭成员', 'Household members'), esc(p.household.members.join('、')), t(L, '管户员', 'Officer'), esc(p.officer ?? '—')])}
${row([t(L, '保证人', 'Guarantor'), esc(p.guarantor?.name ?? '—'), t(L, '保证人地址', 'Guarantor’s address'), esc(p.guarantor?.address ?? '—')])}
</table>`;

  const bal = d.balance;
  const balance = `<table>
${head([t(L, '余额日期', 'Statement as of'), t(L, '本金', 'Principal'), t(L, '利息', 'Interest')])}
${bal.statements.map((s) => row([s.asOf, money(s.principalFen), money(s.interestFen)], [1, 2])).join('\n')}
</table>
<p></p><table>
${head([t(L, '现场收款', 'Field payment'), t(L, '本金', 'Principal'), t(L, '利息', 'Interest'), t(L, '入账', 'Posted')])}
${bal.payments.map((x) => row([`${x.paidOn} (#${x.id})`, money(x.principalFen), money(x.interestFen), x.state === 'posted' ? t(L, `已入账 ${x.postedOn}`, `posted ${x.postedOn}`) : x.state === 'confirm' ? t(L, '首份余额前，待确认', 'before the first statement, to confirm') : t(L, '尚未入账', 'not yet posted')], [1, 2])).join('\n') || row([t(L, '无', 'none'), '', '', ''])}
${bal.branch.map((b) => row([t(L, `柜面还款 ${b.from}–${b.to}`, `paid at the branch ${b.from}–${b.to}`), money(b.principalFen), money(b.interestFen), ''], [1, 2])).join('\n')}
${row([`<b>${t(L, '现欠', 'Outstanding')}</b>`, `<b>${money(bal.outstanding.principalFen)}</b>`, `<b>${money(bal.outstanding.interestFen)}</b>`, ''], [1, 2])}
</table>`;

  const steps = c.clock ? clockSteps(c.clock) : [];
  const clock = c.clock
    ? `<table>
${head([t(L, '日期', 'Date'), t(L, '事项', 'What'), t(L, '效果与依据', 'Effect and basis'), t(L, '此后届满', 'Then ends')])}
${steps.map((s) => row([esc(s.date), esc(pick(s.what, L)), esc(pick(s.rule, L)), esc(s.expires ?? '')])).join('\n')}
</table>
<p><b>${t(L, '结果', 'Result')}：</b>${esc(pick(clockSummary(c.clock), L))}</p>`
    : `<p>${t(L, '没有到期日，无法计算诉讼时效。', 'No due date: the clock cannot be computed.')}</p>`;
  const g = c.guarantee;
  const guarantor = g ? `<p>${esc(pick(g.why, L))}</p>` : `<p>${t(L, '无保证人。', 'No guarantor.')}</p>`;

  const evidence = `<table>
${head([t(L, '序号', 'No.'), t(L, '日期', 'Date'), t(L, '方式', 'Channel'), t(L, '经办 / 行为人', 'Officer / actor'), t(L, '内容', 'What'), t(L, '证明事项', 'Proves'), t(L, '对时效的作用', 'For the clock')])}
${d.evidence
  .map((it) => {
    const x = evidenceParts(it, L);
    const atts = x.attachments.map((a) => attachmentHtml(a, L, o.unmask)).join('');
    return row([String(it.no), it.date, esc(x.channel), esc(x.who), x.what.map(esc).join('<br>') + (x.ref ? `<br><small>${esc(x.ref)}</small>` : '') + atts, esc(x.proves), x.clock.map(esc).join('<br>')]);
  })
  .join('\n')}
</table>`;

  const costs = d.costs.items.length
    ? `<table>
${head([t(L, '日期', 'Date'), t(L, '类别', 'Kind'), t(L, '金额', 'Amount'), t(L, '经办', 'Officer'), t(L, '说明', 'Note')])}
${d.costs.items.map((k) => row([k.date, esc(k.kind), money(k.amountFen), esc(k.officer ?? ''), esc((k.note ?? '') + (k.voided ? t(L, '（已作废）', ' (void)') : ''))], [2])).join('\n')}
${row([`<b>${t(L, '合计', 'Total')}</b>`, '', `<b>${money(d.costs.totalFen)}</b>`, '', ''], [2])}
</table>`
    : `<p>${t(L, '没有登记费用。', 'No costs recorded.')}</p>`;

  return `<!doctype html>
<html lang="${L === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(t(L, `证据目录 ${p.loanNo}`, `Evidence file ${p.loanNo}`))}</title><style>${STYLE}</style></head>
<body>
${lender ? `<p class="letterhead">${esc(lender)}</p>` : ''}<h1>${esc(t(L, `借款催收证据目录`, 'Collection evidence file'))}</h1>
<p class="sub">${esc(p.loanNo)} · ${esc(p.borrower.name)} · ${t(L, `制作日期 ${d.today}`, `made ${d.today}`)}</p>
<h2>${t(L, '一、当事人', '1. Parties')}</h2>
${parties}
<h2>${t(L, '二、余额与还款', '2. Balance history')}</h2>
${balance}
<h2>${t(L, '三、诉讼时效', '3. Limitation')}</h2>
${clock}
<h2>${t(L, '四、保证人', '4. Guarantor')}</h2>
${guarantor}
<h2>${t(L, '五、证据目录', '5. Evidence')}</h2>
${evidence}
<h2>${t(L, '六、催收费用', '6. Costs')}</h2>
${costs}
<p class="note">${t(L, '本目录依据 fieldvisit 中的记录生成，时效结论仅为辅助提示，不构成法律意见；请以原件为准。', 'Made from the records in fieldvisit; the limitation findings are an aid, not legal advice. The originals prevail.')}</p>
</body></html>
`;
}

export function dossierAsText(d: Dossier, o: DossierRenderOptions): string {
  const L = o.lang;
  const p = d.parties;
  const lines = [
    t(L, `证据目录 ${p.loanNo} — ${p.borrower.name}（${p.household.township} ${p.household.village}）`, `Evidence file ${p.loanNo} — ${p.borrower.name} (${p.household.township} ${p.household.village})`),
    d.clock.clock ? `${t(L, '时效', 'Limitation')}: ${pick(clockSummary(d.clock.clock), L)}` : '',
    d.clock.guarantee ? `${t(L, '保证人', 'Guarantor')}: ${pick(d.clock.guarantee.why, L)}` : '',
    `${t(L, '现欠', 'Outstanding')}: ${fenToDisplay(d.balance.outstanding.principalFen)} / ${fenToDisplay(d.balance.outstanding.interestFen)}`,
    '',
  ].filter((x, i) => x !== '' || i === 4);
  for (const it of d.evidence) {
    const x = evidenceParts(it, L);
    lines.push(`${it.no}. ${it.date} [${x.channel}] ${x.what.join('; ')} — ${x.proves}${x.attachments.length ? ` (${x.attachments.length} ${t(L, '个附件', 'attachment(s)')})` : ''}`);
    for (const cl of x.clock) lines.push(`   ${cl}`);
  }
  lines.push('', `${t(L, '费用合计', 'Costs')}: ${fenToDisplay(d.costs.totalFen)}`);
  return lines.join('\n') + '\n';
}

/** Three sheets for the back office: the evidence list, the balance history and the limitation chain. */
export function dossierAsXlsx(d: Dossier, o: DossierRenderOptions): Promise<Uint8Array> {
  const L = o.lang;
  const label = (zh: string, en: string) => ({ zh, en });
  const evidence: DataTable = {
    columns: ['no', 'date', 'channel', 'who', 'what', 'proves', 'clock', 'attachments'],
    labels: {
      no: label('序号', 'No.'), date: label('日期', 'Date'), channel: label('方式', 'Channel'), who: label('经办 / 行为人', 'Officer / actor'),
      what: label('内容', 'What'), proves: label('证明事项', 'Proves'), clock: label('对时效的作用', 'For the clock'), attachments: label('附件（SHA-256）', 'Attachments (SHA-256)'),
    },
    rows: d.evidence.map((it) => {
      const x = evidenceParts(it, L);
      return [it.no, it.date, x.channel, x.who, x.what.join('\n'), x.proves, x.clock.join('\n'), x.attachments.map((a) => `${shownName(a, o.unmask)} ${a.sha256}`).join('\n')];
    }),
  };
  const balance: DataTable = {
    columns: ['date', 'what', 'principal', 'interest', 'state'],
    labels: { date: label('日期', 'Date'), what: label('项目', 'What'), principal: label('本金', 'Principal'), interest: label('利息', 'Interest'), state: label('入账', 'Posted') },
    rows: [
      ...d.balance.statements.map((s) => [s.asOf, t(L, '余额（后台）', 'statement'), moneyCell(s.principalFen), moneyCell(s.interestFen), '']),
      ...d.balance.payments.map((x) => [x.paidOn, t(L, `现场收款 #${x.id}`, `field payment #${x.id}`), moneyCell(x.principalFen), moneyCell(x.interestFen), x.state === 'posted' ? `${x.state} ${x.postedOn}` : x.state]),
      ...d.balance.branch.map((b) => [b.to, t(L, '柜面还款', 'paid at the branch'), moneyCell(b.principalFen), moneyCell(b.interestFen), '']),
      ['', t(L, '现欠', 'outstanding'), moneyCell(d.balance.outstanding.principalFen), moneyCell(d.balance.outstanding.interestFen), ''],
    ],
  };
  const steps: DataTable = {
    columns: ['date', 'what', 'rule', 'expires'],
    labels: { date: label('日期', 'Date'), what: label('事项', 'What'), rule: label('效果与依据', 'Effect and basis'), expires: label('此后届满', 'Then ends') },
    rows: d.clock.clock ? clockSteps(d.clock.clock).map((x) => [x.date, pick(x.what, L), pick(x.rule, L), x.expires ?? '']) : [],
  };
  const n = d.balance.statements.length + d.balance.payments.length + d.balance.branch.length;
  return workbook([
    tableSheet(t(L, '证据目录', 'Evidence'), evidence, L, { title: t(L, `证据目录 ${d.parties.loanNo} ${d.parties.borrower.name}`, `Evidence file ${d.parties.loanNo} ${d.parties.borrower.name}`) }),
    tableSheet(t(L, '余额与还款', 'Balance'), balance, L, { styleOf: (i) => (i === n ? 'total' : undefined) }),
    tableSheet(t(L, '诉讼时效', 'Limitation'), steps, L),
  ]);
}

export const dossierRenderers: RendererMap<'loan dossier', Dossier> = {
  xlsx: (d, o) => dossierAsXlsx(d, { lang: o.lang, unmask: o.unmask }),
  text: (d, o) => dossierAsText(d, { lang: o.lang, unmask: o.unmask, letterhead: (o.letterhead as Letterhead | undefined) ?? null }),
  json: (d, o) => dossierAsJson(d, { lang: o.lang, unmask: o.unmask }),
  html: (d, o) => dossierAsHtml(d, { lang: o.lang, unmask: o.unmask, letterhead: (o.letterhead as Letterhead | undefined) ?? null }),
};
