// Printing a command's output, or writing it to the --out file (UTF-8, CSV with a BOM, never half a file): shared by lists, reports and the agenda.
import fs from 'node:fs';
import path from 'node:path';
import { DataError } from '../domain/errors.js';
import { text } from '../domain/text.js';
import type { Context } from './context.js';
import { out, t, warn } from './runtime.js';

/**
 * Writes body to FILE as UTF-8 (CSV with a BOM so Excel reads Chinese right) through a temporary file renamed into
 * place, so a failed write never leaves half a file. Returns the absolute path written.
 */
export function writeOutFile(ctx: Context, body: string, outFile: string, csv: boolean): string {
  const target = path.resolve(ctx.cwd, outFile);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, (csv && !body.startsWith('\uFEFF') ? '\uFEFF' : '') + body, 'utf8');
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPERM' || code === 'EBUSY' || code === 'EACCES') {
      throw new DataError(
        text(
          `无法写入 ${target}：文件正被占用或只读。若已在 Excel 等程序中打开，请先关闭它再运行；或用 --out 换一个文件名。`,
          `Cannot write ${target}: the file is in use or read-only. If it is open in Excel or another program, close it and run again, or choose another name with --out.`,
        ),
      );
    }
    throw new DataError(
      text(`无法写入 ${target}（${(e as Error).message}）：请检查文件夹是否存在且可写。`, `Cannot write ${target} (${(e as Error).message}): check that the folder exists and is writable.`),
    );
  }
  return target;
}

/** Prints body, or with --out writes it and says where on stderr. */
export function emitOutput(ctx: Context, body: string, outFile: string | undefined, csv: boolean): void {
  if (outFile === undefined) {
    out(ctx, body);
    return;
  }
  const written = writeOutFile(ctx, body, outFile, csv);
  warn(ctx, t(ctx, text(`已写入 ${written}`, `Wrote ${written}`)));
}
