// Signing keys for people and scripts: this database's key (key show) and the keys it trusts (trust list/add/remove).
import { pick, text, type Lang } from '../domain/text.js';
import { asJson } from './table.js';

export interface KeyView {
  keyId: string;
  publicKey: string;
  fingerprint: string;
}

export interface TrustedKeyView extends KeyView {
  label: string | null;
  addedAt: string;
  how: 'tofu' | 'manual';
}

export function ownKeyAsText(k: KeyView, lang: Lang): string {
  return (
    pick(
      text(
        `本数据库的签名密钥\n  密钥编号：${k.keyId}\n  指纹：    ${k.fingerprint}\n  公钥：    ${k.publicKey}\n对方信任本机前，请打电话念一遍指纹核对；对方可用 fieldvisit trust add 加入公钥或本机导出的交换文件。\n`,
        `This database's signing key\n  key id:      ${k.keyId}\n  fingerprint: ${k.fingerprint}\n  public key:  ${k.publicKey}\nBefore another laptop trusts this one, read the fingerprint to each other by phone; they add the public key or a bundle from here with fieldvisit trust add.\n`,
      ),
      lang,
    )
  );
}

export function ownKeyAsJson(k: KeyView): string {
  return asJson({ key_id: k.keyId, public_key: k.publicKey, fingerprint: k.fingerprint });
}

function howText(how: 'tofu' | 'manual') {
  return how === 'tofu' ? text('首次使用时信任', 'trust on first use') : text('手动加入', 'added by hand');
}

export function trustedKeysAsText(keys: readonly TrustedKeyView[], lang: Lang): string {
  if (keys.length === 0) {
    return pick(
      text(
        '本数据库还没有信任任何密钥（自己的密钥总是受信任）。用 fieldvisit trust add 文件|公钥 加入。\n',
        'This database trusts no key yet (its own key is always trusted). Add one with fieldvisit trust add FILE|KEY.\n',
      ),
      lang,
    );
  }
  return (
    keys
      .map((k) =>
        pick(
          text(
            `${k.keyId}  ${k.label ?? '（无标签）'}\n  指纹 ${k.fingerprint}\n  ${k.addedAt.slice(0, 10)} ${howText(k.how).zh}\n`,
            `${k.keyId}  ${k.label ?? '(no label)'}\n  fingerprint ${k.fingerprint}\n  ${k.addedAt.slice(0, 10)} ${howText(k.how).en}\n`,
          ),
          lang,
        ),
      )
      .join('')
  );
}

function keyJson(k: TrustedKeyView) {
  return { key_id: k.keyId, public_key: k.publicKey, fingerprint: k.fingerprint, label: k.label, added_at: k.addedAt, how: k.how };
}

export function trustedKeysAsJson(keys: readonly TrustedKeyView[]): string {
  return asJson(keys.map(keyJson));
}

export function trustChangeAsJson(action: 'added' | 'already-trusted' | 'own-key' | 'removed', k: KeyView & { label?: string | null }): string {
  return asJson({ action, key_id: k.keyId, public_key: k.publicKey, fingerprint: k.fingerprint, label: k.label ?? null });
}
