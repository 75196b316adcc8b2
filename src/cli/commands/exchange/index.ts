// `fieldvisit export` and `fieldvisit merge`: carry records between laptops in bundle files (definitions; actions in ./export.ts, ./merge.ts).
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';

export function registerExport(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const exportCmd = program
    .command('export')
    .requiredOption('--out <file>', h(L, '写入的交换文件（如 U 盘上的 张明-1122.fvb）', 'bundle file to write (e.g. on a USB stick)'))
    .option('--since <last|date>', h(L, 'last：自上次导出到同一目的地以来（默认）；或某日期以来记录的', 'last: since the last export to the same destination (default); or records made since a date'))
    .option('--all', h(L, '导出全部记录', 'export every record'))
    .option('--officer <name>', h(L, '只导出该催收员的走访', 'only this officer’s visits'))
    .option('--to <name>', h(L, '目的地名称，用于记住发过什么（默认：输出文件路径）', 'destination name that remembers what was sent (default: the output path)'))
    .option('--roster', h(L, '导出一个乡镇的花名册给外勤电脑（需 --township）', 'export a township’s roster for a field laptop (needs --township)'))
    .option('--township <name>', h(L, '花名册的乡镇', 'township of the roster'))
    .option('--with-ids', h(L, '花名册包含完整身份证号（默认遮盖）', 'include full ID numbers in the roster (masked by default)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    exportCmd,
    L,
    '把本机的新记录（或一个乡镇的花名册）写成一个交换文件，用 U 盘或聊天软件带到另一台电脑，再用 fieldvisit merge 合并。',
    'Write this laptop’s new records (or a township’s roster) into one bundle file to carry by USB stick or chat app; load it elsewhere with fieldvisit merge.',
    [
      'fieldvisit export --out /media/usb/zhangming.fvb --to supervisor',
      'fieldvisit export --all --officer 张明 --out zhangming-all.fvb',
      'fieldvisit export --roster --township 涡水镇 --out 涡水镇-roster.fvb',
    ],
  );
  lazyAction(exportCmd, ctx, () => import('./export.js'));
}

export function registerMerge(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const merge = program
    .command('merge')
    .argument('[files...]', h(L, 'fieldvisit export 生成的交换文件', 'bundle files made by fieldvisit export'))
    .option('--dry-run', h(L, '只显示将要发生的变化，不写入', 'show what would change; write nothing'))
    .option('--conflicts', h(L, '列出合并时发现的冲突', 'list the conflicts merges have found'))
    .option('--trust-once', h(L, '这一次也合并未签名或由未受信任密钥签名的文件（不加入信任列表）', 'merge unsigned or unknown-key bundles this once (the key is not added to the trusted list)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    merge,
    L,
    '合并其他电脑导出的交换文件：先核对签名（只接受本库信任的密钥，见 fieldvisit trust），新记录加入，已有的跳过（重复合并不会重复记录），作废跟随原走访；冲突以后记录者为准并列出。',
    'Merge bundles from other laptops: the signature is checked first (only keys this database trusts, see fieldvisit trust); new records are added, ones already here skipped (merging twice doubles nothing), voids follow their visits; conflicts go to the later recorded and are listed.',
    ['fieldvisit merge /media/usb/*.fvb', 'fieldvisit merge zhangming.fvb --dry-run', 'fieldvisit merge --conflicts', 'fieldvisit merge old-laptop.fvb --trust-once'],
  );
  lazyAction(merge, ctx, () => import('./merge.js'));
}
