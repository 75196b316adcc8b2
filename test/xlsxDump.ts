// Reads a workbook's XML back into a text dump (sheet, frozen rows, widths; then cell, type, value, number format, bold) for golden files and format assertions.
import { strFromU8, unzipSync } from 'fflate';

export interface DumpCell {
  ref: string;
  type: 'string' | 'number' | 'date' | 'boolean';
  value: string;
  format: string | null;
  bold: boolean;
}

export interface DumpSheet {
  name: string;
  frozenRows: number;
  widths: number[];
  cells: DumpCell[];
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

const attr = (tag: string, name: string): string | undefined => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];

/** Excel's day serial (1900 system) to YYYY-MM-DD. */
function serialToDate(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86400000)).toISOString().slice(0, 10);
}

export function readWorkbook(bytes: Uint8Array): DumpSheet[] {
  const files = unzipSync(bytes);
  const read = (name: string) => {
    const f = files[name];
    if (!f) throw new Error(`no ${name} in the workbook`);
    return strFromU8(f);
  };
  const shared = [...read('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unescape([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const styles = read('xl/styles.xml');
  const numFmts = new Map([...styles.matchAll(/<numFmt [^>]*>/g)].map((m) => [Number(attr(m[0], 'numFmtId')), unescape(attr(m[0], 'formatCode')!)] as const));
  const fonts = [...(styles.match(/<fonts[^>]*>([\s\S]*?)<\/fonts>/)?.[1] ?? '').matchAll(/<font>([\s\S]*?)<\/font>|<font\/>/g)].map((m) => /<b\/>/.test(m[1] ?? ''));
  const xfs = [...(styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)].map((m) => ({
    format: numFmts.get(Number(attr(m[0], 'numFmtId') ?? 0)) ?? null,
    bold: fonts[Number(attr(m[0], 'fontId') ?? 0)] ?? false,
  }));
  const names = [...read('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map((m) => unescape(attr(m[0], 'name')!));
  return names.map((name, i) => {
    const xml = read(`xl/worksheets/sheet${i + 1}.xml`);
    const pane = xml.match(/<pane\b[^>]*>/)?.[0];
    const frozenRows = pane && attr(pane, 'state') === 'frozen' ? Number(attr(pane, 'ySplit') ?? 0) : 0;
    const widths = [...xml.matchAll(/<col\b[^>]*>/g)].map((m) => Number(attr(m[0], 'width')));
    const cells: DumpCell[] = [];
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = m[1]!;
      const v = m[2]?.match(/<v>([\s\S]*?)<\/v>/)?.[1];
      if (v === undefined) continue;
      const style = xfs[Number(attr(tag, 's') ?? 0)] ?? { format: null, bold: false };
      const t = attr(tag, 't');
      let type: DumpCell['type'];
      let value: string;
      if (t === 's') [type, value] = ['string', shared[Number(v)]!];
      else if (t === 'b') [type, value] = ['boolean', v === '1' ? 'TRUE' : 'FALSE'];
      else if (style.format && /y/.test(style.format) && /d/.test(style.format)) [type, value] = ['date', serialToDate(Number(v))];
      else [type, value] = ['number', v];
      cells.push({ ref: attr(tag, 'r')!, type, value, format: style.format, bold: style.bold });
    }
    return { name, frozenRows, widths, cells };
  });
}

/** One line per cell: `A1  string  "text"  format  bold`, under a line per sheet. */
export function dumpWorkbook(bytes: Uint8Array): string {
  const out: string[] = [];
  for (const s of readWorkbook(bytes)) {
    out.push(`== sheet "${s.name}" frozen=${s.frozenRows} widths=${s.widths.join(',')}`);
    for (const c of s.cells) out.push([c.ref, c.type, JSON.stringify(c.value), c.format ?? '-', c.bold ? 'bold' : ''].join('\t').trimEnd());
  }
  return out.join('\n') + '\n';
}
