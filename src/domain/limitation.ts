// The limitation clock (诉讼时效) of one loan: pure rules, dated facts in, a dated verdict and the chain of reasoning out.
import { addMonths as addMonthsOnce, addYears as addYearsOnce, daysBetween, type IsoDate } from './dates.js';

// The clock moves the same few thousand dates by the same few periods for every loan: remembered (pure functions, so
// the results are the same); bounded, so a long run holds a few hundred kilobytes at most.
const shifted = new Map<number, Map<IsoDate, IsoDate>>();
let shiftedSize = 0;
function remembered(date: IsoDate, n: number, years: boolean): IsoDate {
  // Keyed by the amount (years as n, months as the complement, never equal to a year key) then by the date itself.
  const k = years ? n : -1e6 - n;
  let m = shifted.get(k);
  if (m === undefined) shifted.set(k, (m = new Map()));
  let r = m.get(date);
  if (r === undefined) {
    if (shiftedSize >= 50_000) {
      for (const x of shifted.values()) x.clear();
      shiftedSize = 0;
    }
    r = years ? addYearsOnce(date, n) : addMonthsOnce(date, n);
    m.set(date, r);
    shiftedSize++;
  }
  return r;
}
const addYears = (date: IsoDate, n: number): IsoDate => remembered(date, n, true);
const addMonths = (date: IsoDate, n: number): IsoDate => remembered(date, n, false);
import { text, type Text } from './text.js';
import { stageRank, type Actor, type LegalResult, type LegalStage, type LimitationStatus, type PublicMedium } from './limitationStatus.js';

export { LIMITATION_STATUSES, type LimitationStatus, type Actor, type LegalStage, type PublicMedium } from './limitationStatus.js';

/** The day the old general period (2 years) gave way to 3 years: General Provisions of the Civil Law in force. */
export const CUTOFF_2017: IsoDate = '2017-10-01';
export const OLD_PERIOD_YEARS = 2;
export const OUTER_LIMIT_YEARS = 20;
export const DEATH_SUSPENSION_MONTHS = 6;
export const DEFAULT_GUARANTEE_MONTHS = 6;
export const DEFAULT_PERIOD_YEARS = 3;
export const DEFAULT_EXPIRING_DAYS = 30;
/** Civil Procedure Law art. 250: two years to apply for enforcement, from the last day of performance the judgment sets. */
export const ENFORCEMENT_YEARS = 2;

/**
 * What the clock reads. Each is made from a recorded fact by src/domain/clockEvents.ts (visits' outcomes, loan marks,
 * legal events); `relative-signed` is the older spelling of a notice signed by a relative.
 */
export type ClockEventKind =
  | 'notice-signed'
  | 'relative-signed'
  | 'signed-promise'
  | 'intent'
  | 'payment'
  | 'public-notice'
  | 'accelerated'
  | 'lawsuit'
  | 'legal'
  | 'demand'
  | 'not-signed'
  | 'note';

export interface ClockEvent {
  date: IsoDate;
  kind: ClockEventKind;
  /** Whose act it is; borrower when not said. */
  actor?: Actor | null;
  visitId?: number | null;
  /** The loan mark (`loan mark`) or legal event (`loan legal`) row behind it. */
  markId?: number | null;
  legalId?: number | null;
  /** The refusal reason, a note's text, a case number: shown beside the event. */
  detail?: string | null;
  /** not-signed: why (not-found marks the borrower missing for a later public notice). */
  reason?: string | null;
  /** public-notice: the medium it ran in. */
  medium?: PublicMedium | null;
  /** legal: the stage, the last day of performance a judgment sets, a closing result. */
  stage?: LegalStage | null;
  performBy?: IsoDate | null;
  result?: LegalResult | null;
  /** notice-signed: the type of the notice, when it is in the register (an acceleration notice moves the start). */
  noticeType?: string | null;
  /** A remote contact (phone, message, letter) that cannot count: recorded but without proof, or not delivered. */
  unproven?: Text | null;
}

export type EventEffect =
  | 'interrupts'
  | 'waiver'
  | 'reconfirms'
  | 'after-expiry'
  | 'before-due-date'
  | 'does-not-interrupt'
  | 'not-the-borrower'
  | 'moves-start'
  | 'judgment'
  | 'enforcement'
  | 'closed';

export interface ClockEventUsed extends ClockEvent {
  effect: EventEffect;
  /** Why, with the article applied. */
  why: Text;
  /** The last day of the period (or the enforcement deadline) once this event is taken into account; null while suspended. */
  expiresAfter: IsoDate | null;
}

export type RuleCode =
  | 'from-due-date'
  | 'from-acceleration'
  | 'restarted'
  | 'waiver'
  | 'pre-2017-expired'
  | 'death-suspension'
  | 'death-suspended-no-heir'
  | 'twenty-year-limit'
  | 'enforcement-deadline'
  | 'enforcing'
  | 'closed';

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
  /** When the period started: the due date, or an earlier acceleration. */
  start: IsoDate;
  startReason: 'due-date' | 'acceleration';
  periodYears: number;
  /** Last day the claim can still be brought (after a judgment: the last day to apply for enforcement); null while suspended or closed. */
  expires: IsoDate | null;
  deadlineKind: 'limitation' | 'enforcement-application' | 'none';
  suspended: boolean;
  status: LimitationStatus;
  /** expires − today: 0 on the last day, negative once past; null while suspended. */
  daysLeft: number | null;
  lastInterruption: ClockEventUsed | null;
  rule: { code: RuleCode; text: Text };
  events: ClockEventUsed[];
  /** The latest act after expiry that may reconfirm the debt but is not a clear waiver (check the evidence). */
  reconfirmedOn: IsoDate | null;
  /** The latest waiver after expiry (a payment, or the borrower's signature with a promise): a new period ran from it. */
  waivedOn: IsoDate | null;
  judgment: { date: IsoDate; performBy: IsoDate } | null;
  enforcementAppliedOn: IsoDate | null;
  closed: { date: IsoDate; result: LegalResult | null } | null;
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
function segmentFrom(start: IsoDate, code: RuleCode, periodYears: number, deceasedOn: IsoDate | null, heirKnownOn: IsoDate | null): Segment {
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
  return { start, end: plain, code };
}

const KIND_ORDER: Record<ClockEventKind, number> = {
  accelerated: 0,
  'notice-signed': 1,
  'relative-signed': 2,
  'signed-promise': 3,
  intent: 4,
  payment: 5,
  demand: 6,
  lawsuit: 7,
  legal: 8,
  'public-notice': 9,
  'not-signed': 10,
  note: 11,
};

function compareEvents(a: ClockEvent, b: ClockEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const k = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (k !== 0) return k;
  return (a.stage ? stageRank(a.stage) : 0) - (b.stage ? stageRank(b.stage) : 0);
}

/** A relative's signature is the older `relative-signed` kind or a notice-signed with actor relative. */
function actorOf(e: ClockEvent): Actor {
  if (e.kind === 'relative-signed') return 'relative';
  return e.actor ?? 'borrower';
}

const A = {
  a188: text('《民法典》第188条', 'Civil Code art. 188'),
  a192: text('《民法典》第192条第2款；诉讼时效规定（2020）第19条', 'Civil Code art. 192(2); SPC limitation provisions (2020) art. 19'),
  a195demand: text('《民法典》第195条第1项；诉讼时效规定（2020）第8条第1款第1项', 'Civil Code art. 195(1); SPC limitation provisions (2020) art. 8(1)(i)'),
  a195agree: text('《民法典》第195条第2项；诉讼时效规定（2020）第14条', 'Civil Code art. 195(2); SPC limitation provisions (2020) art. 14'),
  a195suit: text('《民法典》第195条第3项', 'Civil Code art. 195(3)'),
  a8notice: text('诉讼时效规定（2020）第8条第1款第4项', 'SPC limitation provisions (2020) art. 8(1)(iv)'),
  a8message: text('诉讼时效规定（2020）第8条第1款第2、3项', 'SPC limitation provisions (2020) art. 8(1)(ii)-(iii)'),
  cpl250: text('《民事诉讼法》第250条', 'Civil Procedure Law art. 250'),
};

function cite(t: Text, article: Text): Text {
  return text(`${t.zh}（${article.zh}）`, `${t.en} (${article.en})`);
}

/**
 * The clock. Conventions (README "Whom to visit next"):
 * - a period of N years from date D ends on D + N years (same month and day; 29 Feb → 28 Feb), and that day is still
 *   within time (Civil Code arts. 201–202). `expired` when today is after it.
 * - the period starts at the due date, or at an earlier acceleration (a signed acceleration notice, `loan mark --accelerated`);
 * - an interrupting act of the borrower (or, for a demand, a co-resident adult relative for the borrower) on or before
 *   the end restarts the period from its date; a guarantor's act never touches the borrower's clock;
 * - a segment whose old 2-year period ended before 2017-10-01 stays expired (SPC 法释〔2018〕12号 art. 3);
 * - death with no heir known during the last six months: the end moves to heir known + 6 months, or waits;
 * - nothing ends later than start + 20 years;
 * - after expiry, a payment or the borrower's signature together with a promise is a waiver: a new period from its date;
 *   other acts of the borrower are "reconfirmation — check the evidence", with no new date;
 * - after a judgment the deadline is the application for enforcement: perform-by + 2 years (CPL art. 250).
 */
export function limitationClock(input: LimitationInput, today: IsoDate, expiringWithinDays = DEFAULT_EXPIRING_DAYS): LimitationClock {
  const periodYears = input.periodYears ?? DEFAULT_PERIOD_YEARS;
  const deceasedOn = input.deceasedOn ?? null;
  const heirKnownOn = input.heirKnownOn ?? null;
  const sorted = [...input.events].sort(compareEvents);

  // Acceleration: the earliest one before the contract due date moves the start of the period.
  let start = input.dueDate;
  let startReason: LimitationClock['startReason'] = 'due-date';
  for (const e of sorted) {
    if (isAcceleration(e) && e.date < start) {
      start = e.date;
      startReason = 'acceleration';
    }
  }
  const outerLimit = addYears(start, OUTER_LIMIT_YEARS);
  const capped = (end: IsoDate | null): IsoDate | null => (end !== null && end > outerLimit ? outerLimit : end);

  let seg = segmentFrom(start, startReason === 'acceleration' ? 'from-acceleration' : 'from-due-date', periodYears, deceasedOn, heirKnownOn);
  let lastInterruption: ClockEventUsed | null = null;
  let expiredAt: IsoDate | null = null; // set once an event comes after the end
  let reconfirmedOn: IsoDate | null = null;
  let waivedOn: IsoDate | null = null;
  let judgment: LimitationClock['judgment'] = null;
  let enforcementAppliedOn: IsoDate | null = null;
  let closed: LimitationClock['closed'] = null;
  const used: ClockEventUsed[] = [];
  // Whereabouts as last recorded, for public notices: only a borrower recorded as not found is missing (下落不明).
  let missing = false;

  const currentEnd = (): IsoDate | null => {
    if (closed) return null;
    if (judgment) return addYears(judgment.performBy, ENFORCEMENT_YEARS);
    if (expiredAt) return expiredAt;
    return seg.end === null ? (today > outerLimit ? outerLimit : null) : capped(seg.end);
  };
  const push = (e: ClockEvent, effect: EventEffect, why: Text) => {
    const u: ClockEventUsed = { ...e, effect, why, expiresAfter: currentEnd() };
    used.push(u);
    return u;
  };
  const restart = (e: ClockEvent, code: RuleCode, why: Text, effect: EventEffect = 'interrupts') => {
    seg = segmentFrom(e.date, code, periodYears, deceasedOn, heirKnownOn);
    expiredAt = null;
    const u = push(e, effect, why);
    lastInterruption = u;
  };

  for (const e of sorted) {
    const who = actorOf(e);
    if (e.kind === 'not-signed') {
      if (e.reason === 'not-found') missing = true;
      else if (e.reason === 'away' && e.detail) missing = false;
    } else if (who === 'borrower' && (e.kind === 'notice-signed' || e.kind === 'signed-promise' || e.kind === 'intent' || e.kind === 'payment')) {
      missing = false;
    }

    if (isAcceleration(e)) {
      push(
        e,
        e.date === start && startReason === 'acceleration' ? 'moves-start' : 'does-not-interrupt',
        e.date === start && startReason === 'acceleration'
          ? cite(text(`贷款于 ${e.date} 宣布提前到期，诉讼时效自此起算`, `the loan was accelerated on ${e.date}; the period runs from then`), A.a188)
          : text('提前到期日不早于已起算的日期，不改变起算点', 'the acceleration is not earlier than the start already in force: no change'),
      );
      continue;
    }
    if (e.date < start) {
      push(e, 'before-due-date', text('早于到期（或提前到期）日，不影响时效', 'before the due (or acceleration) date: no effect'));
      continue;
    }
    if (closed) {
      push(e, 'does-not-interrupt', text('案件已结案', 'the case is closed'));
      continue;
    }
    // Legal stages first: they apply whatever the state of the period.
    if (e.kind === 'legal' || e.kind === 'lawsuit') {
      const stage: LegalStage = e.kind === 'lawsuit' ? 'filed' : (e.stage ?? 'referred');
      switch (stage) {
        case 'referred':
          push(e, 'does-not-interrupt', text('移交法务部门，本身不中断时效', 'referred to the legal department: does not interrupt by itself'));
          break;
        case 'filed': {
          if (judgment) {
            push(e, 'does-not-interrupt', text('已有判决', 'there is already a judgment'));
            break;
          }
          const end = currentEnd();
          if (end !== null && e.date > end) {
            expiredAt ??= end;
            push(e, 'after-expiry', text('起诉时诉讼时效已届满：债务人可以提出时效抗辩', 'filed after expiry: the debtor may plead limitation'));
            break;
          }
          restart(
            e,
            'restarted',
            cite(
              text(`${e.date} 起诉，时效中断；本工具自起诉日重新计算（法律规定自程序终结时重新计算，起诉日是较早、较稳妥的界限）`, `lawsuit filed on ${e.date}: interrupted; the tool restarts from the filing date (the law restarts when the proceedings end; the filing date is the earlier, safe bound)`),
              A.a195suit,
            ),
          );
          break;
        }
        case 'judgment': {
          const performBy = e.performBy && e.performBy >= e.date ? e.performBy : e.date;
          judgment = { date: e.date, performBy };
          expiredAt = null;
          push(
            e,
            'judgment',
            cite(
              text(
                `${e.date} 判决${e.performBy ? `，履行期限至 ${e.performBy}` : '（未登记履行期限，按判决日计算）'}：申请强制执行的期限为履行期限届满后 2 年，至 ${addYears(performBy, ENFORCEMENT_YEARS)}`,
                `judgment on ${e.date}${e.performBy ? `, to be performed by ${e.performBy}` : ' (no perform-by recorded: counted from the judgment date)'}: enforcement must be applied for within 2 years of the last day of performance, by ${addYears(performBy, ENFORCEMENT_YEARS)}`,
              ),
              A.cpl250,
            ),
          );
          break;
        }
        case 'enforcement': {
          const deadline = judgment ? addYears(judgment.performBy, ENFORCEMENT_YEARS) : null;
          if (deadline && e.date > deadline) {
            push(e, 'after-expiry', cite(text(`申请执行时已超过期限 ${deadline}`, `applied for enforcement after the deadline ${deadline}`), A.cpl250));
            break;
          }
          enforcementAppliedOn = e.date;
          push(e, 'enforcement', cite(text(`${e.date} 申请强制执行，在期限内`, `enforcement applied for on ${e.date}, in time`), A.cpl250));
          break;
        }
        case 'closed':
          closed = { date: e.date, result: e.result ?? null };
          push(e, 'closed', text(`${e.date} 结案${e.result ? `（${e.result}）` : ''}`, `case closed on ${e.date}${e.result ? ` (${e.result})` : ''}`));
          break;
      }
      continue;
    }
    if (who === 'guarantor') {
      push(e, 'not-the-borrower', text('保证人的行为：不影响借款人的诉讼时效，只计入保证人的期间', "the guarantor's act: it never changes the borrower's clock, only the guarantor's"));
      continue;
    }
    if (e.unproven) {
      push(e, 'does-not-interrupt', e.unproven);
      continue;
    }
    if (judgment) {
      push(
        e,
        'does-not-interrupt',
        text('判决后本工具只按申请执行期限计算（较早、较稳妥），不因此延长', 'after a judgment the tool keeps the enforcement deadline (the earlier, safe date) and does not extend it'),
      );
      continue;
    }
    const end = currentEnd();
    const afterEnd = end !== null && e.date > end;
    if (afterEnd) {
      expiredAt ??= end;
      // After expiry: a payment by the borrower, or the borrower's signature with a promise, waives the defence.
      if (who === 'borrower' && (e.kind === 'payment' || e.kind === 'signed-promise')) {
        waivedOn = e.date;
        reconfirmedOn = null;
        restart(
          e,
          'waiver',
          cite(
            text(
              `届满后借款人${e.kind === 'payment' ? '还款' : '签收并承诺还款'}：放弃时效抗辩，自 ${e.date} 起重新计算 ${periodYears} 年（以该日期为较早、较稳妥的界限）`,
              `after expiry the borrower ${e.kind === 'payment' ? 'paid' : 'signed with a promise to pay'}: the limitation defence is waived; ${periodYears} years run again from ${e.date} (the earlier, safe bound)`,
            ),
            A.a192,
          ),
          'waiver',
        );
        continue;
      }
      if (who === 'borrower' && (e.kind === 'notice-signed' || e.kind === 'intent')) {
        reconfirmedOn = e.date;
        push(
          e,
          'reconfirms',
          text(
            e.kind === 'intent'
              ? '届满后借款人口头表示还款但未签字：是否放弃时效抗辩存疑，请核对证据'
              : '届满后借款人单纯签收通知书：是否同意履行存疑（需通知书载明还款内容），请核对证据',
            e.kind === 'intent'
              ? 'after expiry the borrower promised without signing: whether the defence is waived is doubtful; check the evidence'
              : 'after expiry the borrower signed a bare receipt: agreement to pay is doubtful unless the notice shows it; check the evidence',
          ),
        );
        continue;
      }
      if (who === 'relative' && (e.kind === 'notice-signed' || e.kind === 'relative-signed')) {
        reconfirmedOn = e.date;
        push(e, 'reconfirms', text('届满后亲属代签：不是借款人本人同意履行，请核对证据', "after expiry a relative signed: not the borrower's own agreement; check the evidence"));
        continue;
      }
      if (e.kind === 'not-signed' || e.kind === 'note') push(e, 'does-not-interrupt', text('没有送达催收、也没有同意履行：不中断时效', 'no demand delivered and no agreement to perform: does not interrupt'));
      else push(e, 'after-expiry', text('届满后发生，不能恢复时效', 'after expiry: does not revive the claim'));
      continue;
    }
    switch (e.kind) {
      case 'notice-signed':
      case 'relative-signed':
        restart(
          e,
          'restarted',
          cite(
            who === 'relative'
              ? text('同住成年亲属为借款人签收催收通知书：催收送达，时效中断', 'a co-resident adult relative signed the notice for the borrower: the demand reached the debtor, interrupted')
              : text('借款人签收催收通知书：催收送达，时效中断', 'the borrower signed the collection notice: the demand reached the debtor, interrupted'),
            A.a195demand,
          ),
        );
        break;
      case 'demand':
        restart(e, 'restarted', cite(text('催收函件或信息已送达：时效中断', 'a demand by letter or message was delivered: interrupted'), A.a8message));
        break;
      case 'signed-promise':
      case 'intent':
      case 'payment':
        if (who === 'relative') {
          push(
            e,
            'does-not-interrupt',
            text('亲属的承诺或代为还款不算借款人本人同意履行：本工具不据此中断（较稳妥）', "a relative's promise or payment is not the borrower's own agreement: the tool does not count it (the safe choice)"),
          );
          break;
        }
        restart(
          e,
          'restarted',
          cite(
            e.kind === 'payment'
              ? text('借款人部分还款：同意履行，时效中断', 'the borrower paid part: agreement to perform, interrupted')
              : e.kind === 'signed-promise'
                ? text('借款人签收并承诺还款：同意履行，时效中断', 'the borrower signed and promised to pay: agreement to perform, interrupted')
                : text('借款人达成还款意向：同意履行，时效中断', 'the borrower promised to pay: agreement to perform, interrupted'),
            A.a195agree,
          ),
        );
        break;
      case 'public-notice': {
        const medium = e.medium ?? null;
        if ((medium === 'national' || medium === 'provincial') && missing) {
          restart(
            e,
            'restarted',
            cite(text(`借款人下落不明，在${medium === 'national' ? '国家级' : '省级'}媒体公告催收：时效中断`, `the borrower is missing and the demand ran in ${medium} media: interrupted`), A.a8notice),
          );
        } else {
          const why =
            medium === null
              ? text('公告未登记媒体级别：不能认定中断（需国家级或借款人住所地省级媒体）', 'no medium recorded for the notice: it cannot count (national, or provincial media of the domicile, required)')
              : medium === 'other'
                ? text('公告刊登在省级以下媒体：不中断时效（需国家级或借款人住所地省级媒体）', 'the notice ran below provincial level: it does not interrupt (national, or provincial media of the domicile, required)')
                : text('公告前借款人未被记录为下落不明（未找到）：公告不中断时效', 'the borrower was not recorded as missing (not found) before the notice: it does not interrupt');
          push(e, 'does-not-interrupt', cite(why, A.a8notice));
        }
        break;
      }
      case 'not-signed':
      case 'note':
        push(e, 'does-not-interrupt', text('没有送达催收、也没有同意履行：不中断时效', 'no demand delivered and no agreement to perform: does not interrupt'));
        break;
      case 'accelerated':
        break; // handled above
    }
  }

  // The result.
  let code: RuleCode = seg.code;
  let end: IsoDate | null = seg.end;
  let deadlineKind: LimitationClock['deadlineKind'] = 'limitation';
  if (closed) {
    code = 'closed';
    end = null;
    deadlineKind = 'none';
  } else if (judgment) {
    end = addYears(judgment.performBy, ENFORCEMENT_YEARS);
    deadlineKind = 'enforcement-application';
    code = enforcementAppliedOn ? 'enforcing' : 'enforcement-deadline';
  } else {
    if (end === null || end > outerLimit) {
      // Suspension waits for an heir but never past the 20-year outer limit.
      if (end !== null || today > outerLimit) {
        end = outerLimit;
        code = 'twenty-year-limit';
      }
    }
    if (expiredAt !== null) end = expiredAt;
  }
  const suspended = end === null && !closed;
  let status: LimitationStatus;
  if (closed) status = 'closed';
  else if (judgment && enforcementAppliedOn) status = 'enforcing';
  else {
    const isExpired = (!judgment && expiredAt !== null) || (end !== null && today > end);
    status = isExpired
      ? reconfirmedOn && !judgment
        ? 'reconfirmed'
        : 'expired'
      : end !== null && daysBetween(today, end) <= expiringWithinDays
        ? 'expiring'
        : 'running';
  }
  const daysLeft = end === null || status === 'enforcing' ? null : daysBetween(today, end);

  // The officer's finding disagrees when, by these rules, the claim was still within time on the day of the finding.
  const f = input.officerFinding;
  const limitEnd = judgment || closed ? null : end;
  const finding = f ? { date: f.date, visitId: f.visitId ?? null, disagrees: !(limitEnd !== null && f.date > limitEnd) } : null;

  return {
    dueDate: input.dueDate,
    start,
    startReason,
    periodYears,
    expires: status === 'enforcing' ? end : end,
    deadlineKind,
    suspended,
    status,
    daysLeft,
    lastInterruption,
    rule: {
      code,
      text: ruleText(code, { periodYears, start: seg.start, end, dueDate: input.dueDate, periodStart: start, heirKnownOn, deceasedOn, judgment, enforcementAppliedOn, closed }),
    },
    events: used,
    reconfirmedOn,
    waivedOn,
    judgment,
    enforcementAppliedOn,
    closed,
    outerLimit,
    officerFinding: finding,
  };
}

function isAcceleration(e: ClockEvent): boolean {
  if (e.kind === 'accelerated') return true;
  // A signed acceleration notice: the borrower (or a relative for them) received the declaration.
  return (e.kind === 'notice-signed' || e.kind === 'relative-signed' || e.kind === 'signed-promise') && e.noticeType === 'acceleration' && actorOf(e) !== 'guarantor';
}

function ruleText(
  code: RuleCode,
  c: {
    periodYears: number;
    start: IsoDate;
    end: IsoDate | null;
    dueDate: IsoDate;
    periodStart: IsoDate;
    heirKnownOn: IsoDate | null;
    deceasedOn: IsoDate | null;
    judgment: LimitationClock['judgment'];
    enforcementAppliedOn: IsoDate | null;
    closed: LimitationClock['closed'];
  },
): Text {
  const n = c.periodYears;
  switch (code) {
    case 'from-due-date':
      return text(`自到期日 ${c.dueDate} 起算 ${n} 年，期间内没有中断事由（《民法典》第188条）。`, `${n} years from the due date ${c.dueDate}, never interrupted (Civil Code art. 188).`);
    case 'from-acceleration':
      return text(
        `贷款于 ${c.periodStart} 提前到期，自该日起算 ${n} 年（早于合同到期日 ${c.dueDate}；《民法典》第188条）。`,
        `${n} years from the acceleration on ${c.periodStart} (earlier than the contract due date ${c.dueDate}; Civil Code art. 188).`,
      );
    case 'restarted':
      return text(`自最后一次中断 ${c.start} 起重新计算 ${n} 年（《民法典》第195条）。`, `${n} years again from the last interruption on ${c.start} (Civil Code art. 195).`);
    case 'waiver':
      return text(
        `时效届满后借款人于 ${c.start} 还款或签字承诺还款，放弃时效抗辩：自该日起重新计算 ${n} 年（《民法典》第192条；诉讼时效规定第19条）。`,
        `After expiry the borrower paid or signed a promise on ${c.start}, waiving the defence: ${n} years from that day (Civil Code art. 192; SPC provisions art. 19).`,
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
        `自权利受到损害之日 ${c.periodStart} 起超过 20 年的，人民法院不予保护（《民法典》第188条）：最迟 ${c.end}。`,
        `No protection more than 20 years after ${c.periodStart}, when the right was infringed (Civil Code art. 188): ${c.end} at the latest.`,
      );
    case 'enforcement-deadline':
      return text(
        `已判决：应在履行期限 ${c.judgment?.performBy} 届满后 2 年内申请强制执行，最迟 ${c.end}（《民事诉讼法》第250条）。`,
        `Judgment given: enforcement must be applied for within 2 years of the last day of performance ${c.judgment?.performBy}, by ${c.end} (Civil Procedure Law art. 250).`,
      );
    case 'enforcing':
      return text(
        `已于 ${c.enforcementAppliedOn} 在期限内申请强制执行（期限至 ${c.end}；《民事诉讼法》第250条）。`,
        `Enforcement applied for on ${c.enforcementAppliedOn}, within the deadline ${c.end} (Civil Procedure Law art. 250).`,
      );
    case 'closed':
      return text(`案件已于 ${c.closed?.date} 结案${c.closed?.result ? `（${c.closed.result}）` : ''}。`, `The case was closed on ${c.closed?.date}${c.closed?.result ? ` (${c.closed.result})` : ''}.`);
  }
}

export const STATUS_TEXT: Record<LimitationStatus, Text> = {
  running: { zh: '时效内', en: 'running' },
  expiring: { zh: '即将届满', en: 'expiring' },
  expired: { zh: '已届满', en: 'expired' },
  reconfirmed: { zh: '已届满（有重新确认，待核）', en: 'expired, reconfirmation to check' },
  enforcing: { zh: '已申请执行', en: 'enforcement applied' },
  closed: { zh: '已结案', en: 'closed' },
};

export const ACTOR_TEXT: Record<Actor, Text> = {
  borrower: { zh: '借款人本人', en: 'the borrower' },
  relative: { zh: '同住成年亲属', en: 'a co-resident adult relative' },
  guarantor: { zh: '保证人', en: 'the guarantor' },
};

export const EVENT_KIND_TEXT: Record<ClockEventKind, Text> = {
  'notice-signed': { zh: '签收催收通知书', en: 'collection notice signed' },
  'relative-signed': { zh: '同住成年亲属代签通知书', en: 'notice signed by a co-resident adult relative' },
  'signed-promise': { zh: '签收并承诺还款', en: 'signed with a promise to pay' },
  intent: { zh: '达成还款意向', en: 'repayment intent' },
  payment: { zh: '还款', en: 'payment' },
  'public-notice': { zh: '公告催收', en: 'demand by public notice' },
  accelerated: { zh: '宣布提前到期', en: 'loan accelerated' },
  lawsuit: { zh: '提起诉讼', en: 'lawsuit filed' },
  legal: { zh: '诉讼程序', en: 'legal stage' },
  demand: { zh: '函件/信息催收', en: 'demand by letter or message' },
  'not-signed': { zh: '未签回通知书', en: 'notice not signed' },
  note: { zh: '走访记录', en: 'visit note' },
};

/** Short labels for table cells. */
export const EVENT_KIND_SHORT: Record<ClockEventKind, Text> = {
  'notice-signed': { zh: '签收', en: 'signed' },
  'relative-signed': { zh: '亲属代签', en: 'relative signed' },
  'signed-promise': { zh: '签字承诺', en: 'signed promise' },
  intent: { zh: '还款意向', en: 'intent' },
  payment: { zh: '还款', en: 'payment' },
  'public-notice': { zh: '公告催收', en: 'public notice' },
  accelerated: { zh: '提前到期', en: 'accelerated' },
  lawsuit: { zh: '起诉', en: 'lawsuit' },
  legal: { zh: '诉讼', en: 'legal' },
  demand: { zh: '函件催收', en: 'demand' },
  'not-signed': { zh: '未签回', en: 'not signed' },
  note: { zh: '记录', en: 'note' },
};

export const STAGE_TEXT: Record<LegalStage, Text> = {
  referred: { zh: '移交法务', en: 'referred' },
  filed: { zh: '起诉', en: 'filed' },
  judgment: { zh: '判决', en: 'judgment' },
  enforcement: { zh: '申请执行', en: 'enforcement' },
  closed: { zh: '结案', en: 'closed' },
};

export const EFFECT_TEXT: Record<EventEffect, Text> = {
  interrupts: { zh: '中断，重新计算', en: 'interrupts, restarts' },
  waiver: { zh: '届满后放弃时效抗辩，重新计算', en: 'after expiry: waiver, restarts' },
  reconfirms: { zh: '届满后重新确认（请核对证据）', en: 'after expiry: reconfirmation (check the evidence)' },
  'after-expiry': { zh: '届满后发生，不能恢复时效', en: 'after expiry: does not revive' },
  'before-due-date': { zh: '早于到期日，不影响', en: 'before the due date: no effect' },
  'does-not-interrupt': { zh: '不中断时效', en: 'does not interrupt' },
  'not-the-borrower': { zh: '保证人行为，不影响借款人', en: "guarantor's act: not the borrower's clock" },
  'moves-start': { zh: '提前到期，改变起算日', en: 'acceleration: moves the start' },
  judgment: { zh: '判决，改为申请执行期限', en: 'judgment: enforcement deadline' },
  enforcement: { zh: '已申请执行', en: 'enforcement applied for' },
  closed: { zh: '结案', en: 'closed' },
};

/** One line for people: "expires 2027-03-14, in 112 days" and the like. */
export function clockSummary(c: LimitationClock): Text {
  if (c.status === 'closed') return text(`已于 ${c.closed?.date} 结案`, `case closed on ${c.closed?.date}`);
  if (c.status === 'enforcing') return text(`已于 ${c.enforcementAppliedOn} 申请强制执行`, `enforcement applied for on ${c.enforcementAppliedOn}`);
  if (c.deadlineKind === 'enforcement-application') {
    const d = c.daysLeft ?? 0;
    if (c.status === 'expired') return text(`申请执行期限已于 ${c.expires} 届满（${-d} 天前）`, `the deadline to apply for enforcement passed on ${c.expires}, ${-d} days ago`);
    return text(`申请执行期限至 ${c.expires}，还有 ${d} 天`, `apply for enforcement by ${c.expires}, in ${d} days`);
  }
  if (c.status === 'reconfirmed') {
    return text(
      `已于 ${c.expires} 届满 — ${c.reconfirmedOn} 有重新确认记录（请核对证据）`,
      `expired — reconfirmation recorded on ${c.reconfirmedOn} (check the evidence)`,
    );
  }
  if (c.status === 'expired') return text(`已于 ${c.expires} 届满（${-(c.daysLeft ?? 0)} 天前）`, `expired on ${c.expires}, ${-(c.daysLeft ?? 0)} days ago`);
  if (c.suspended) return text('时效中止：待确定继承人后满六个月届满', 'suspended: ends six months after an heir becomes known');
  const d = c.daysLeft ?? 0;
  const waived = c.waivedOn ? text(`（${c.waivedOn} 放弃时效抗辩后重新计算）`, ` (running again since the waiver on ${c.waivedOn})`) : text('', '');
  return d === 0
    ? text(`今天（${c.expires}）届满${waived.zh}`, `expires today (${c.expires})${waived.en}`)
    : text(`${c.expires} 届满，还有 ${d} 天${waived.zh}`, `expires ${c.expires}, in ${d} days${waived.en}`);
}

export {
  guaranteeClock,
  guaranteeTypeOf,
  guarantorDeadline,
  type GuaranteeClock,
  type GuaranteeStatus,
  type GuaranteeState,
  type GuarantorAct,
} from './guarantee.js';

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
  loanDate: IsoDate | null;
  dueDate: IsoDate | null;
  principalFen: number;
  interestFen: number;
  guarantor: string | null;
  guaranteeUntil: IsoDate | null;
  guaranteeType: string | null;
  status: string;
  deceasedOn: IsoDate | null;
  heirName: string | null;
  heirKnownOn: IsoDate | null;
  events: ClockEvent[];
  /** What concerns the guarantor's clock: demands on the guarantor, their promises and payments, lawsuits. */
  guarantorActs: import('./guarantee.js').GuarantorAct[];
  officerFinding: { date: IsoDate; visitId: number } | null;
}
