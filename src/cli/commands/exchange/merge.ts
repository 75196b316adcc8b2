// `fieldvisit merge FILE...` (action): apply bundles from other laptops, one transaction each; `--conflicts` lists disagreements.
import path from 'node:path';
import type { Command } from 'commander';
import { checkBundles, listConflicts, type MergeSummary } from '../../../db/exchange.js';
import { latestVersion, MIGRATIONS } from '../../../db/open.js';
import { UsageError } from '../../../domain/errors.js';
import { pick, text } from '../../../domain/text.js';
import { nowIso, type Context } from '../../context.js';
import { globals, out, warn, withSession } from '../../runtime.js';
import { conflictsAsJson, conflictsAsText, mergeAsJson, mergeAsText } from '../../../format/exchange.js';

interface Opts {
  dryRun?: boolean;
  conflicts?: boolean;
  json?: boolean;
}

export function action(ctx: Context) {
  return async (files: string[], opts: Opts, command: Command) => {
    if (opts.conflicts) {
      if (files.length) throw new UsageError(text('--conflicts 不带文件：它列出以前合并时发现的冲突。', '--conflicts takes no files: it lists conflicts found by earlier merges.'));
      await withSession(ctx, command, ({ db }) => {
        const list = listConflicts(db);
        out(ctx, opts.json ? conflictsAsJson(list) : conflictsAsText(list, ctx.lang, { ascii: !!globals(command).ascii }));
      });
      return;
    }
    if (files.length === 0) throw new UsageError(text('请给出要合并的交换文件。', 'Name the bundle file(s) to merge.'));
    await withSession(ctx, command, ({ db }) => {
      // A new laptop starts by merging its roster bundle, so the database may be created here.
      // Every file is verified and checked against this database before any is written.
      const bundles = checkBundles(db, files.map((f) => path.resolve(ctx.cwd, f)), latestVersion(MIGRATIONS));
      const results: MergeSummary[] = [];
      try {
        for (const b of bundles) results.push(b.apply(db, { nowIso: nowIso(ctx), dryRun: !!opts.dryRun }));
      } finally {
        for (const b of bundles) b.close();
      }
      out(ctx, opts.json ? mergeAsJson(results) : mergeAsText(results, ctx.lang, { ascii: !!globals(command).ascii }));
      for (const r of results) for (const w of r.warnings) warn(ctx, `${r.file}: ${pick(w, ctx.lang)}`);
      const n = results.reduce((s, r) => s + r.conflicts.length, 0);
      if (n && !opts.json) warn(ctx, pick(text(`有 ${n} 处新冲突：用 fieldvisit merge --conflicts 查看。`, `${n} new conflict(s): see fieldvisit merge --conflicts.`), ctx.lang));
    });
  };
}
