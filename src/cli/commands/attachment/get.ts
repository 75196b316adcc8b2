// `fieldvisit attachment get HASH --out FILE` (action): write one stored attachment back out, byte for byte, owner-only.
import type { Command } from 'commander';
import { blobBytes, blobsByPrefix } from '../../../db/attachments.js';
import { DataError, UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';
import { maskPersonal } from '../../../domain/idNumber.js';
import { parseHashPrefix } from '../../../domain/mediaType.js';
import { blobMatchLine, blobWrittenAsJson, blobWrittenAsText } from '../../../format/attachments.js';
import type { Context } from '../../context.js';
import { prepareOutFile } from '../../outFile.js';
import { out, withSession } from '../../runtime.js';

export function action(ctx: Context) {
  return async (hashArg: string, opts: { out?: string; json?: boolean }, command: Command) => {
    const prefix = parseHashPrefix(hashArg);
    if (!prefix) {
      throw new UsageError(
        text(
          `“${maskPersonal(hashArg)}”不是 SHA-256：请给出 visit show 显示的十六进制值（至少 8 位）。`,
          `"${maskPersonal(hashArg)}" is not a SHA-256: give the hexadecimal value visit show prints (at least 8 digits).`,
        ),
      );
    }
    if (!opts.out) throw new UsageError(text('请用 --out 指定写入的文件。', 'Say where to write the file with --out FILE.'));
    await withSession(
      ctx,
      command,
      ({ db }) => {
        const matches = blobsByPrefix(db, prefix, 11);
        if (matches.length === 0) {
          throw new DataError(text(`没有 SHA-256 以 ${prefix} 开头的附件：用 fieldvisit visit show 走访编号 查看附件。`, `No attachment has a SHA-256 starting with ${prefix}: see fieldvisit visit show VISIT for the attachments.`));
        }
        if (matches.length > 1) {
          throw new DataError(
            text(`有多个附件的 SHA-256 以 ${prefix} 开头：请多给几位。`, `Several attachments have a SHA-256 starting with ${prefix}: give more digits.`),
            matches.slice(0, 10).map((m) => text(blobMatchLine(m, 'zh'), blobMatchLine(m, 'en'))),
          );
        }
        const m = matches[0]!;
        // Checked against the database and the files it reads before anything is written; owner-only (an ID card photo).
        const target = prepareOutFile(ctx, opts.out!, '--out', { mode: 0o600 });
        try {
          target.commit(blobBytes(db, m.sha256)!);
        } finally {
          target.discard();
        }
        out(ctx, opts.json ? blobWrittenAsJson(target.path, m) : blobWrittenAsText(target.path, m, ctx.lang));
      },
      { mustExist: true },
    );
  };
}
