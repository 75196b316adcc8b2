// How one bad input row is shown: FILE:LINE column "X": reason.
import type { RowProblem } from '../domain/errors.js';
import { pick, type Lang } from '../domain/text.js';

export function formatProblem(p: RowProblem, lang: Lang): string {
  const where = p.column ? (lang === 'zh' ? ` 列“${p.column}”` : ` column "${p.column}"`) : '';
  const sev = p.severity === 'warning' ? (lang === 'zh' ? '（警告）' : ' (warning)') : '';
  return `${p.file}:${p.line}${where}: ${pick(p.reason, lang)}${sev}`;
}
