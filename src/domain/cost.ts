// What collecting a loan cost: the kinds of cost, their names, and the checks on an amount before it is recorded.
import type { Fen } from './money.js';
import { text, type Text } from './text.js';

export const COST_KINDS = ['travel', 'postage', 'court-fee', 'lawyer', 'other'] as const;
export type CostKind = (typeof COST_KINDS)[number];

export function isCostKind(v: unknown): v is CostKind {
  return typeof v === 'string' && (COST_KINDS as readonly string[]).includes(v);
}

export const COST_KIND_TEXT: Record<CostKind, Text> = {
  travel: text('差旅（下乡交通、食宿）', 'travel'),
  postage: text('邮寄（挂号信、快递）', 'postage'),
  'court-fee': text('诉讼费', 'court fees'),
  lawyer: text('律师费', 'lawyer'),
  other: text('其他', 'other'),
};

/** Cost ÷ cash recovered, to four places; null when nothing was recovered (no ratio can be given). */
export function costRatio(costFen: Fen, recoveredFen: Fen): number | null {
  if (recoveredFen <= 0) return null;
  return Math.round((costFen / recoveredFen) * 10000) / 10000;
}
