// `fieldvisit trust add FILE|KEY` (action): show the key's fingerprint, confirm, and add it to the trusted keys.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openBundle } from '../../../db/bundle.js';
import { addTrustedKey, ownKey, parsePublicKey, type PublicKeyInfo } from '../../../db/keys.js';
import { latestVersion, MIGRATIONS } from '../../../db/open.js';
import { CancelledError, DataError, UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { trustChangeAsJson } from '../../../format/keys.js';
import { nowIso, type Context } from '../../context.js';
import { out, t, warn, withSession } from '../../runtime.js';

/** The key a bundle was signed with (the bundle must be intact and its signature valid), plus a label it suggests. */
function keyOfBundle(file: string): { key: PublicKeyInfo; label: string | null } {
  const b = openBundle(file, latestVersion(MIGRATIONS));
  try {
    if (b.signature !== 'valid') {
      throw new DataError(
        b.signature === 'unsigned'
          ? text(`${file} 没有签名，无法从中取得密钥：请对方用新版 fieldvisit 重新导出，或让对方用 fieldvisit key show 读出公钥。`, `${file} is not signed, so it holds no key to trust: ask for a fresh export from a current fieldvisit, or for the public key that fieldvisit key show prints.`)
          : text(`${file} 在签名之后被改动过，不能信任它的密钥：请对方重新导出。`, `${file} was changed after it was signed; its key cannot be trusted. Ask for a fresh export.`),
      );
    }
    return { key: parsePublicKey(b.manifest.signer_public_key!)!, label: b.manifest.officer ?? b.manifest.township ?? null };
  } finally {
    b.close();
  }
}

export function action(ctx: Context) {
  return async (ref: string, opts: { label?: string; yes?: boolean; json?: boolean }, command: Command) => {
    const asKey = parsePublicKey(ref);
    let key: PublicKeyInfo;
    let suggested: string | null = null;
    if (asKey) key = asKey;
    else {
      const file = path.resolve(ctx.cwd, ref);
      if (!fs.existsSync(file)) {
        throw new UsageError(
          text(`${ref} 既不是存在的交换文件，也不是公钥（FVK1-…）：请给出对方导出的文件，或 fieldvisit key show 显示的公钥。`, `${ref} is neither an existing bundle file nor a public key (FVK1-…): give a bundle from the other laptop, or the public key its fieldvisit key show prints.`),
        );
      }
      ({ key, label: suggested } = keyOfBundle(file));
    }
    const label = opts.label ?? suggested;
    await withSession(ctx, command, async ({ db }) => {
      if (ownKey(db).keyId === key.keyId) {
        if (opts.json) out(ctx, trustChangeAsJson('own-key', { ...key, label }));
        else out(ctx, t(ctx, text(`这是本数据库自己的密钥（${key.keyId}），它总是受信任的。\n`, `That is this database's own key (${key.keyId}); it is always trusted.\n`)));
        return;
      }
      const shown = text(
        `密钥编号 ${key.keyId}${label ? `（${label}）` : ''}\n指纹 ${key.fingerprint}`,
        `key id ${key.keyId}${label ? ` (${label})` : ''}\nfingerprint ${key.fingerprint}`,
      );
      if (!opts.yes) {
        if (!ctx.stdinIsTTY) {
          throw new UsageError(
            text(`${shown.zh}\n信任密钥需要确认：先与对方核对指纹，再加 --yes。`, `${shown.en}\nTrusting a key needs confirmation: compare the fingerprint with its owner, then add --yes.`),
          );
        }
        warn(ctx, t(ctx, shown));
        const ok = await ctx.prompter().confirm({
          message: t(ctx, text('对方在电话里念的指纹与上面一致吗？信任这个密钥？', 'Does the fingerprint the owner reads to you by phone match the one above? Trust this key?')),
          default: false,
        });
        if (!ok) throw new CancelledError();
      }
      const added = addTrustedKey(db, key, label, 'manual', nowIso(ctx));
      if (opts.json) out(ctx, trustChangeAsJson(added ? 'added' : 'already-trusted', { ...key, label }));
      else
        out(
          ctx,
          t(
            ctx,
            added
              ? text(`已信任 ${shown.zh}\n`, `Trusted ${shown.en}\n`)
              : text(`这个密钥已受信任：${shown.zh}\n`, `This key was trusted already: ${shown.en}\n`),
          ),
        );
    });
  };
}
