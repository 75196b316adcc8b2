// Printing a command's output, or writing it to the --out file (UTF-8, CSV with a BOM, workbooks as bytes, never half a file): shared by lists, reports and the agenda.
import { text } from '../domain/text.js';
import { FORMATS, type FormatsOf, type OutputKind } from '../format/registry.js';
import { render, type RendererMap, type RenderOptions } from '../format/render.js';
import { prepareOutFile } from './outFile.js';
import type { Context } from './context.js';
import { out, t, warn } from './runtime.js';

/**
 * Writes body to FILE (text as UTF-8, with a BOM when `bom` so Excel reads Chinese right; bytes as they are) through a
 * temporary file renamed into place (prepareOutFile), so a failed write never leaves half a file. Returns the absolute path written.
 */
export function writeOutFile(ctx: Context, body: string | Uint8Array, outFile: string, bom: boolean): string {
  const file = prepareOutFile(ctx, outFile);
  file.commit(typeof body === 'string' && bom && !body.startsWith('\uFEFF') ? '\uFEFF' + body : body);
  return file.path;
}

/** Prints body, or with --out writes it and says where on stderr. Bytes are never printed (the registry refuses binary output without --out). */
export function emitOutput(ctx: Context, body: string | Uint8Array, outFile: string | undefined, bom: boolean): void {
  if (outFile === undefined) {
    if (typeof body !== 'string') throw new Error('binary output needs --out');
    out(ctx, body);
    return;
  }
  const written = writeOutFile(ctx, body, outFile, bom);
  warn(ctx, t(ctx, text(`已写入 ${written}`, `Wrote ${written}`)));
}

/** Renders value with the command's renderer for format and prints or writes it. */
export async function emitRendered<K extends OutputKind, V>(
  ctx: Context,
  renderers: RendererMap<K, V>,
  format: FormatsOf<K>,
  value: V,
  opts: RenderOptions,
  outFile: string | undefined,
): Promise<void> {
  const body = await render(renderers, format, value, opts);
  emitOutput(ctx, body, outFile, FORMATS[format].bom);
}
