// `fieldvisit merge FILE...` (action): apply bundles from other laptops, one transaction each; `--conflicts` lists disagreements.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { checkBundles, listConflicts, type MergeSummary } from '../../../db/exchange.js';
import type { OpenBundle } from '../../../db/bundle.js';
import { addTrustedKey, forgetTofuKey, hasLoans, isTrusted, listTrustedKeys, parsePublicKey, type PublicKeyInfo } from '../../../db/keys.js';
import { latestVersion, MIGRATIONS, type Db } from '../../../db/open.js';
import { DataError, UsageError } from '../../../domain/errors.js';
import { pick, text, type Text } from '../../../domain/text.js';
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
  trustOnce?: boolean;
}

/**
 * Which bundles this database accepts: signed, unaltered, by its own key or a trusted one. A database that trusts no
 * key and holds no loans yet takes the key of the roster bundle it is merging (trust on first use) — returned so the
 * caller records it. `--trust-once` lets an unsigned or unknown-key bundle through this once; an altered one never.
 */
function verifyTrust(db: Db, opened: readonly OpenBundle[], trustOnce: boolean, onWarn: (t: Text) => void): PublicKeyInfo | null {
  const fresh = listTrustedKeys(db).length === 0 && !hasLoans(db);
  const tofuKeys = new Map<string, PublicKeyInfo>();
  if (fresh) {
    for (const o of opened) {
      const k = o.signature === 'valid' && o.manifest.kind === 'roster' ? parsePublicKey(o.manifest.signer_public_key!) : null;
      if (k && !isTrusted(db, k.keyId, k.publicKey)) tofuKeys.set(k.keyId, k);
    }
  }
  // Two different signers of roster bundles on a new laptop: which one is the supervisor is not ours to guess.
  const tofu = tofuKeys.size === 1 ? [...tofuKeys.values()][0]! : null;
  const problems: Text[] = [];
  for (const o of opened) {
    const m = o.manifest;
    if (o.signature === 'invalid') {
      problems.push(
        text(
          `${o.file} 在签名之后被改动过（或签名已损坏）：不要使用它，请让发送人重新导出一份。`,
          `${o.file} was changed after it was signed (or its signature is broken): do not use it; ask the sender for a fresh export.`,
        ),
      );
      continue;
    }
    if (o.signature === 'unsigned') {
      if (trustOnce) {
        onWarn(text(`${o.file} 没有签名，因 --trust-once 仍予合并。`, `${o.file} is not signed; merged anyway because of --trust-once.`));
        continue;
      }
      problems.push(
        text(
          `${o.file} 没有签名（由旧版 fieldvisit 导出，或签名被去掉了）：请对方用新版 fieldvisit 重新导出；若确知它的来历，可加 --trust-once 只合并这一次。`,
          `${o.file} is not signed (made by an older fieldvisit, or its signature was removed): ask for a fresh export from a current fieldvisit; if you know for certain where it came from, add --trust-once to merge it this once.`,
        ),
      );
      continue;
    }
    const key = parsePublicKey(m.signer_public_key!)!;
    if (isTrusted(db, key.keyId, key.publicKey) || (tofu && tofu.keyId === key.keyId)) continue;
    if (trustOnce) {
      onWarn(
        text(
          `${o.file} 由未受信任的密钥 ${key.keyId} 签名，因 --trust-once 仍予合并（未加入信任列表）。`,
          `${o.file} is signed by key ${key.keyId}, which is not trusted; merged anyway because of --trust-once (the key was not added to the trusted list).`,
        ),
      );
      continue;
    }
    problems.push(
      text(
        `${o.file} 由本库不信任的密钥签名：密钥编号 ${key.keyId}，指纹 ${key.fingerprint}。请打电话与发送人核对指纹（对方用 fieldvisit key show 查看），一致后运行 fieldvisit trust add ${o.file}；或加 --trust-once 只合并这一次。`,
        `${o.file} is signed by a key this database does not trust: key id ${key.keyId}, fingerprint ${key.fingerprint}. Compare the fingerprint with the sender by phone (they see it with fieldvisit key show), then run fieldvisit trust add ${o.file}; or add --trust-once to merge it this once.`,
      ),
    );
  }
  if (problems.length) {
    throw new DataError(
      text(`有 ${problems.length} 个交换文件不能信任，未写入任何数据。`, `${problems.length} bundle(s) cannot be trusted; nothing was written.`),
      problems,
    );
  }
  return tofu;
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
      const first: { key: PublicKeyInfo | null } = { key: null };
      const bundles = checkBundles(db, paths, latestVersion(MIGRATIONS), (opened) => {
        first.key = verifyTrust(db, opened, !!opts.trustOnce, (w) => warn(ctx, pick(w, ctx.lang)));
      });
      const tofu = first.key;
      const results: MergeSummary[] = [];
      // Trust on first use is recorded before the roster is applied and taken back if applying fails.
      const trusted: PublicKeyInfo | null = opts.dryRun ? null : tofu;
      if (trusted) addTrustedKey(db, trusted, pick(text('首个花名册包的签名人', 'signer of the first roster bundle'), ctx.lang), 'tofu', nowIso(ctx));
      try {
        for (const b of bundles) results.push(b.apply(db, { nowIso: nowIso(ctx), dryRun: !!opts.dryRun }));
      } catch (e) {
        if (trusted) forgetTofuKey(db, trusted.keyId);
        throw e;
      } finally {
        for (const b of bundles) b.close();
      }
      if (tofu) {
        warn(
          ctx,
          pick(
            text(
              `${opts.dryRun ? '（试运行）将信任' : '已信任'}签署花名册包的密钥（本库的第一个）：编号 ${tofu.keyId}，指纹 ${tofu.fingerprint}。请打电话与主管核对这个指纹；之后只接受受信任密钥签署的交换文件（fieldvisit trust list）。`,
              `${opts.dryRun ? '(dry run) Would trust' : 'Trusted'} the key that signed the roster bundle (this database's first): key id ${tofu.keyId}, fingerprint ${tofu.fingerprint}. Compare this fingerprint with your supervisor by phone; from now on only bundles signed by trusted keys merge (fieldvisit trust list).`,
            ),
            ctx.lang,
          ),
        );
      }
      out(ctx, opts.json ? mergeAsJson(results) : mergeAsText(results, ctx.lang, { ascii: !!globals(command).ascii, width: tableWidth(ctx) }));
      for (const r of results) for (const w of r.warnings) warn(ctx, `${r.file}: ${pick(w, ctx.lang)}`);
      const n = results.reduce((s, r) => s + r.conflicts.length, 0);
      if (n && !opts.json) warn(ctx, pick(text(`有 ${n} 处新冲突：用 fieldvisit merge --conflicts 查看。`, `${n} new conflict(s): see fieldvisit merge --conflicts.`), ctx.lang));
    });
  };
}
