// The guarantor's clock beside the borrower's: guarantee type, guarantee period, the creditor's timely act, the guarantor's own limitation.
import { addMonths, addYears, daysBetween, type IsoDate } from './dates.js';
import { text, type Text } from './text.js';
import type { GuaranteeType } from './limitationStatus.js';

const DEFAULT_GUARANTEE_MONTHS = 6;
/** Guarantees made from this day with no type agreed are general (Civil Code art. 686); earlier ones joint (Guarantee Law art. 19). */
export const CIVIL_CODE_IN_FORCE: IsoDate = '2021-01-01';

export type GuaranteeStatus = 'running' | 'ending' | 'ended';
export type GuaranteeState = 'period-running' | 'released' | 'limitation-running' | 'limitation-expired';

/** What the creditor or the guarantor did that the guarantor's clock reads. */
export interface GuarantorAct {
  date: IsoDate;
  /** demand: the guarantor signed a notice (a demand on the guarantor); intent/payment by the guarantor; lawsuit: against the borrower. */
  kind: 'demand' | 'intent' | 'payment' | 'lawsuit';
  visitId?: number | null;
  legalId?: number | null;
}

export interface GuaranteeClock {
  guarantor: string;
  type: GuaranteeType;
  typeSource: 'roster' | 'default-from-2021' | 'default-before-2021' | 'default-unknown-date';
  /** Last day of the guarantee period (保证期间). */
  ends: IsoDate;
  source: 'roster' | 'default-6-months' | 'not-later-than-due';
  daysLeft: number;
  /** The guarantee period itself: running, ending within the window, ended. */
  status: GuaranteeStatus;
  state: GuaranteeState;
  /** The creditor's act within the period that kept the guarantor liable, if any. */
  actedOn: IsoDate | null;
  actKind: GuarantorAct['kind'] | null;
  /** Last day of the guarantor's own limitation period (art. 694), once it runs. */
  limitationEnds: IsoDate | null;
  limitationDaysLeft: number | null;
  /** The line for people, with the articles. */
  why: Text;
}

/**
 * The guarantor's deadline that needs action within the window: the guarantee period ending with no timely act yet
 * (act, or the guarantor is released), or the guarantor's own limitation running out.
 */
export function guarantorDeadline(g: GuaranteeClock | null, withinDays: number): { kind: 'period' | 'limitation'; date: IsoDate; daysLeft: number } | null {
  if (!g) return null;
  if (g.state === 'period-running' && g.status === 'ending') return { kind: 'period', date: g.ends, daysLeft: g.daysLeft };
  if (g.state === 'limitation-running' && g.limitationDaysLeft !== null && g.limitationDaysLeft <= withinDays) return { kind: 'limitation', date: g.limitationEnds!, daysLeft: g.limitationDaysLeft };
  return null;
}

/** The type: as the roster says; else general for a guarantee from 2021-01-01 (or of unknown date), joint before (art. 686). */
export function guaranteeTypeOf(declared: string | null | undefined, loanDate: IsoDate | null | undefined): { type: GuaranteeType; source: GuaranteeClock['typeSource'] } {
  if (declared === 'general' || declared === 'joint') return { type: declared, source: 'roster' };
  if (!loanDate) return { type: 'general', source: 'default-unknown-date' };
  return loanDate >= CIVIL_CODE_IN_FORCE ? { type: 'general', source: 'default-from-2021' } : { type: 'joint', source: 'default-before-2021' };
}

/**
 * The guarantor's clock. The guarantee period (art. 692) is the agreed end, or 6 months from the main debt's due date
 * (or an earlier acceleration) when none was agreed or the agreed end is not later than that date; it is never
 * interrupted. Within it the creditor must demand payment of a joint guarantor, or sue (or arbitrate) the borrower
 * for a general guarantee; otherwise the guarantor is released (art. 693). After a timely act the guarantor's own
 * 3-year limitation runs (art. 694): joint — from the demand; general — from when the guarantor's right to refuse
 * ends (after enforcement against the borrower), for which the lawsuit date is the earlier, safe bound. Later
 * acts of the guarantor (or demands on them) interrupt that limitation like any other (art. 195).
 */
export function guaranteeClock(
  g: {
    guarantor: string | null;
    until?: IsoDate | null;
    dueDate: IsoDate | null;
    type?: string | null;
    loanDate?: IsoDate | null;
    acts?: GuarantorAct[];
    periodYears?: number;
  },
  today: IsoDate,
  withinDays = 30,
): GuaranteeClock | null {
  // Without a due date only an agreed end can be shown (it cannot be compared with the due date).
  if (!g.guarantor || (!g.dueDate && !g.until)) return null;
  const periodYears = g.periodYears ?? 3;
  const { type, source: typeSource } = guaranteeTypeOf(g.type, g.loanDate);
  const due = g.dueDate ?? null;
  const ends = due === null ? g.until! : g.until && g.until > due ? g.until : addMonths(due, DEFAULT_GUARANTEE_MONTHS);
  const source: GuaranteeClock['source'] = g.until ? (due === null || g.until > due ? 'roster' : 'not-later-than-due') : 'default-6-months';
  const daysLeft = daysBetween(today, ends);
  const status: GuaranteeStatus = daysLeft < 0 ? 'ended' : daysLeft <= withinDays ? 'ending' : 'running';

  const acts = [...(g.acts ?? [])].filter((a) => a.date <= today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // The act that keeps the guarantor liable: joint — a demand on the guarantor (their signature, promise or payment
  // shows it); general — a lawsuit against the borrower. Acts before the main debt fell due do not count.
  const timely = acts.find((a) => (due === null || a.date >= due) && a.date <= ends && (type === 'joint' ? a.kind !== 'lawsuit' : a.kind === 'lawsuit'));
  const article692 = text('《民法典》第692条', 'Civil Code art. 692');
  const periodLine = text(
    `保证方式：${type === 'joint' ? '连带责任保证' : '一般保证'}${typeSource === 'roster' ? '' : typeSource === 'default-before-2021' ? '（未约定，2021年前的保证按连带责任）' : '（未约定，按一般保证：《民法典》第686条）'}；保证期间至 ${ends}${source === 'default-6-months' ? '（未约定，主债务履行期届满之日起六个月）' : source === 'not-later-than-due' ? '（约定的期间早于或等于主债务履行期限，视为没有约定：六个月）' : '（合同约定）'}（${article692.zh}）`,
    `guarantee type: ${type}${typeSource === 'roster' ? '' : typeSource === 'default-before-2021' ? ' (none agreed; before 2021 the default is joint)' : ' (none agreed: general, Civil Code art. 686)'}; guarantee period until ${ends}${source === 'default-6-months' ? ' (none agreed: six months from the due date)' : source === 'not-later-than-due' ? ' (the agreed end is not later than the due date, so treated as not agreed: six months)' : ' (as agreed)'} (${article692.en})`,
  );
  if (!timely) {
    if (status === 'ended') {
      return {
        guarantor: g.guarantor, type, typeSource, ends, source, daysLeft, status,
        state: 'released', actedOn: null, actKind: null, limitationEnds: null, limitationDaysLeft: null,
        why: text(
          `${periodLine.zh}。期间内${type === 'joint' ? '未向保证人催收' : '未对借款人起诉或申请仲裁'}：保证人不再承担保证责任（《民法典》第693条）。`,
          `${periodLine.en}. Within it the creditor did not ${type === 'joint' ? 'demand payment of the guarantor' : 'sue or arbitrate against the borrower'}: the guarantor is released (Civil Code art. 693).`,
        ),
      };
    }
    return {
      guarantor: g.guarantor, type, typeSource, ends, source, daysLeft, status,
      state: 'period-running', actedOn: null, actKind: null, limitationEnds: null, limitationDaysLeft: null,
      why: text(
        `${periodLine.zh}。须在 ${ends} 前${type === 'joint' ? '向保证人催收（保证人签收通知书）' : '对借款人起诉或申请仲裁'}，否则保证人免责（《民法典》第693条）。`,
        `${periodLine.en}. Before ${ends} the creditor must ${type === 'joint' ? 'demand payment of the guarantor (the guarantor signs a notice)' : 'sue or arbitrate against the borrower'}, or the guarantor is released (Civil Code art. 693).`,
      ),
    };
  }
  // The guarantor's own limitation, restarted by each later act concerning the guarantor before it ends.
  let limitationEnds = addYears(timely.date, periodYears);
  for (const a of acts) {
    if (a.date <= timely.date || a.kind === 'lawsuit') continue;
    if (a.date > limitationEnds) break;
    limitationEnds = addYears(a.date, periodYears);
  }
  const limitationDaysLeft = daysBetween(today, limitationEnds);
  const expired = limitationDaysLeft < 0;
  const fromWhat =
    type === 'joint'
      ? text(`自 ${timely.date} 向保证人催收起算`, `from the demand on the guarantor on ${timely.date}`)
      : text(`自 ${timely.date} 起诉借款人起算（法律规定自保证人拒绝承担责任的权利消灭时起算，起诉日是较早、较稳妥的界限）`, `from the lawsuit against the borrower on ${timely.date} (the law counts from when the guarantor's right to refuse ends; the lawsuit date is the earlier, safe bound)`);
  return {
    guarantor: g.guarantor, type, typeSource, ends, source, daysLeft, status,
    state: expired ? 'limitation-expired' : 'limitation-running',
    actedOn: timely.date, actKind: timely.kind, limitationEnds, limitationDaysLeft,
    why: text(
      `${periodLine.zh}。期间内已行使权利；保证人的诉讼时效${fromWhat.zh}，${expired ? `已于 ${limitationEnds} 届满` : `至 ${limitationEnds}`}（《民法典》第694条）。`,
      `${periodLine.en}. The creditor acted within it; the guarantor's own limitation runs ${fromWhat.en} and ${expired ? `expired on ${limitationEnds}` : `ends on ${limitationEnds}`} (Civil Code art. 694).`,
    ),
  };
}
