// `fieldvisit trust add|list|remove`: the keys whose bundles this database merges (definitions; actions in ./add.ts, ./list.ts, ./remove.ts).
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';

export function registerTrust(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const trust = program.command('trust');
  describe(
    trust,
    L,
    '管理本数据库信任的签名密钥：只有受信任密钥签署的交换文件才能合并。',
    'Manage the signing keys this database trusts: only bundles signed by a trusted key merge.',
    ['fieldvisit trust add zhangming.fvb --label 张明', 'fieldvisit trust list', 'fieldvisit trust remove 3F2A9C01D4E5B677'],
  );

  const add = trust
    .command('add')
    .argument('<file-or-key>', h(L, '对方导出的交换文件，或对方 fieldvisit key show 显示的公钥（FVK1-…）', 'a bundle the other laptop exported, or the public key (FVK1-…) its fieldvisit key show prints'))
    .option('--label <name>', h(L, '标签，如催收员姓名或电脑名', 'a label, e.g. the officer or the laptop'))
    .option('--yes', h(L, '不再确认（脚本中使用；请先核对指纹）', 'do not ask (for scripts; compare the fingerprint first)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    add,
    L,
    '信任一个签名密钥：显示指纹，请先打电话与对方核对；在终端会询问确认，脚本中加 --yes。',
    'Trust a signing key: shows its fingerprint, to compare with the other person by phone first; asks at a terminal, --yes in scripts.',
    ['fieldvisit trust add /media/usb/zhangming.fvb --label 张明', 'fieldvisit trust add FVK1-yL1cQ… --label 李强 --yes'],
  );
  lazyAction(add, ctx, () => import('./add.js'));

  const list = trust.command('list').option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(list, L, '列出本数据库信任的密钥：编号、标签、指纹、何时如何加入。', 'List the keys this database trusts: id, label, fingerprint, when and how added.', [
    'fieldvisit trust list',
    'fieldvisit trust list --json',
  ]);
  lazyAction(list, ctx, () => import('./list.js'));

  const remove = trust
    .command('remove')
    .argument('<key-id>', h(L, '密钥编号（fieldvisit trust list 中的，至少前 4 位）', 'key id (as trust list shows it; at least its first 4 digits)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    remove,
    L,
    '不再信任一个密钥（电脑丢失或重装后）：之后它签署的交换文件会被拒绝；已合并的记录保留。',
    'Stop trusting a key (a lost or reinstalled laptop): bundles it signs are refused from now on; records already merged stay.',
    ['fieldvisit trust remove 3F2A9C01D4E5B677'],
  );
  lazyAction(remove, ctx, () => import('./remove.js'));
}
