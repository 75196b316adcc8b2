// Printing a command's output, or writing it to the --out file (UTF-8, CSV with a BOM, never half a file): shared by lists, reports and the agenda.
import { text } from '../domain/text.js';
import { prepareOutFile } from './outFile.js';
import type { Context } from './context.js';
import { out, t, warn } from './runtime.js';

/**
 * Writes body to FILE as UTF-8 (CSV with a BOM so Excel reads Chinese right) through a temporary file renamed into
 * place (prepareOutFile), so a failed write never leaves half a file. Returns the absolute path written.
 */
export function writeOutFile(ctx: Context, body: string, outFile: string, csv: boolean): string {
  const file = prepareOutFile(ctx, outFile);
  file.commit((csv && !body.startsWith('\uFEFF') ? '\uFEFF' : '') + body);
  return file.path;
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
