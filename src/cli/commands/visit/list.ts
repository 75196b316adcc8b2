// `fieldvisit visit list` (action): visits filtered by dates, place, officer, outcome or loan; void ones only with --all.
import type { Command } from 'commander';
import { findVillages, requireTownship } from '../../../db/places.js';
import { listVisits, villageAndMerged } from '../../../db/visitList.js';
import { DataError, UsageError } from '../../../domain/errors.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { OUTCOME_KINDS, parseOutcomeKind } from '../../../domain/outcomes.js';
import { text } from '../../../domain/text.js';
import { visitListRenderers } from '../../../format/visits.js';
import { tableWidth, type Context } from '../../context.js';
import { globals, withSession } from '../../runtime.js';
import { emitRendered } from '../../output.js';
import { outputFormat, type FormatFlags } from '../../outputFormat.js';
import { requireLoan } from '../../lookups.js';

interface ListOpts extends FormatFlags {
  from?: string;
  to?: string;
  township?: string;
  village?: string;
  officer?: string;
  outcome?: string;
  loan?: string;
  all?: boolean;
}

export function action(ctx: Context) {
  return async (o: ListOpts, command: Command) => {
    const { format, headers } = outputFormat('visit list', o);
    for (const [flag, v] of [['--from', o.from], ['--to', o.to]] as const) {
      if (v !== undefined && !isValidIsoDate(v)) throw new UsageError(text(`${flag} 的值“${v}”不是 YYYY-MM-DD 日期。`, `${flag} "${v}" is not a YYYY-MM-DD date.`));
    }
    if (o.from !== undefined && o.to !== undefined && o.to < o.from) {
      throw new UsageError(text(`--to（${o.to}）早于 --from（${o.from}）：请对调两个日期。`, `--to (${o.to}) is before --from (${o.from}): swap the two dates.`));
    }
    const outcome = o.outcome ? parseOutcomeKind(o.outcome) : undefined;
    if (o.outcome && !outcome) throw new UsageError(text(`--outcome 的值“${o.outcome}”无效：可用 ${OUTCOME_KINDS.join('、')}。`, `--outcome "${o.outcome}" is not known: use ${OUTCOME_KINDS.join(', ')}.`));
    await withSession(ctx, command, async ({ db }) => {
      const townshipId = o.township ? requireTownship(db, o.township).id : undefined;
      let villageIds: number[] | undefined;
      if (o.village) {
        const hits = findVillages(db, o.village, townshipId);
        if (hits.length === 0) throw new DataError(text(`找不到村委“${o.village}”：用 fieldvisit place list 查看。`, `No village committee named "${o.village}": see fieldvisit place list.`));
        villageIds = [...new Set(hits.flatMap((v) => villageAndMerged(db, v.id)))];
      }
      let loanId: number | undefined;
      if (o.loan) {
        loanId = requireLoan(db, o.loan).loanId;
      }
      const rows = listVisits(db, { from: o.from, to: o.to, townshipId, villageIds, officer: o.officer, outcome: outcome ?? undefined, loanId, all: o.all });
      await emitRendered(ctx, visitListRenderers, format, rows, { lang: ctx.lang, ascii: !!globals(command).ascii, width: tableWidth(ctx, o.out), headers }, o.out);
    }, { mustExist: true });
  };
}
