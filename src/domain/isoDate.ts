// Whether a string is a real YYYY-MM-DD date, and a moment's local day: plain arithmetic with no library, so start-up
// code can use them cheaply.

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

/** Plain arithmetic, not dayjs: this runs for every date cell of a million-row roster. */
export function isValidIsoDate(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The local calendar day of a moment (a Date the caller has; nothing here reads the clock). */
export function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
