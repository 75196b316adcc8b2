// The limitation clock (诉讼时效) of one loan and its guarantee period: pure rules, dates in, a dated verdict out.
import { addMonths, addYears, daysBetween, type IsoDate } from './dates.js';
import { text, type Text } from './text.js';

/** Events that interrupt the period (Civil Code art. 195) and those recorded beside them that do not. */
export const INTERRUPTING_KINDS = ['notice-signed', 'relative-signed', 'intent', 'payment', 'lawsuit', 'public-notice'] as const;
export type InterruptingKind = (typeof INTERRUPTING_KINDS)[number];
export type ClockEventKind = InterruptingKind | 'not-signed' | 'note';

/** After expiry only the borrower's own acts count as reconfirming the debt (SPC reply 法复〔1999〕7号). */
const RECONFIRMING_KINDS: ReadonlySet<string> = new Set(['notice-signed', 'intent', 'payment']);

export { LIMITATION_STATUSES, type LimitationStatus } from './limitationStatus.js';
import type { LimitationStatus } from './limitationStatus.js';

/** The day the old general period (2 years) gave way to 3 years: General Provisions of the Civil Law in force. */
export const CUTOFF_2017: IsoDate = '2017-10-01';
export const OLD_PERIOD_YEARS = 2;
export const OUTER_LIMIT_YEARS = 20;
export const DEATH_SUSPENSION_MONTHS = 6;
export const DEFAULT_GUARANTEE_MONTHS = 6;
export const DEFAULT_PERIOD_YEARS = 3;
export const DEFAULT_EXPIRING_DAYS = 30;

export interface ClockEvent {
  date: IsoDate;
  kind: ClockEventKind;
  visitId?: number | null;
  /** e.g. the refusal reason or a note's text, shown beside the event. */
  detail?: string | null;
}

export type EventEffect = 'interrupts' | 'reconfirms' | 'after-expiry' | 'before-due-date' | 'does-not-interrupt';

export interface ClockEventUsed extends ClockEvent {
  effect: EventEffect;
}

export type RuleCode =
  | 'from-due-date'
  | 'restarted'
  | 'pre-2017-expired'
  | 'death-suspension'
  | 'death-suspended-no-heir'
  | 'twenty-year-limit';

export interface LimitationInput {
  dueDate: IsoDate;
  events: ClockEvent[];
  deceasedOn?: IsoDate | null;
  heirKnownOn?: IsoDate | null;
  periodYears?: number;
  /** The latest `statute-expired` outcome an officer recorded, kept as recorded. */
  officerFinding?: { date: IsoDate; visitId?: number | null } | null;
}

export interface LimitationClock {
  dueDate: IsoDate;
  periodYears: number;
  /** Last day the claim can still be brought; null while suspended with no end in sight (death, heir unknown). */
  expires: IsoDate | null;
  suspended: boolean;
  status: LimitationStatus;
  /** expires − today: 0 on the last day, negative once expired; null while suspended. */
  daysLeft: number | null;
  lastInterruption: ClockEventUsed | null;
  rule: { code: RuleCode; text: Text };
  events: ClockEventUsed[];
  /** The latest act of the borrower after expiry that may reconfirm the debt (check its wording). */
  reconfirmedOn: IsoDate | null;
  outerLimit: IsoDate;
  officerFinding: { date: IsoDate; visitId: number | null; disagrees: boolean } | null;
}

interface Segment {
  start: IsoDate;
  /** Date the segment ends, before the 20-year cap; null while suspended indefinitely. */
  end: IsoDate | null;
  code: RuleCode;
}

/** One running period from `start`: the pre-2017 rule, N years, then the death suspension. */
function segmentFrom(start: IsoDate, isDueDate: boolean, periodYears: number, deceasedOn: IsoDate | null, heirKnownOn: IsoDate | null): Segment {
  const oldEnd = addYears(start, OLD_PERIOD_YEARS);
  if (oldEnd < CUTOFF_2017) return { start, end: oldEnd, code: 'pre-2017-expired' };
  const plain = addYears(start, periodYears);
  if (deceasedOn && deceasedOn <= plain) {
    const lastSixStart = addMonths(plain, -DEATH_SUSPENSION_MONTHS);
    const heir = heirKnownOn && heirKnownOn < deceasedOn ? deceasedOn : heirKnownOn;
    // The obstacle (no heir or administrator known) exists at some point in the last six months.
    if (!heir || heir > lastSixStart) {
      if (!heir) return { start, end: null, code: 'death-suspended-no-heir' };
      const end = addMonths(heir, DEATH_SUSPENSION_MONTHS);
      if (end > plain) return { start, end, code: 'death-suspension' };
    }
  }
  return { start, end: plain, code: isDueDate ? 'from-due-date' : 'restarted' };
}

function kindOrder(k: string): number {
  const i = (INTERRUPTING_KINDS as readonly string[]).indexOf(k);
  return i < 0 ? 99 : i;
}

/**
 * The clock. Conventions (README "Whom to visit next"):
 * - a period of N years from date D ends on D + N years (same month and day; 29 Feb → 28 Feb), and that
 *   day is still within time (Civil Code arts. 201–202: the first day is not counted, the period ends on
 *   the corresponding date). `expired` when today is after it.
 * - an interrupting event on or before the end restarts the period from the event's date;
 * - a segment whose old 2-year period ended before 2017-10-01 stays expired (SPC 法释〔2018〕12号 art. 3);
 * - death with no heir known during the last six months: the end moves to heir known + 6 months, or waits;
 * - nothing ends later than due date + 20 years; events after the end never revive the clock.
 */
export function limitationClock(input: LimitationInput, today: IsoDate, expiringWithinDays = DEFAULT_EXPIRING_DAYS): LimitationClock {
  const periodYears = input.periodYears ?? DEFAULT_PERIOD_YEARS;
  const deceasedOn = input.deceasedOn ?? null;
  const heirKnownOn = input.heirKnownOn ?? null;
  const outerLimit = addYears(input.dueDate, OUTER_LIMIT_YEARS);
  const sorted = [...input.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : kindOrder(a.kind) - kindOrder(b.kind)));

  let seg = segmentFrom(input.dueDate, true, periodYears, deceasedOn, heirKnownOn);
  let lastInterruption: ClockEventUsed | null = null;
  let expiredAt: IsoDate | null = null; // set once an event comes after the end
  const used: ClockEventUsed[] = [];
  let reconfirmedOn: IsoDate | null = null;

  const capped = (end: IsoDate | null): IsoDate => (end === null || end > outerLimit ? outerLimit : end);

  for (const e of sorted) {
    const interrupting = (INTERRUPTING_KINDS as readonly string[]).includes(e.kind);
    if (e.date < input.dueDate) {
      used.push({ ...e, effect: interrupting ? 'before-due-date' : 'does-not-interrupt' });
      continue;
    }
    const end = capped(seg.end);
    if (expiredAt === null && e.date > end) expiredAt = end;
    if (expiredAt !== null) {
      const reconfirms = RECONFIRMING_KINDS.has(e.kind);
      if (reconfirms) reconfirmedOn = e.date;
      used.push({ ...e, effect: reconfirms ? 'reconfirms' : interrupting ? 'after-expiry' : 'does-not-interrupt' });
      continue;
    }
    if (!interrupting) {
      used.push({ ...e, effect: 'does-not-interrupt' });
      continue;
    }
    const u: ClockEventUsed = { ...e, effect: 'interrupts' };
    used.push(u);
    lastInterruption = u;
    seg = segmentFrom(e.date, false, periodYears, deceasedOn, heirKnownOn);
  }

  let code: RuleCode = seg.code;
  let end: IsoDate | null = seg.end;
  if (end === null || end > outerLimit) {
    // Suspension waits for an heir but never past the 20-year outer limit.
    if (end !== null || today > outerLimit) {
      end = outerLimit;
      code = 'twenty-year-limit';
    }
  }
  if (expiredAt !== null) end = expiredAt;
  const suspended = end === null;
  const isExpired = expiredAt !== null || (end !== null && today > end);
  const status: LimitationStatus = isExpired
    ? reconfirmedOn
      ? 'reconfirmed'
      : 'expired'
    : end !== null && daysBetween(today, end) <= expiringWithinDays
      ? 'expiring'
      : 'running';
  const daysLeft = end === null ? null : daysBetween(today, end);

  // The officer's finding disagrees when, by these rules, the claim was still within time on the day of the finding.
  const f = input.officerFinding;
  const finding = f ? { date: f.date, visitId: f.visitId ?? null, disagrees: !(end !== null && f.date > end) } : null;

  return {
    dueDate: input.dueDate,
    periodYears,
    expires: end,
    suspended,
    status,
    daysLeft,
    lastInterruption,
    rule: { code, text: ruleText(code, { periodYears, start: seg.start, end, dueDate: input.dueDate, heirKnownOn, deceasedOn }) },
    events: used,
    reconfirmedOn,
    outerLimit,
    officerFinding: finding,
  };
}

function ruleText(
  code: RuleCode,
  c: { periodYears: number; start: IsoDate; end: IsoDate | null; dueDate: IsoDate; heirKnownOn: IsoDate | null; deceasedOn: IsoDate | null },
): Text {
  const n = c.periodYears;
  switch (code) {
    case 'from-due-date':
      return text(
        `自到期日 ${c.dueDate} 起算 ${n} 年，期间内没有中断事由（《民法典》第188条）。`,
        `${n} years from the due date ${c.dueDate}, never interrupted (Civil Code art. 188).`,
      );
    case 'restarted':
      return text(
        `自最后一次中断 ${c.start} 起重新计算 ${n} 年（《民法典》第195条）。`,
        `${n} years again from the last interruption on ${c.start} (Civil Code art. 195).`,
      );
    case 'pre-2017-expired':
      return text(
        `原 2 年诉讼时效（自 ${c.start} 起）在 2017-10-01 之前已届满，不适用 3 年新规（法释〔2018〕12号第3条）。`,
        `The old 2-year period from ${c.start} ran out before 2017-10-01, so the 3-year rule does not apply (SPC interpretation 2018 No. 12, art. 3).`,
      );
    case 'death-suspension':
      return text(
        `借款人于 ${c.deceasedOn} 死亡，时效期间最后六个月内继承人未确定，时效中止；继承人于 ${c.heirKnownOn} 确定，自此满六个月届满（《民法典》第194条）。`,
        `The borrower died on ${c.deceasedOn} and no heir was known in the last six months of the period, which was suspended; the heir became known on ${c.heirKnownOn}, so the period ends six months later (Civil Code art. 194).`,
      );
    case 'death-suspended-no-heir':
      return text(
        `借款人于 ${c.deceasedOn} 死亡，尚未确定继承人或遗产管理人：时效中止，确定后满六个月才届满（《民法典》第194条）。请登记继承人：fieldvisit borrower set。`,
        `The borrower died on ${c.deceasedOn} and no heir or estate administrator is known: the period is suspended and ends six months after one becomes known (Civil Code art. 194). Record the heir with fieldvisit borrower set.`,
      );
    case 'twenty-year-limit':
      return text(
        `自到期日 ${c.dueDate} 起超过 20 年的，人民法院不予保护（《民法典》第188条）：最迟 ${c.end}。`,
        `No protection more than 20 years after the due date ${c.dueDate} (Civil Code art. 188): ${c.end} at the latest.`,
      );
  }
}

export const STATUS_TEXT: Record<LimitationStatus, Text> = {
  running: { zh: '时效内', en: 'running' },
  expiring: { zh: '即将届满', en: 'expiring' },
  expired: { zh: '已届满', en: 'expired' },
  reconfirmed: { zh: '已届满（有重新确认）', en: 'expired, reconfirmed' },
};

export const EVENT_KIND_TEXT: Record<ClockEventKind, Text> = {
  'notice-signed': { zh: '借款人签收催收通知书', en: 'notice signed by the borrower' },
  'relative-signed': { zh: '同住成年亲属代签通知书', en: 'notice signed by a co-resident adult relative' },
  intent: { zh: '达成还款意向', en: 'repayment intent' },
  payment: { zh: '还款', en: 'payment' },
  lawsuit: { zh: '提起诉讼', en: 'lawsuit filed' },
  'public-notice': { zh: '公告催收', en: 'demand by public notice' },
  'not-signed': { zh: '未签回通知书', en: 'notice not signed' },
  note: { zh: '走访记录', en: 'visit note' },
};

/** Short labels for table cells. */
export const EVENT_KIND_SHORT: Record<ClockEventKind, Text> = {
  'notice-signed': { zh: '本人签收', en: 'signed' },
  'relative-signed': { zh: '亲属代签', en: 'relative signed' },
  intent: { zh: '还款意向', en: 'intent' },
  payment: { zh: '还款', en: 'payment' },
  lawsuit: { zh: '起诉', en: 'lawsuit' },
  'public-notice': { zh: '公告催收', en: 'public notice' },
  'not-signed': { zh: '未签回', en: 'not signed' },
  note: { zh: '记录', en: 'note' },
};

export const EFFECT_TEXT: Record<EventEffect, Text> = {
  interrupts: { zh: '中断，重新计算', en: 'interrupts, restarts' },
  reconfirms: { zh: '届满后重新确认（请核对文书措辞）', en: 'after expiry: reconfirmation (check the wording)' },
  'after-expiry': { zh: '届满后发生，不能恢复时效', en: 'after expiry: does not revive' },
  'before-due-date': { zh: '早于到期日，不影响', en: 'before the due date: no effect' },
  'does-not-interrupt': { zh: '不中断时效', en: 'does not interrupt' },
};

/** One line for people: "expires 2027-03-14, in 112 days" and the like. */
export function clockSummary(c: LimitationClock): Text {
  if (c.status === 'reconfirmed') {
    return text(
      `已于 ${c.expires} 届满 — ${c.reconfirmedOn} 有重新确认记录（请核对文书措辞）`,
      `expired — reconfirmation recorded on ${c.reconfirmedOn} (check the wording)`,
    );
  }
  if (c.status === 'expired') return text(`已于 ${c.expires} 届满（${-(c.daysLeft ?? 0)} 天前）`, `expired on ${c.expires}, ${-(c.daysLeft ?? 0)} days ago`);
  if (c.suspended) return text('时效中止：待确定继承人后满六个月届满', 'suspended: ends six months after an heir becomes known');
  const d = c.daysLeft ?? 0;
  return d === 0
    ? text(`今天（${c.expires}）届满`, `expires today (${c.expires})`)
    : text(`${c.expires} 届满，还有 ${d} 天`, `expires ${c.expires}, in ${d} days`);
}

export type GuaranteeStatus = 'running' | 'ending' | 'ended';

export interface GuaranteeClock {
  guarantor: string;
  /** Last day of the guarantee period. */
  ends: IsoDate;
  source: 'roster' | 'default-6-months';
  daysLeft: number;
  status: GuaranteeStatus;
}

/**
 * The guarantee period (保证期间, Civil Code art. 692): the date the roster gives, else six months from the due
 * date. It is a fixed period: nothing interrupts, suspends or extends it.
 */
export function guaranteeClock(
  g: { guarantor: string | null; until?: IsoDate | null; dueDate: IsoDate | null },
  today: IsoDate,
  withinDays = DEFAULT_EXPIRING_DAYS,
): GuaranteeClock | null {
  if (!g.guarantor) return null;
  const ends = g.until ?? (g.dueDate ? addMonths(g.dueDate, DEFAULT_GUARANTEE_MONTHS) : null);
  if (!ends) return null;
  const daysLeft = daysBetween(today, ends);
  return {
    guarantor: g.guarantor,
    ends,
    source: g.until ? 'roster' : 'default-6-months',
    daysLeft,
    status: daysLeft < 0 ? 'ended' : daysLeft <= withinDays ? 'ending' : 'running',
  };
}

/** What the clock needs about one loan (src/db/limitation.ts gathers it; src/report reads it). */
export interface LoanClockFacts {
  loanId: number;
  loanNo: string;
  borrowerId: number;
  borrower: string;
  householdId: number;
  householdHead: string;
  township: string;
  area: string | null;
  village: string;
  group: string | null;
  officer: string | null;
  dueDate: IsoDate | null;
  principalFen: number;
  interestFen: number;
  guarantor: string | null;
  guaranteeUntil: IsoDate | null;
  status: string;
  deceasedOn: IsoDate | null;
  heirName: string | null;
  heirKnownOn: IsoDate | null;
  events: ClockEvent[];
  officerFinding: { date: IsoDate; visitId: number } | null;
}
