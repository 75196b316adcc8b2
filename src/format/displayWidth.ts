// Display width without loading a library: East Asian wide and full-width characters count two columns (for workbook column widths and WeChat line lengths).
const WIDE: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x1100) return cp < 0x20 ? 0 : 1;
  return WIDE.some(([a, b]) => cp >= a && cp <= b) ? 2 : 1;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}
