// `fieldvisit place set` (action): a township's profile (population, livelihood, committees) for the weekly report.
import type { Command } from 'commander';
import { setTownshipProfile } from '../../../db/places.js';
import { text } from '../../../domain/text.js';
import type { Context } from '../../context.js';
import { out, t, withSession } from '../../runtime.js';
import { asJson } from '../../../format/table.js';
import { intOption } from '../../outputFormat.js';

function intFlag(name: string, v: string | undefined): number | undefined {
  return v === undefined ? undefined : intOption(name, v, 0);
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
