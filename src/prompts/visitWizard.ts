// The interactive `visit log`: find the household, then date, officer, outcomes and only the data each outcome needs.
import type { Choice, Prompter } from './prompter.js';
import { CancelledError, DataError } from '../domain/errors.js';
import { normaliseDate, type IsoDate } from '../domain/dates.js';
import { fenToDisplay, parseYuan, type Fen } from '../domain/money.js';
import { CHANNELS, CHANNEL_LABELS, type Channel, type ContactEvidence, NOT_SIGNED_REASONS, OUTCOME_KINDS, OUTCOME_LABELS, REASON_LABELS, type NotSignedReason, type OutcomeKind, type SignedBy } from '../domain/outcomes.js';
import { checkVisit, type OutcomeInput } from '../domain/visit.js';
import { pick, type Lang } from '../domain/text.js';

export interface WizardLoan {
  loanId: number;
  loanNo: string;
  borrower: string;
  principalFen: Fen;
  interestFen: Fen;
}

export interface WizardHousehold {
  householdId: number;
  borrowerId: number;
  name: string;
  loans: WizardLoan[];
  /** Numbers issued for this household's loans and not yet signed back. */
  outstandingNotices: { noticeNo: string; loanId: number; type: string | null }[];
}

export interface BorrowerPick {
  borrowerId: number;
  name: string;
  description: string;
}

export interface VisitDraft {
  householdId: number;
  borrowerId: number;
  visitDate: IsoDate;
  officer: string;
  note: string | null;
  escalate: string | null;
  outcomes: OutcomeInput[];
  /** How the contact was made and its evidence (a field visit when not said). */
  evidence?: ContactEvidence;
}

export interface WizardDeps {
  lang: Lang;
  today: IsoDate;
  defaultOfficer: string | null;
  /** Already chosen with --loan or --borrower. */
  preset?: { borrowerId: number; loanId: number | null };
  presetDate?: IsoDate;
  /** --channel given on the command line: not asked again. */
  presetChannel?: Channel;
  presetOfficer?: string;
  /** --note / --escalate given on the command line: part of the draft, so the summary shows what will be saved. */
  presetNote?: string;
  presetEscalate?: string;
  findBorrowers(term: string): BorrowerPick[];
  townships(): { id: number; name: string; households: number }[];
  villages(townshipId: number): { id: number; name: string; households: number }[];
  households(villageId: number): { borrowerId: number; label: string }[];
  household(borrowerId: number): WizardHousehold;
  /** The household's loans and balances, last visits, open promises, stance: shown before any question. */
  describeHousehold(borrowerId: number): string;
  describeDraft(d: VisitDraft, h: WizardHousehold): string;
  say(s: string): void;
}

type Pick = { kind: 'browse' } | { kind: 'borrower'; borrowerId: number };

export async function visitWizard(p: Prompter, d: WizardDeps): Promise<VisitDraft> {
  const L = d.lang;
  const m = (zh: string, en: string) => (L === 'zh' ? zh : en);

  // How the contact was made comes first: it decides what proof the rest needs.
  const channel =
    d.presetChannel ??
    (await p.select<Channel>({
      message: m('联系方式', 'How was the contact made'),
      choices: CHANNELS.map((c) => ({ value: c, name: pick(CHANNEL_LABELS[c], L) })),
      default: 'visit',
    }));
  const borrowerId = d.preset?.borrowerId ?? (await pickBorrower(p, d, m));
  const h = d.household(borrowerId);
  d.say(d.describeHousehold(borrowerId));

  const visitDate =
    d.presetDate ??
    normaliseDate(
      await p.input({
        message: m('走访日期', 'Visit date'),
        default: d.today,
        validate: (v) => {
          const x = normaliseDate(v, d.today);
          if (!x) return m('请输入日期，如 2026-11-20（或“昨天”）', 'Enter a date such as 2026-11-20 (or "yesterday")');
          if (x > d.today) return m(`不能晚于今天（${d.today}）`, `Cannot be after today (${d.today})`);
          return true;
        },
      }),
      d.today,
    )!;

  const officer =
    d.presetOfficer ??
    (
      await p.input({
        message: m('催收员', 'Officer'),
        default: d.defaultOfficer ?? undefined,
        validate: (v) => (v.trim() ? true : m('请输入催收员姓名', 'Enter the officer’s name')),
      })
    ).trim();

  const kinds = await p.checkbox<OutcomeKind>({
    message: m('走访结果（空格选择，回车确认）', 'Outcomes (space to select, enter when done)'),
    choices: OUTCOME_KINDS.map((k) => ({ value: k, name: pick(OUTCOME_LABELS[k], L) })),
    required: true,
  });
  if (kinds.length === 0) throw new CancelledError();

  const outcomes: OutcomeInput[] = [];
  let note: string | null = d.presetNote?.trim() || null;
  let escalate: string | null = d.presetEscalate?.trim() || null;
  const presetLoan = d.preset?.loanId ?? null;

  const chooseLoan = async (kind: OutcomeKind, allowAll: boolean): Promise<number | null> => {
    if (presetLoan !== null) return presetLoan;
    if (h.loans.length === 1) return allowAll ? null : h.loans[0]!.loanId;
    const choices: Choice<number | null>[] = h.loans.map((l) => ({
      value: l.loanId,
      name: `${l.loanNo}  ${l.borrower}  ${m('本金', 'principal')} ${fenToDisplay(l.principalFen)}  ${m('利息', 'interest')} ${fenToDisplay(l.interestFen)}`,
    }));
    if (allowAll) choices.unshift({ value: null, name: m(`该户全部 ${h.loans.length} 笔贷款`, `all ${h.loans.length} loans of the household`) });
    return p.select<number | null>({ message: m(`${pick(OUTCOME_LABELS[kind], L)}：哪笔贷款？`, `${pick(OUTCOME_LABELS[kind], L)}: which loan?`), choices });
  };

  for (const kind of kinds) {
    switch (kind) {
      case 'notice-signed': {
        const loanId = await chooseLoan(kind, true);
        const open = h.outstandingNotices.filter((n) => loanId === null || n.loanId === loanId);
        let noticeNo: string | null;
        if (open.length > 0) {
          const picked = await p.select<string>({
            message: m('签回的通知书编号', 'Number of the notice signed back'),
            choices: [
              ...open.map((n) => ({ value: n.noticeNo, name: n.noticeNo })),
              { value: '\u0000other', name: m('其他编号…', 'another number…') },
              { value: '', name: m('没有编号', 'no number') },
            ],
          });
          noticeNo = picked === '\u0000other' ? (await p.input({ message: m('通知书编号', 'Notice number') })).trim() || null : picked || null;
        } else {
          noticeNo = (await p.input({ message: m('通知书编号（没有可留空）', 'Notice number (leave empty if none)'), default: '' })).trim() || null;
        }
        const signedBy = await p.select<SignedBy>({
          message: m('谁签的？', 'Signed by'),
          choices: [
            { value: 'borrower', name: m('借款人本人', 'the borrower') },
            { value: 'relative', name: m('同住成年亲属', 'a co-resident adult relative') },
          ],
          default: 'borrower',
        });
        const relation =
          signedBy === 'relative'
            ? (await p.input({ message: m('与借款人的关系（如 妻子、儿子）', 'Relation to the borrower (e.g. wife, son)'), validate: (v) => (v.trim() ? true : m('请填写关系', 'Enter the relation')) })).trim()
            : null;
        outcomes.push({ kind, loanId, noticeNo, signedBy, relation });
        break;
      }
      case 'not-signed': {
        const loanId = await chooseLoan(kind, true);
        const reason = await p.select<NotSignedReason>({
          message: m('未签回的原因', 'Why not signed'),
          choices: NOT_SIGNED_REASONS.map((r) => ({ value: r, name: pick(REASON_LABELS[r], L) })),
        });
        const where = reason === 'away' ? (await p.input({ message: m('在哪里（如 广州）', 'Where (e.g. Guangzhou)'), default: '' })).trim() || null : null;
        outcomes.push({ kind, loanId, reason, where });
        break;
      }
      case 'cash': {
        const loanId = (await chooseLoan(kind, false))!;
        const loan = h.loans.find((l) => l.loanId === loanId)!;
        const principalFen = await askMoney(p, m(`收回本金（最多 ${fenToDisplay(loan.principalFen)}）`, `Principal paid (at most ${fenToDisplay(loan.principalFen)})`), loan.principalFen, m);
        const interestFen = await askMoney(p, m(`收回利息（最多 ${fenToDisplay(loan.interestFen)}）`, `Interest paid (at most ${fenToDisplay(loan.interestFen)})`), loan.interestFen, m);
        if (principalFen + interestFen === 0) {
          d.say(m('本金和利息都是 0：不记录现金收回。', 'Principal and interest are both 0: no cash recorded.'));
          break;
        }
        outcomes.push({ kind, loanId, principalFen, interestFen });
        break;
      }
      case 'intent': {
        const loanId = await chooseLoan(kind, true);
        const amount = await p.input({
          message: m('承诺还款金额（元）', 'Amount promised (yuan)'),
          validate: (v) => {
            const r = parseYuan(v);
            return r.ok && r.fen > 0 ? true : m('请输入大于 0 的金额，如 500 或 500.50', 'Enter an amount above 0, e.g. 500 or 500.50');
          },
        });
        const date = await p.input({
          message: m('承诺还款日期', 'Date promised'),
          validate: (v) => {
            const x = v.trim() ? normaliseDate(v, d.today) : null;
            if (!x) return m('请输入日期，如 2026-11-30', 'Enter a date such as 2026-11-30');
            return x >= visitDate ? true : m('承诺日期不能早于走访日期', 'The promised date cannot be before the visit');
          },
        });
        outcomes.push({ kind, loanId, promiseAmountFen: (parseYuan(amount) as { fen: number }).fen, promiseDate: normaliseDate(date, d.today)! });
        break;
      }
      case 'statute-expired':
      case 'demand': {
        outcomes.push({ kind, loanId: await chooseLoan(kind, true) });
        break;
      }
      case 'note': {
        // The text was given with --note / --escalate: nothing more to ask.
        if (note || escalate) {
          outcomes.push({ kind, loanId: null });
          break;
        }
        const t = (await p.input({ message: m('情况说明', 'What happened'), validate: (v) => (v.trim() ? true : m('请写几句说明', 'Write a few words')) })).trim();
        const up = await p.confirm({ message: m('需要主管或部门协助吗？', 'Is this a matter for the supervisor?'), default: false });
        if (up) escalate = t;
        else note = t;
        // The text lives on the visit (note or escalate), as in imported visits.
        outcomes.push({ kind, loanId: null });
        break;
      }
    }
  }
  if (outcomes.length === 0) throw new CancelledError();

  const evidence = await askEvidence(p, channel, visitDate, d.today, m);
  const draft: VisitDraft = { householdId: h.householdId, borrowerId: h.borrowerId, visitDate, officer, note, escalate, outcomes, evidence };
  // The same rules the save applies, checked before the summary so the officer is not asked to confirm a visit that would be refused.
  const errs = checkVisit({ ...draft, source: 'cli', createdAt: '' }, d.today);
  if (errs.length) throw new DataError(errs[0]!, errs.slice(1));
  d.say(d.describeDraft(draft, h));
  const ok = await p.confirm({ message: m('保存这次走访？', 'Save this visit?'), default: true });
  if (!ok) throw new CancelledError();
  return draft;
}

/** The proof a remote contact carries: whether and when a message or letter arrived, a call's recording. */
async function askEvidence(p: Prompter, channel: Channel, visitDate: IsoDate, today: IsoDate, m: (zh: string, en: string) => string): Promise<ContactEvidence> {
  const ev: ContactEvidence = { channel, delivery: null, deliveredOn: null, deliveredTo: null, trackingNo: null, recording: null };
  const dateQ = async (message: string) => {
    const v = await p.input({
      message,
      validate: (x) => {
        if (!x.trim()) return true;
        const d = normaliseDate(x, today);
        if (!d) return m('请输入日期，如 2026-11-20，或留空', 'Enter a date such as 2026-11-20, or leave it empty');
        if (d < visitDate || d > today) return m(`应在 ${visitDate} 到 ${today} 之间`, `Between ${visitDate} and ${today}`);
        return true;
      },
    });
    return v.trim() ? normaliseDate(v, today) : null;
  };
  if (channel === 'phone') ev.recording = await p.confirm({ message: m('有通话录音吗？', 'Is there a recording of the call?'), default: false });
  if (channel === 'message') {
    ev.deliveredTo = (await p.input({ message: m('发送到的号码或微信（可留空）', 'Sent to which number or WeChat (may be empty)') })).trim() || null;
    const delivered = await p.confirm({ message: m('已送达吗？', 'Was it delivered?'), default: true });
    ev.delivery = delivered ? 'delivered' : 'not-delivered';
    if (delivered) ev.deliveredOn = await dateQ(m('送达日期（留空：未知，不计入时效）', 'Delivered on (empty: unknown, does not count for the clock)'));
  }
  if (channel === 'letter' || channel === 'lawyer-letter') {
    ev.trackingNo = (await p.input({ message: m('邮件单号（可留空）', 'Tracking number (may be empty)') })).trim() || null;
    ev.deliveredOn = await dateQ(m('妥投日期（留空：尚未送达）', 'Delivered on (empty: not delivered yet)'));
    if (ev.deliveredOn) ev.delivery = 'delivered';
  }
  return ev;
}

async function pickBorrower(p: Prompter, d: WizardDeps, m: (zh: string, en: string) => string): Promise<number> {
  const browse: Choice<Pick> = { value: { kind: 'browse' }, name: m('按 乡镇 → 村委 → 农户 逐级查找…', 'Walk township → village → household…') };
  const picked = await p.search<Pick>({
    message: m('借款人（输入姓名、身份证号、电话或合同编号）', 'Borrower (type a name, ID number, phone or loan number)'),
    source: (term) => {
      const t = (term ?? '').trim();
      if (!t) return [browse];
      const hits = d.findBorrowers(t).map((b): Choice<Pick> => ({ value: { kind: 'borrower', borrowerId: b.borrowerId }, name: b.name, description: b.description }));
      return [...hits, browse];
    },
  });
  if (picked.kind === 'borrower') return picked.borrowerId;
  const towns = d.townships();
  const townshipId =
    towns.length === 1
      ? towns[0]!.id
      : await p.select<number>({ message: m('乡镇', 'Township'), choices: towns.map((t) => ({ value: t.id, name: `${t.name} (${t.households})` })) });
  const villageId = await p.select<number>({
    message: m('村委', 'Village committee'),
    choices: d.villages(townshipId).map((v) => ({ value: v.id, name: `${v.name} (${v.households})` })),
  });
  return p.select<number>({ message: m('农户', 'Household'), choices: d.households(villageId).map((h) => ({ value: h.borrowerId, name: h.label })) });
}

async function askMoney(p: Prompter, message: string, maxFen: Fen, m: (zh: string, en: string) => string): Promise<Fen> {
  const v = await p.input({
    message,
    default: '0',
    validate: (s) => {
      const r = parseYuan(s);
      if (!r.ok) return m('请输入金额，如 300 或 300.50', 'Enter an amount such as 300 or 300.50');
      if (r.fen > maxFen) return m(`超过所欠的 ${fenToDisplay(maxFen)}`, `More than is owed (${fenToDisplay(maxFen)})`);
      return true;
    },
  });
  return (parseYuan(v) as { fen: Fen }).fen;
}

