// An output file prepared before any write to the database: a bad path is refused first, the body lands via a temp file + rename.
import fs from 'node:fs';
import path from 'node:path';
import { DataError } from '../domain/errors.js';
import { text, type Text } from '../domain/text.js';
import type { Context } from './context.js';
import { guardOutput } from './pathGuard.js';

export interface OutFile {
  /** The absolute path the body will be renamed to. */
  readonly path: string;
  /** Writes the body to the temporary file and renames it into place; `afterFailure` is added to the error's message. */
  commit(body: string | Uint8Array, afterFailure?: Text): void;
  /** Writes a piece of the body to the temporary file (a long report written as it is made); commit('') then renames it. */
  append(chunk: string | Uint8Array): void;
  /** Removes the temporary file if it is still there (safe to call after commit). */
  discard(): void;
}

function cannotWrite(shown: string, e: unknown, extra?: Text): DataError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EPERM' || code === 'EBUSY' || code === 'EACCES') {
    // On Windows a file open in Excel is locked: the usual cause, so say it.
    return new DataError(
      text(
        `无法写入 ${shown}：文件正被占用或只读。若已在 Excel 等程序中打开，请先关闭它再运行；或用 --out 换一个文件名。${extra ? extra.zh : ''}`,
        `Cannot write ${shown}: the file is in use or read-only. If it is open in Excel or another program, close it and run again, or choose another name with --out.${extra ? ' ' + extra.en : ''}`,
      ),
    );
  }
  const why = code ?? (e as Error).message;
  return new DataError(
    text(
      `无法写入 ${shown}（${why}）：请检查文件夹是否存在且可写，或换一个 --out 路径。${extra ? extra.zh : ''}`,
      `Cannot write ${shown} (${why}): check that the folder exists and is writable, or choose another --out path.${extra ? ' ' + extra.en : ''}`,
    ),
  );
}

/**
 * Checks that `name` (relative to the working folder) can be written by creating its temporary file next to it now.
 * Throws a DataError naming the path when it cannot; nothing else has happened yet at that point.
 */
export function prepareOutFile(ctx: Context, name: string, flag = '--out', opts: { mode?: number } = {}): OutFile {
  guardOutput(ctx, name, flag, { textOutput: true });
  const target = path.resolve(ctx.cwd, name);
  const tmp = `${target}.${process.pid}.tmp`;
  let fd: number;
  try {
    if (fs.existsSync(target)) {
      if (fs.statSync(target).isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
      fs.accessSync(target, fs.constants.W_OK);
    }
    fd = fs.openSync(tmp, 'w', opts.mode ?? 0o644);
  } catch (e) {
    throw cannotWrite(name, e);
  }
  if (opts.mode !== undefined) {
    try {
      // A temp file left over from a crash keeps its old mode: set it (a no-op on Windows).
      fs.fchmodSync(fd, opts.mode);
    } catch {
      // chmod means nothing on Windows; the per-user folders protect the file there.
    }
  }
  let open = true;
  let done = false;
  const close = () => {
    if (open) {
      open = false;
      fs.closeSync(fd);
    }
  };
  return {
    path: target,
    append(chunk) {
      try {
        if (typeof chunk === 'string') fs.writeSync(fd, chunk, null, 'utf8');
        else for (let off = 0; off < chunk.length; ) off += fs.writeSync(fd, chunk, off, chunk.length - off);
      } catch (e) {
        this.discard();
        throw cannotWrite(name, e);
      }
    },
    commit(body, afterFailure) {
      try {
        if (typeof body === 'string') fs.writeSync(fd, body, null, 'utf8');
        else fs.writeSync(fd, body);
        close();
        fs.renameSync(tmp, target);
        done = true;
      } catch (e) {
        this.discard();
        throw cannotWrite(name, e, afterFailure);
      }
    },
    discard() {
      try {
        close();
      } catch {
        // already closed or gone: nothing to clean
      }
      if (!done) fs.rmSync(tmp, { force: true });
    },
  };
}
