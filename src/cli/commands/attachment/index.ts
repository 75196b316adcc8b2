// `fieldvisit attachment get`: write a stored attachment back out, byte for byte (definitions; actions in ./<verb>.ts).
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { describe, h } from '../../help.js';
import { lazyAction } from '../../lazy.js';

export function registerAttachment(program: Command, ctx: Context): void {
  const L = ctx.lang;
  const attachment = program.command('attachment');
  describe(attachment, L, '附件：把保存在数据库里的证据文件原样取出。附件用 visit attach 或 visit log --attach 添加，用 visit show 查看。', 'Attachments: write a proof file stored in the database back out, unchanged. Add them with visit attach or visit log --attach; list them with visit show.', [
    'fieldvisit attachment get 3f2a9c01d4e5 --out 回执.jpg',
  ]);

  const get = attachment
    .command('get')
    .argument('<hash>', h(L, '文件的 SHA-256（visit show 显示；前 8 位以上、唯一即可）', 'the file’s SHA-256 (shown by visit show; any unique prefix of 8 or more digits)'))
    .option('--out <file>', h(L, '写入的文件（必填；只有本人可读）', 'the file to write (required; readable by you only)'))
    .option('--json', h(L, '以 JSON 输出写入结果（不含文件内容）', 'print what was written as JSON (never the bytes)'));
  describe(
    get,
    L,
    '把一个附件原样写入 --out 文件（先写临时文件再改名，只有本人可读，因为可能是身份证照片）。',
    'Write one attachment, byte for byte, to the --out file (through a temporary file and a rename; readable by you only, since it may be a photo of an ID card).',
    ['fieldvisit attachment get 3f2a9c01d4e5 --out 回执.jpg', 'fieldvisit attachment get 60017cb0 --out 通话录音.amr --json'],
  );
  lazyAction(get, ctx, () => import('./get.js'));

  const voidCmd = attachment
    .command('void')
    .argument('<id>', h(L, '附件编号（visit show 显示）', 'attachment id (shown by visit show)'))
    .option('--reason <text>', h(L, '作废原因（必填，如 传错文件）', 'why it is void (required, e.g. the wrong file)'))
    .option('--officer <name>', h(L, '作废人（默认 config set officer 的值）', 'who voids it (default: config set officer)'))
    .option('--json', h(L, '以 JSON 输出', 'print as JSON'));
  describe(
    voidCmd,
    L,
    '作废一个附件（如传错了文件）：文件和记录保留，注明谁、何时、为何作废；作废后不再作为证据，也不出现在证据目录中。',
    'Void an attachment (e.g. the wrong file): the file and its record stay, with who, when and why; it no longer counts as proof and leaves the evidence file.',
    ['fieldvisit attachment void 7 --reason "传错文件"'],
  );
  lazyAction(voidCmd, ctx, () => import('./void.js'));
}
