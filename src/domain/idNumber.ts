// Resident identity numbers (GB 11643): check digit, and masking for reports.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function normalizeIdNumber(s: string): string {
  return s.trim().replace(/\s+/g, '').toUpperCase();
}

export type IdCheck = 'ok' | 'length' | 'format' | 'check-digit';

export function checkIdNumber(raw: string): IdCheck {
  const s = normalizeIdNumber(raw);
  if (s.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(s)) return 'format';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11] === s[17] ? 'ok' : 'check-digit';
}

/** The check digit that makes the first 17 digits valid. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** `440101199001011234` → `4401**********1234`: enough to tell two people apart, not to impersonate one. */
export function maskIdNumber(s: string | null | undefined): string | null {
  if (!s) return null;
  if (s.length <= 8) return '*'.repeat(s.length);
  return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4);
}

/** `13812345678` → `138****5678`. */
export function maskPhone(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  if (t.length <= 4) return '*'.repeat(t.length);
  if (t.length <= 7) return t.slice(0, 1) + '*'.repeat(t.length - 3) + t.slice(-2);
  return t.slice(0, 3) + '*'.repeat(t.length - 7) + t.slice(-4);
}

/**
 * What a person typed, made safe to echo in a message: an ID number or a mobile number is masked,
 * anything else (a name, a loan number) is returned as it was.
 */
export function maskPersonal(s: string): string {
  const t = s.trim();
  if (/^\d{17}[\dXx]$/.test(t) || /^\d{15}$/.test(t)) return maskIdNumber(t)!;
  if (/^1\d{10}$/.test(t)) return maskPhone(t)!;
  return s;
}
