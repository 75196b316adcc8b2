// ID numbers and phones stay out of messages: a reference a person typed is echoed masked.
import { beforeAll, describe, expect, it } from 'vitest';
import { maskPersonal } from '../../src/domain/idNumber.js';
import { runInProcess, sampleDb } from '../helpers.js';

const UNKNOWN_ID = '110105194912310021';
const UNKNOWN_PHONE = '13800138000';

describe('maskPersonal', () => {
  it('masks ID numbers (18 and 15 digits) and mobile numbers, and nothing else', () => {
    expect(maskPersonal(UNKNOWN_ID)).toBe('1101**********0021');
    expect(maskPersonal('11010519491231002x')).toBe('1101**********002x');
    expect(maskPersonal('110105491231002')).toBe('1101*******1002');
    expect(maskPersonal(UNKNOWN_PHONE)).toBe('138****8000');
    expect(maskPersonal('WS-2022-0001')).toBe('WS-2022-0001');
    expect(maskPersonal('房六贵')).toBe('房六贵');
    expect(maskPersonal('12')).toBe('12');
  });

  it('masks any run of 7+ digits inside the text, also with spaces or dashes, keeping the first 3-4 and last 4', () => {
    expect(maskPersonal('6222021234567890')).toBe('6222********7890');
    expect(maskPersonal('138 0013 8000')).toBe('138 **** 8000');
    expect(maskPersonal('138-0013-8000')).toBe('138-****-8000');
    expect(maskPersonal('1101 0519 4912 310021')).toBe('1101 **** **** **0021');
    expect(maskPersonal(`合同 ${UNKNOWN_ID} 号`)).toBe('合同 1101**********0021 号');
    expect(maskPersonal('1234567')).toBe('1****67');
    expect(maskPersonal('2026-11-22')).toBe('2026-11-22');
    expect(maskPersonal('XP-2023-0032')).toBe('XP-2023-0032');
  });
});

describe('messages never echo a typed ID number or phone', () => {
  let db: string;
  beforeAll(() => {
    db = sampleDb();
  });
  const cases: [string, string[]][] = [
    ['borrower show', ['borrower', 'show', UNKNOWN_ID]],
    ['loan clock', ['loan', 'clock', UNKNOWN_ID]],
    ['borrower set', ['borrower', 'set', UNKNOWN_ID, '--stance', 'evasive']],
    ['visit log --borrower (ID)', ['visit', 'log', '--borrower', UNKNOWN_ID, '--outcome', 'note', '--note', 'x', '--officer', '张明']],
    ['visit log --borrower (phone)', ['visit', 'log', '--borrower', UNKNOWN_PHONE, '--outcome', 'note', '--note', 'x', '--officer', '张明']],
    ['visit log --loan', ['visit', 'log', '--loan', UNKNOWN_ID, '--outcome', 'note', '--note', 'x', '--officer', '张明']],
    ['visit list --loan', ['visit', 'list', '--loan', UNKNOWN_PHONE]],
    ['loan mark', ['loan', 'mark', UNKNOWN_ID, '--lawsuit', '2026-11-01']],
    ['notice issue --loan', ['notice', 'issue', '--loan', UNKNOWN_ID, '--type', 'overdue-loan']],
    ['notice issue --loan (card number with spaces)', ['notice', 'issue', '--loan', '6222 0212 3456 7890', '--type', 'overdue-loan']],
  ];
  for (const [name, args] of cases) {
    for (const lang of ['en', 'zh'] as const) {
      it(`${name} (${lang})`, async () => {
        const r = await runInProcess(args, { db, lang });
        expect(r.code).not.toBe(0);
        expect(r.stderr.length).toBeGreaterThan(0);
        expect(r.stderr).not.toContain(UNKNOWN_ID);
        expect(r.stderr).not.toContain(UNKNOWN_PHONE);
        expect(r.stderr).not.toContain('3456');
        expect(r.stderr).toMatch(/\*{4}/);
      });
    }
  }
});
