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

/** A run of digits, single spaces or dashes allowed between them, with an ID number's closing X. */
const DIGIT_RUN = /\d(?:[ -]?\d)*(?:[Xx](?![A-Za-z]))?/g;

function maskRun(run: string): string {
  const digits = run.replace(/[ -]/g, '').length;
  // 7+ digits in one unbroken run; with spaces or dashes inside, 11+ (a phone written 138-1234-5678, an ID in
  // groups), so a loan number such as WS-2022-0001 or a date is left alone.
  if (digits < (/[ -]/.test(run) ? 11 : 7)) return run;
  const first = digits >= 15 ? 4 : digits >= 11 ? 3 : 1;
  const last = digits >= 11 ? 4 : 2;
  let seen = 0;
  return run.replace(/[\dXx]/g, (c) => {
    seen++;
    return seen <= first || seen > digits - last ? c : '*';
  });
}

/**
 * Text a person typed, made safe to echo in a message: every run of 7 or more digits (an ID number, a phone,
 * a bank card; spaces or dashes inside allowed) is masked, keeping the first 3-4 and last 4 digits (runs under 11
 * digits keep the first and last two); anything else (a name, a loan number such as WS-2022-0001) is kept.
 */
export function maskPersonal(s: string): string {
  return s.replace(DIGIT_RUN, maskRun);
}
