// `fieldvisit merge FILE...` (action): apply bundles from other laptops, one transaction each; `--conflicts` lists disagreements.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { checkBundles, listConflicts, type MergeSummary } from '../../../db/exchange.js';
import { latestVersion, MIGRATIONS } from '../../../db/open.js';
import { DataError, UsageError } from '../../../domain/errors.js';
import { pick, text } from '../../../domain/text.js';
import { nowIso, type Context, tableWidth } from '../../context.js';
import { globals, out, warn, withSession } from '../../runtime.js';
import { conflictsAsJson, conflictsAsText, mergeAsJson, mergeAsText } from '../../../format/exchange.js';

/**
 * Expands `*` and `?` in the last path segment of each argument (cmd and PowerShell pass `/media/usb/*.fvb` as
 * typed), matches sorted by name; a pattern that matches nothing is an error. Plain names pass through unchanged.
 */
export function expandBundleArgs(files: string[], cwd: string): string[] {
  const out: string[] = [];
  for (const f of files) {
    const abs = path.resolve(cwd, f);
    const base = path.basename(abs);
    if (!/[*?]/.test(base) || fs.existsSync(abs)) {
      out.push(abs);
      continue;
    }
    const dir = path.dirname(abs);
    const re = new RegExp('^' + base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', process.platform === 'win32' ? 'i' : '');
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir);
    } catch {
      // a missing folder matches nothing
    }
    const hits = names.filter((n) => re.test(n) && !n.startsWith('.')).sort();
    if (hits.length === 0) {
      throw new DataError(text(`没有与 ${abs} 匹配的文件：请检查 U 盘是否插好、路径是否正确。`, `No file matches ${abs}: check that the stick is plugged in and the path is right.`));
    }
    for (const n of hits) out.push(path.join(dir, n));
  }
  return out;
}

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
        out(ctx, opts.json ? conflictsAsJson(list) : conflictsAsText(list, ctx.lang, { ascii: !!globals(command).ascii, width: tableWidth(ctx) }));
      }, { mustExist: true });
      return;
    }
    if (files.length === 0) throw new UsageError(text('请给出要合并的交换文件。', 'Name the bundle file(s) to merge.'));
    // Expanded before the database opens, so a pattern matching nothing creates nothing.
    const paths = expandBundleArgs(files, ctx.cwd);
    await withSession(ctx, command, ({ db }) => {
      // A new laptop starts by merging its roster bundle, so the database may be created here.
      // Every file is verified and checked against this database before any is written.
      const bundles = checkBundles(db, paths, latestVersion(MIGRATIONS));
      const results: MergeSummary[] = [];
      try {
        for (const b of bundles) results.push(b.apply(db, { nowIso: nowIso(ctx), dryRun: !!opts.dryRun }));
      } finally {
        for (const b of bundles) b.close();
      }
      out(ctx, opts.json ? mergeAsJson(results) : mergeAsText(results, ctx.lang, { ascii: !!globals(command).ascii, width: tableWidth(ctx) }));
      for (const r of results) for (const w of r.warnings) warn(ctx, `${r.file}: ${pick(w, ctx.lang)}`);
      const n = results.reduce((s, r) => s + r.conflicts.length, 0);
      if (n && !opts.json) warn(ctx, pick(text(`有 ${n} 处新冲突：用 fieldvisit merge --conflicts 查看。`, `${n} new conflict(s): see fieldvisit merge --conflicts.`), ctx.lang));
    });
  };
}
