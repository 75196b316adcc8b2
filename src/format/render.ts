// One renderer per format for each report and list: the options every renderer may read, and the map type that ties a command's renderers to its formats in the registry.
import type { Lang } from '../domain/text.js';
import type { CsvHeaders, FormatsOf, OutputKind } from './registry.js';

/** Printed on the weekly report when given (the lead wires it to `config set institution|branch|…`). */
export interface LetterheadLike {
  institution?: string | null;
  branch?: string | null;
  phone?: string | null;
  address?: string | null;
  preparer?: string | null;
  reviewer?: string | null;
}

export interface RenderOptions {
  lang: Lang;
  /** ASCII table borders (old Windows consoles). */
  ascii?: boolean;
  /** The terminal's width in columns: tables fit it (undefined: no limit, e.g. piped or written to a file). */
  width?: number;
  /** ANSI colour (text at a terminal only). */
  color?: boolean;
  /** Full ID numbers and phones. */
  unmask?: boolean;
  /** CSV header row: machine names (default) or Chinese. */
  headers?: CsvHeaders;
  /** JSON: the households and visits behind every figure (weekly report). */
  trace?: boolean;
  letterhead?: LetterheadLike;
  /** The day the output is made (dates on signature lines); the report's own date when absent. */
  today?: string;
}

/** Text for text formats; bytes (a workbook) for binary ones. */
export type Rendered = string | Uint8Array;
export type Renderer<V> = (value: V, opts: RenderOptions) => Rendered | Promise<Rendered>;

/** Exactly one renderer for each format the registry gives the command. */
export type RendererMap<K extends OutputKind, V> = { readonly [F in FormatsOf<K>]: Renderer<V> };

export async function render<K extends OutputKind, V>(renderers: RendererMap<K, V>, format: FormatsOf<K>, value: V, opts: RenderOptions): Promise<Rendered> {
  return (renderers as Record<string, Renderer<V>>)[format as string]!(value, opts);
}
