// `fieldvisit place set` (action): a township's profile (population, livelihood, committees) for the weekly report.
import type { Command } from 'commander';
import { setTownshipProfile } from '../../../db/places.js';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import type { Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { asJson } from '../../../format/table.js';

function intFlag(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,9}$/.test(v)) throw new UsageError(text(`${name} 需要一个非负整数，而不是“${v}”。`, `${name} needs a whole number, not "${v}".`));
  return Number(v);
}

export function action(ctx: Context) {
  return async (township: string, opts: { population?: string; livelihood?: string; committees?: string; json?: boolean }, command: Command) => {
    const population = intFlag('--population', opts.population);
    const committeeCount = intFlag('--committees', opts.committees);
    await withSession(ctx, command, ({ db }) => {
      const tw = setTownshipProfile(db, township, { population, committeeCount, livelihood: opts.livelihood });
      if (opts.json) out(ctx, asJson(tw));
      else
        out(
          ctx,
          t(
            ctx,
            text(
              `${tw.name}：${tw.committeeCount ?? '?'} 个村委会，${tw.population ?? '?'} 人，${tw.livelihood ?? ''}\n`,
              `${tw.name}: ${tw.committeeCount ?? '?'} committees, population ${tw.population ?? '?'}, ${tw.livelihood ?? ''}\n`,
            ),
          ),
        );
    });
  };
}
