// `fieldvisit key show`: this database's signing key (definitions; action in ./show.ts).
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';

export function registerKey(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const key = program.command('key');
  describe(key, L, '本数据库用来签署交换文件的密钥。', 'The key this database signs its bundles with.', ['fieldvisit key show']);
  const show = key.command('show').option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    show,
    L,
    '显示本数据库的密钥编号、公钥和指纹（私钥从不显示、也从不写进交换文件）。把指纹念给要信任本机的人核对。',
    'Show this database’s key id, public key and fingerprint (the private key is never shown and never put in a bundle). Read the fingerprint to whoever is to trust this laptop.',
    ['fieldvisit key show', 'fieldvisit key show --json'],
  );
  lazyAction(show, ctx, () => import('./show.js'));
}
