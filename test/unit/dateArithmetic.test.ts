import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { addDays, addMonths, addYears } from '../../src/domain/dates.js';

// addDays/addMonths/addYears compute without dayjs; they must give what dayjs gave, date for date.
describe('date arithmetic equals dayjs', () => {
  const dates: string[] = [];
  for (let d = dayjs('2015-01-01'); d.year() < 2033; d = d.add(1, 'day')) dates.push(d.format('YYYY-MM-DD'));

  it('addDays for every date of 2015-2032', () => {
    for (const d of dates) for (const n of [-90, -1, 1, 90, 1096]) expect(addDays(d, n), `${d} ${n}`).toBe(dayjs(d).add(n, 'day').format('YYYY-MM-DD'));
  });

  it('addYears and addMonths for every date of 2015-2032 (month ends and 29 February clamped as dayjs does)', () => {
    for (const d of dates) {
      for (const n of [-3, -1, 1, 2, 3]) expect(addYears(d, n), `${d} ${n}`).toBe(dayjs(d).add(n, 'year').format('YYYY-MM-DD'));
      for (const n of [-13, 1, 6]) expect(addMonths(d, n), `${d} ${n}`).toBe(dayjs(d).add(n, 'month').format('YYYY-MM-DD'));
    }
  });

  it('an out-of-range day is read as dayjs reads it; other shapes go to dayjs', () => {
    for (const d of ['2025-02-30', '2024-02-31', '2023-04-31', '2023-13-01', '2023-00-10', '2024-2-3', 'x']) {
      expect(addDays(d, 3), d).toBe(dayjs(d).add(3, 'day').format('YYYY-MM-DD'));
      expect(addYears(d, 1), d).toBe(dayjs(d).add(1, 'year').format('YYYY-MM-DD'));
    }
  });
});
