// The legal file of one loan (证据目录) as a value: parties, balance history, the limitation chain, the numbered evidence.
import type { IsoDate } from '../domain/dates.js';
import { proofOf, type DossierAttachment, type DossierCost, type DossierFacts, type DossierNotice, type DossierVisit, type Proof } from '../domain/dossier.js';
import type { ClockEventUsed } from '../domain/limitation.js';
import { loanClockRow, type ClockOptions, type LoanClockRow } from './limitation.js';

export type EvidenceItem =
  | { no: number; kind: 'contact'; date: IsoDate; visit: DossierVisit; proves: Proof; events: ClockEventUsed[]; attachments: DossierAttachment[] }
  | { no: number; kind: 'notice'; date: IsoDate; notice: DossierNotice }
  | { no: number; kind: 'mark'; date: IsoDate; mark: DossierFacts['marks'][number]; events: ClockEventUsed[] }
  | { no: number; kind: 'legal'; date: IsoDate; legal: DossierFacts['legal'][number]; events: ClockEventUsed[] };

export interface Dossier {
  today: IsoDate;
  parties: DossierFacts['parties'];
  balance: DossierFacts['posting'];
  /** The borrower's clock (null with no due date) and the guarantor's. */
  clock: LoanClockRow;
  evidence: EvidenceItem[];
  costs: { items: DossierCost[]; totalFen: number };
  /** Attachments not on any listed contact (should not happen; kept so nothing is silently dropped). */
  unplacedAttachments: DossierAttachment[];
}

const KIND_ORDER = { legal: 0, mark: 1, notice: 2, contact: 3 } as const;

/** Numbered in date order: what happened, whose act, what it proves for the clock, and its proof. */
export function buildDossier(f: DossierFacts, o: ClockOptions): Dossier {
  const row = loanClockRow(f.clock, o);
  const events = row.clock?.events ?? [];
  const byVisit = new Map<number, ClockEventUsed[]>();
  for (const e of events) if (e.visitId) byVisit.set(e.visitId, [...(byVisit.get(e.visitId) ?? []), e]);
  const attachmentsByVisit = new Map<number, DossierAttachment[]>();
  for (const a of f.attachments) attachmentsByVisit.set(a.visitId, [...(attachmentsByVisit.get(a.visitId) ?? []), a]);
  const placed = new Set<number>();

  type Unnumbered = EvidenceItem extends infer T ? (T extends EvidenceItem ? Omit<T, 'no'> : never) : never;
  const items: Unnumbered[] = [];
  for (const v of f.visits) {
    const evs = v.void ? [] : (byVisit.get(v.visitId) ?? []);
    placed.add(v.visitId);
    items.push({ kind: 'contact', date: v.visitDate, visit: v, proves: v.void ? 'none' : proofOf(evs), events: evs, attachments: attachmentsByVisit.get(v.visitId) ?? [] });
  }
  for (const n of f.notices) if (n.issuedOn) items.push({ kind: 'notice', date: n.issuedOn, notice: n });
  for (const m of f.marks) items.push({ kind: 'mark', date: m.date, mark: m, events: events.filter((e) => e.markId === m.id) });
  for (const l of f.legal) items.push({ kind: 'legal', date: l.date, legal: l, events: events.filter((e) => e.legalId === l.id) });
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind]));

  const live = f.costs.filter((c) => !c.voided);
  return {
    today: o.today,
    parties: f.parties,
    balance: f.posting,
    clock: row,
    evidence: items.map((it, i) => ({ ...it, no: i + 1 }) as EvidenceItem),
    costs: { items: [...f.costs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id)), totalFen: live.reduce((s, c) => s + c.amountFen, 0) },
    unplacedAttachments: f.attachments.filter((a) => !placed.has(a.visitId)),
  };
}
