// `fieldvisit visit log` (action): record one visit, by flags (never prompting) or, at a terminal without --outcome, interactively.
import type { Command } from 'commander';
import type { Db } from '../../../db/open.js';
import { getSetting } from '../../../db/settings.js';
import { borrowerDetail, findBorrowers } from '../../../db/borrowers.js';
import { recordVisitWithAttachments } from '../../../db/attachments.js';
import { visitById, listVisits } from '../../../db/visitList.js';
import { listPromises } from '../../../db/promises.js';
import { listNotices, noticeByNo } from '../../../db/notices.js';
import { householdsIn, townshipsWithHouseholds, villagesWithHouseholds } from '../../../db/households.js';
import { DataError, UsageError } from '../../../domain/errors.js';
import { brokenByHousehold } from '../../../domain/promise.js';
import { parseYuan } from '../../../domain/money.js';
import { maskIdNumber, maskPersonal } from '../../../domain/idNumber.js';
import { NOT_SIGNED_REASONS, OUTCOME_KINDS, SIGNED_BY, type Channel, type ContactEvidence, parseOutcomeKind, type NotSignedReason, type OutcomeKind, type SignedBy } from '../../../domain/outcomes.js';
import type { OutcomeInput } from '../../../domain/visit.js';
import { pick, text } from '../../../domain/text.js';
import { normaliseDate, type IsoDate } from '../../../domain/dates.js';
import { visitWizard, type VisitDraft, type WizardHousehold } from '../../../prompts/visitWizard.js';
import { householdBriefAsText, savedVisitAsText, visitDraftAsText } from '../../../format/visits.js';
import { nowIso, today, type Context, tableWidth } from '../../context.js';
import { globals, out, t, warn, withSession } from '../../runtime.js';
import { requireBorrower, requireLoan, type LoanRef } from '../../lookups.js';
import { attachResultAsText, savedVisitWithAttachmentsAsJson } from '../../../format/attachments.js';
import { readAttachments } from '../../../import/readAttachment.js';

export interface LogOpts {
  loan?: string;
  borrower?: string;
  date?: string;
  officer?: string;
  outcome: string[];
  noticeNo?: string;
  signedBy?: string;
  by?: string;
  relation?: string;
  principal?: string;
  interest?: string;
  promiseAmount?: string;
  promiseDate?: string;
  reason?: string;
  where?: string;
  note?: string;
  escalate?: string;
  force?: boolean;
  /** Files to attach with the visit (read and checked before anything is asked or written). */
  attach?: string[];
  json?: boolean;
  channel?: string;
  deliveredOn?: string;
  notDelivered?: boolean;
  to?: string;
  trackingNo?: string;
  recording?: boolean;
}

/** The channel and the evidence flags that go with it; a flag for another channel is a usage error naming it. */
export function evidenceFromFlags(o: LogOpts, day: IsoDate): ContactEvidence {
  const channel = (o.channel ?? 'visit') as Channel;
  // (--channel's value is one of CHANNELS: commander's choices refuse any other before the action runs.)
  const owners: [keyof LogOpts, string, Channel[]][] = [
    ['deliveredOn', '--delivered-on', ['message', 'letter', 'lawyer-letter']],
    ['notDelivered', '--not-delivered', ['message', 'letter', 'lawyer-letter']],
    ['to', '--to', ['message']],
    ['trackingNo', '--tracking-no', ['letter', 'lawyer-letter']],
    ['recording', '--recording', ['phone']],
  ];
  for (const [key, flag, chans] of owners) {
    if (o[key] !== undefined && !chans.includes(channel)) usage(`${flag} 只用于 --channel ${chans.join('/')}。`, `${flag} goes with --channel ${chans.join('/')} only.`);
  }
  if (o.notDelivered && o.deliveredOn) usage('--not-delivered 与 --delivered-on 只能选一个。', 'Give --not-delivered or --delivered-on, not both.');
  return {
    channel,
    delivery: o.notDelivered ? 'not-delivered' : o.deliveredOn ? 'delivered' : null,
    deliveredOn: o.deliveredOn ? parseDateFlag('--delivered-on', o.deliveredOn, day) : null,
    deliveredTo: o.to?.trim() || null,
    trackingNo: o.trackingNo?.trim() || null,
    recording: channel === 'phone' ? !!o.recording : null,
  };
}

function usage(zh: string, en: string): never {
  throw new UsageError(text(zh, en));
}

function parseDateFlag(flag: string, v: string, day: IsoDate): IsoDate {
  const d = normaliseDate(v, day);
  if (!d) usage(`${flag} 的值“${v}”不是日期：请写成 YYYY-MM-DD。`, `${flag} "${v}" is not a date: write it as YYYY-MM-DD.`);
  return d;
}

function parseMoneyFlag(flag: string, v: string | undefined): number | null {
  if (v === undefined) return null;
  const r = parseYuan(v);
  if (!r.ok) usage(`${flag} 的值“${v}”不是金额：请写成 300 或 300.50（元）。`, `${flag} "${v}" is not an amount: write it as 300 or 300.50 (yuan).`);
  return r.fen;
}

/** Which flag carries which outcome's data, so a stray flag is caught instead of silently dropped. */
const FLAG_OWNERS: [keyof LogOpts, string, OutcomeKind[]][] = [
  ['noticeNo', '--notice-no', ['notice-signed']],
  ['signedBy', '--signed-by', ['notice-signed']],
  ['relation', '--relation', ['notice-signed']],
  ['by', '--by', ['intent', 'cash', 'demand']],
  ['principal', '--principal', ['cash']],
  ['interest', '--interest', ['cash']],
  ['promiseAmount', '--promise-amount', ['intent']],
  ['promiseDate', '--promise-date', ['intent']],
  ['reason', '--reason', ['not-signed']],
  ['where', '--where', ['not-signed']],
];

export function parseOutcomeKinds(raw: string[]): OutcomeKind[] {
  const kinds: OutcomeKind[] = [];
  for (const r of raw) {
    const k = parseOutcomeKind(r);
    if (!k) usage(`--outcome 的值“${r}”无效：可用 ${OUTCOME_KINDS.join('、')}。`, `--outcome "${r}" is not known: use ${OUTCOME_KINDS.join(', ')}.`);
    if (!kinds.includes(k)) kinds.push(k);
  }
  return kinds;
}

/** The outcomes the flags describe; every missing or stray value is a usage error naming the flag. */
export function outcomesFromFlags(o: LogOpts, kinds: OutcomeKind[], loanId: number | null, day: IsoDate): OutcomeInput[] {
  for (const [key, flag, owners] of FLAG_OWNERS) {
    if (o[key] !== undefined && !owners.some((k) => kinds.includes(k))) {
      usage(`${flag} 只用于 --outcome ${owners.join('/')}。`, `${flag} goes with --outcome ${owners.join('/')} only.`);
    }
  }
  return kinds.map((kind): OutcomeInput => {
    switch (kind) {
      case 'notice-signed': {
        // Not given: the borrower, or the guarantor for a guarantor notice (decided where the notice register is read).
        const signedBy = (o.signedBy ?? null) as SignedBy | null;
        if (signedBy !== null && !(SIGNED_BY as readonly string[]).includes(signedBy)) usage(`--signed-by 只能是 ${SIGNED_BY.join('、')}。`, `--signed-by must be one of ${SIGNED_BY.join(', ')}.`);
        if (signedBy === 'relative' && !o.relation?.trim()) usage('亲属代签时请用 --relation 写明关系（如 妻子）。', 'A relative signed: say who with --relation (e.g. wife).');
        if (signedBy !== 'relative' && o.relation) usage('--relation 只用于 --signed-by relative。', '--relation goes with --signed-by relative only.');
        return { kind, loanId, noticeNo: o.noticeNo?.trim() || null, signedBy, relation: o.relation?.trim() || null };
      }
      case 'not-signed': {
        if (!o.reason) usage(`未签回需要 --reason（${NOT_SIGNED_REASONS.join('|')}）。`, `not-signed needs --reason (${NOT_SIGNED_REASONS.join('|')}).`);
        if (!(NOT_SIGNED_REASONS as readonly string[]).includes(o.reason)) usage(`--reason 只能是 ${NOT_SIGNED_REASONS.join('、')}。`, `--reason must be one of ${NOT_SIGNED_REASONS.join(', ')}.`);
        if (o.where && o.reason !== 'away') usage('--where 只用于 --reason away。', '--where goes with --reason away only.');
        return { kind, loanId, reason: o.reason as NotSignedReason, where: o.where?.trim() || null };
      }
      case 'cash': {
        const p = parseMoneyFlag('--principal', o.principal);
        const i = parseMoneyFlag('--interest', o.interest);
        if (p === null && i === null) usage('现金收回需要 --principal 和/或 --interest（元）。', 'cash needs --principal and/or --interest (yuan).');
        if ((p ?? 0) + (i ?? 0) === 0) usage('--principal 和 --interest 不能都是 0。', '--principal and --interest cannot both be 0.');
        return { kind, loanId, principalFen: p ?? 0, interestFen: i ?? 0, by: actedBy(o.by) };
      }
      case 'intent': {
        const a = parseMoneyFlag('--promise-amount', o.promiseAmount);
        if (a === null || a <= 0) usage('还款意向需要 --promise-amount（元，大于 0）。', 'intent needs --promise-amount (yuan, above 0).');
        if (!o.promiseDate) usage('还款意向需要 --promise-date。', 'intent needs --promise-date.');
        return { kind, loanId, promiseAmountFen: a, promiseDate: parseDateFlag('--promise-date', o.promiseDate, day), by: actedBy(o.by) };
      }
      case 'note':
        if (!o.note?.trim() && !o.escalate?.trim()) usage('--outcome note 需要 --note（或 --escalate）写明情况。', '--outcome note needs --note (or --escalate) saying what happened.');
        return { kind, loanId: null };
      case 'statute-expired':
        return { kind, loanId };
      case 'demand':
        // --by: whom the demand was sent to (the borrower, or the guarantor).
        return { kind, loanId, by: actedBy(o.by) };
    }
  });
}

/** --by: who promised or paid (the borrower when not given). */
function actedBy(v: string | undefined): SignedBy {
  if (v === undefined) return 'borrower';
  if (!(SIGNED_BY as readonly string[]).includes(v)) usage(`--by 只能是 ${SIGNED_BY.join('、')}。`, `--by must be one of ${SIGNED_BY.join(', ')}.`);
  return v as SignedBy;
}

/**
 * The borrower a --borrower value names: loan number, ID number, borrower id, or a name only one borrower has. Part of
 * a name, or a name several share, lists the matches and saves nothing.
 */
function resolveBorrower(db: Db, ref: string): number {
  return requireBorrower(db, ref, { partial: false, example: (id) => `fieldvisit visit log --borrower ${id}` });
}

function wizardHousehold(db: Db, borrowerId: number): WizardHousehold {
  const d = borrowerDetail(db, borrowerId);
  if (!d) throw new DataError(text(`没有编号为 ${borrowerId} 的借款人`, `No borrower with id ${borrowerId}`));
  return {
    householdId: d.householdId,
    borrowerId,
    name: d.name,
    loans: d.householdLoans.map((l) => ({ loanId: l.loanId, loanNo: l.loanNo, borrower: l.borrower, principalFen: l.principalFen, interestFen: l.interestFen })),
    outstandingNotices: listNotices(db, { outstanding: true, householdId: d.householdId }).map((n) => ({ noticeNo: n.noticeNo, loanId: n.loanId, type: n.type })),
  };
}

export function householdBrief(db: Db, borrowerId: number, day: IsoDate) {
  const detail = borrowerDetail(db, borrowerId)!;
  const promises = listPromises(db, day, { householdId: detail.householdId });
  return {
    detail,
    lastVisits: listVisits(db, { householdId: detail.householdId, newestFirst: true, limit: 3 }),
    promises,
    brokenPromises: brokenByHousehold(promises).get(detail.householdId) ?? 0,
  };
}

export function action(ctx: Context) {
  return async (opts: LogOpts, command: Command) => {
    const day = today(ctx);
    const kinds = parseOutcomeKinds(opts.outcome);
    const interactive = ctx.stdinIsTTY && ctx.stdoutIsTTY && kinds.length === 0;
    const date = opts.date ? parseDateFlag('--date', opts.date, day) : undefined;
    if (!interactive) {
      if (!opts.loan && !opts.borrower) usage('请用 --loan 或 --borrower 指明走访的借款人。', 'Say whom you visited with --loan or --borrower.');
      if (kinds.length === 0) usage(`请用 --outcome 写明走访结果（${OUTCOME_KINDS.join('、')}）。`, `Say what happened with --outcome (${OUTCOME_KINDS.join(', ')}).`);
    }
    if (interactive) {
      // The wizard asks for each outcome's data; a data flag without --outcome would otherwise be silently dropped.
      for (const [key, flag, owners] of FLAG_OWNERS) {
        if (opts[key] !== undefined) {
          usage(
            `${flag} 只能与 --outcome ${owners.join('/')} 一起用：交互录入时会逐项询问；要用命令行参数录入，请同时给出 --outcome。`,
            `${flag} needs --outcome ${owners.join('/')}: the interactive mode asks for it; to record the visit from flags, add --outcome.`,
          );
        }
      }
    }
    const flagOutcomes = interactive ? [] : outcomesFromFlags(opts, kinds, null, day);
    const flagEvidence = evidenceFromFlags(opts, day);
    if (interactive) {
      for (const [key, flag] of [['deliveredOn', '--delivered-on'], ['notDelivered', '--not-delivered'], ['to', '--to'], ['trackingNo', '--tracking-no'], ['recording', '--recording']] as const) {
        if (opts[key] !== undefined) {
          usage(`${flag} 需要与 --outcome 一起用：交互录入时会询问。`, `${flag} needs --outcome: the interactive mode asks for it.`);
        }
      }
    }
    const files = readAttachments(opts.attach ?? [], ctx.cwd, '--attach');
    await withSession(ctx, command, async ({ db }) => {
      const loan: LoanRef | null = opts.loan ? requireLoan(db, opts.loan) : null;
      let borrowerId = loan?.borrowerId ?? null;
      if (opts.borrower) {
        const b = resolveBorrower(db, opts.borrower);
        if (loan && borrowerDetail(db, b)?.householdId !== loan.householdId) {
          usage(`合同 ${opts.loan} 不属于“${maskPersonal(opts.borrower)}”这一户。`, `Loan ${opts.loan} does not belong to ${maskPersonal(opts.borrower)}'s household.`);
        }
        borrowerId = loan ? loan.borrowerId : b;
      }
      const officerDefault = getSetting(db, 'officer');
      let draft: VisitDraft;
      if (interactive) {
        draft = await visitWizard(ctx.prompter(), {
          lang: ctx.lang,
          today: day,
          defaultOfficer: officerDefault,
          preset: borrowerId !== null ? { borrowerId, loanId: loan?.loanId ?? null } : undefined,
          presetDate: date,
          presetChannel: opts.channel !== undefined ? flagEvidence.channel : undefined,
          presetOfficer: opts.officer?.trim() || undefined,
          presetNote: opts.note,
          presetEscalate: opts.escalate,
          findBorrowers: (term) =>
            findBorrowers(db, term, 30).map((b) => ({
              borrowerId: b.borrowerId,
              name: `${b.name}  ${b.village}${b.group ? ' ' + b.group : ''}`,
              description: [b.loanNos, maskIdNumber(b.idNumber)].filter(Boolean).join('  '),
            })),
          townships: () => townshipsWithHouseholds(db),
          villages: (id) => villagesWithHouseholds(db, id),
          households: (id) => householdsIn(db, id).map((x) => ({ borrowerId: x.borrowerId, label: `${x.head}${x.group ? '  ' + x.group : ''}${x.borrowers !== x.head ? `  (${x.borrowers})` : ''}` })),
          household: (id) => wizardHousehold(db, id),
          describeHousehold: (id) => householdBriefAsText(householdBrief(db, id, day), ctx.lang, { ascii: !!globals(command).ascii, width: tableWidth(ctx) }),
          describeDraft: (d, hh) => visitDraftAsText(d, hh.name, new Map(hh.loans.map((l) => [l.loanId, l.loanNo])), ctx.lang),
          say: (s) => warn(ctx, s),
        });
      } else {
        const officer = opts.officer?.trim() || officerDefault;
        if (!officer) usage('请用 --officer 写明催收员（或先 fieldvisit config set officer 姓名）。', 'Say who visited with --officer (or set a default: fieldvisit config set officer NAME).');
        const hh = borrowerDetail(db, borrowerId!)!;
        draft = {
          householdId: hh.householdId,
          borrowerId: borrowerId!,
          visitDate: date ?? day,
          officer,
          note: opts.note?.trim() || null,
          escalate: opts.escalate?.trim() || null,
          outcomes: flagOutcomes.map((o) => (o.kind === 'note' ? o : { ...o, loanId: loan?.loanId ?? null })),
          evidence: flagEvidence,
        };
      }
      // A notice cannot come back signed before it was issued: most likely a wrong number or date. --force records it.
      for (const o of draft.outcomes) {
        if (o.kind !== 'notice-signed' || !o.noticeNo) continue;
        const n = noticeByNo(db, o.noticeNo);
        if (n?.issuedOn && draft.visitDate < n.issuedOn && !opts.force) {
          throw new DataError(
            text(
              `通知书 ${o.noticeNo} 于 ${n.issuedOn} 发出，签回日期 ${draft.visitDate} 却更早：请核对编号和日期；确认无误时加 --force 记录。未保存。`,
              `Notice ${o.noticeNo} was issued on ${n.issuedOn}, but the signing date ${draft.visitDate} is earlier: check the number and the date; if both are right, add --force. Nothing was saved.`,
            ),
          );
        }
      }
      // The visit and its proof are saved together or not at all.
      const r = recordVisitWithAttachments(db, { ...draft, source: 'cli', createdAt: nowIso(ctx) }, day, files);
      const saved = visitById(db, r.visitId)!;
      const warnings = r.warnings.map((w) => pick(w, ctx.lang));
      if (opts.json) out(ctx, savedVisitWithAttachmentsAsJson(saved, warnings, r.attachments ? [...r.attachments.added, ...r.attachments.alreadyAttached] : []));
      else out(ctx, savedVisitAsText(saved, ctx.lang) + (r.attachments ? attachResultAsText(r.attachments, ctx.lang, { ascii: !!globals(command).ascii, width: tableWidth(ctx) }) : ''));
      for (const w of warnings) warn(ctx, t(ctx, text('注意：', 'Warning: ')) + w);
    });
  };
}
