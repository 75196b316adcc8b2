// The streamed limitation pass and report: the same facts as the former bulk queries, and CSV/JSON byte for byte what the whole-report renderers print.
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleDb } from '../helpers.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { loanClockFacts, compareBinary } from '../../src/db/limitation.js';
import { buildLimitationReport } from '../../src/report/limitation.js';
import { limitationCsvStream, limitationJsonStream, limitationRenderers } from '../../src/format/limitation.js';
import { limitationReport, streamLimitationReport } from '../../src/cli/limitationStream.js';
import { loanClockFactsBulk } from '../reference/loanClockFactsBulk.js';

const TODAY = '2026-11-22';
let db: Db;

/** The sample plus a few hundred generated loans with every kind of fact the clock reads, deterministic. */
function addGenerated(d: Db) {
  let seed = 7;
  const rnd = (n: number) => (((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n);
  const day = (from: string, span: number) => {
    const t = new Date(from + 'T00:00:00Z').getTime() + rnd(span) * 86400000;
    return new Date(t).toISOString().slice(0, 10);
  };
  const villages = d.prepare(`SELECT id FROM villages`).pluck().all() as number[];
  const tx = d.transaction(() => {
    const loans: { id: number; b: number; h: number }[] = [];
    for (let i = 0; i < 150; i++) {
      const v = villages[rnd(villages.length)]!;
      const h = Number(d.prepare(`INSERT INTO households (village_id, head_name) VALUES (?, ?)`).run(v, `户${i}`).lastInsertRowid);
      for (let k = 0; k < 1 + rnd(2); k++) {
        const b = Number(d.prepare(`INSERT INTO borrowers (household_id, name) VALUES (?, ?)`).run(h, `借${i}-${k}`).lastInsertRowid);
        for (let j = 0; j < 1 + rnd(2); j++) {
          const due = rnd(40) === 0 ? null : day('2018-01-01', 3650);
          const paid = rnd(30) === 0;
          const id = Number(
            d
              .prepare(
                `INSERT INTO loans (loan_no, borrower_id, principal_fen, interest_fen, balance_as_of, loan_date, due_date, officer, guarantor, guarantee_type, guarantee_until)
                 VALUES (?, ?, ?, ?, '2026-01-01', ?, ?, ?, ?, ?, ?)`,
              )
              .run(
                `G${String(i).padStart(4, '0')}-${k}${j}`,
                b,
                paid ? 0 : 100000 + rnd(900000),
                paid ? 0 : rnd(10000),
                day('2015-01-01', 1000),
                due,
                `员${rnd(3)}`,
                rnd(3) === 0 ? `保${i}` : null,
                rnd(4) === 0 ? 'joint' : null,
                rnd(8) === 0 ? day('2024-01-01', 1200) : null,
              ).lastInsertRowid,
          );
          loans.push({ id, b, h });
        }
        if (rnd(15) === 0) {
          d.prepare(`INSERT INTO borrower_events (uid, origin_db, borrower_id, kind, status, effective_on, recorded_at) VALUES (?, 't', ?, 'status', 'deceased', ?, '2026-01-01T00:00:00Z')`).run(`d${b}`, b, day('2021-01-01', 1500));
          if (rnd(2) === 0) d.prepare(`INSERT INTO borrower_events (uid, origin_db, borrower_id, kind, heir_name, effective_on, recorded_at) VALUES (?, 't', ?, 'heir', '某', ?, '2026-01-01T00:00:00Z')`).run(`e${b}`, b, day('2024-01-01', 700));
        }
      }
    }
    const kinds = ['notice-signed', 'not-signed', 'cash', 'intent', 'statute-expired', 'note'] as const;
    const actors = [null, 'borrower', 'relative', 'guarantor'] as const;
    for (let i = 0; i < 1500; i++) {
      const l = loans[rnd(loans.length)]!;
      const vid = Number(
        d
          .prepare(`INSERT INTO visits (uid, origin_db, household_id, borrower_id, visit_date, officer, source, created_at) VALUES (?, 't', ?, ?, ?, '员', 'cli', '2026-01-01T00:00:00Z')`)
          .run(`gv${i}`, l.h, rnd(3) === 0 ? null : l.b, day('2019-01-01', 2900))
          .lastInsertRowid,
      );
      for (let k = 0; k < 1 + rnd(2); k++) {
        const kind = kinds[rnd(kinds.length)]!;
        d.prepare(
          `INSERT INTO visit_outcomes (visit_id, kind, loan_id, actor, reason, principal_fen, interest_fen, promise_amount_fen, promise_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          vid,
          kind,
          rnd(4) === 0 ? null : l.id,
          kind === 'notice-signed' || kind === 'intent' ? actors[rnd(actors.length)] : null,
          kind === 'not-signed' ? (['away', 'refused', 'not-found', 'deceased', 'other'] as const)[rnd(5)] : null,
          kind === 'cash' ? 1000 + rnd(5000) : null,
          kind === 'cash' ? rnd(500) : null,
          kind === 'intent' ? 5000 : null,
          kind === 'intent' ? day('2019-06-01', 2900) : null,
        );
      }
      if (rnd(40) === 0) d.prepare(`INSERT INTO visit_voids (uid, origin_db, visit_uid, reason, voided_at) VALUES (?, 't', ?, 'x', '2026-01-01T00:00:00Z')`).run(`vv${i}`, `gv${i}`);
    }
    for (const l of loans) {
      if (rnd(12) === 0)
        d.prepare(`INSERT INTO loan_marks (uid, origin_db, loan_id, kind, mark_date, medium, recorded_at) VALUES (?, 't', ?, ?, ?, ?, '2026-01-01T00:00:00Z')`).run(
          `m${l.id}`,
          l.id,
          rnd(2) ? 'accelerated' : 'public-notice',
          day('2019-01-01', 2500),
          rnd(2) ? 'national' : 'provincial',
        );
      if (rnd(15) === 0) {
        d.prepare(`INSERT INTO legal_events (uid, origin_db, loan_id, stage, event_date, recorded_at) VALUES (?, 't', ?, 'filed', ?, '2026-01-01T00:00:00Z')`).run(`f${l.id}`, l.id, day('2021-01-01', 500));
        if (rnd(2))
          d.prepare(`INSERT INTO legal_events (uid, origin_db, loan_id, stage, event_date, perform_by, recorded_at) VALUES (?, 't', ?, 'judgment', ?, ?, '2026-01-01T00:00:00Z')`).run(`j${l.id}`, l.id, day('2023-01-01', 300), day('2023-12-01', 100));
      }
    }
  });
  tx();
}

beforeAll(() => {
  const file = sampleDb({ visits: true });
  db = openDatabase(file, { nowIso: '2026-11-22T00:00:00Z' }).db;
  addGenerated(db);
});

describe('the streamed pass over loans and events', () => {
  it('gathers the same facts, events in the same order, as the former bulk queries, with and without filters', () => {
    const township = db.prepare(`SELECT id FROM townships ORDER BY id LIMIT 1`).pluck().get() as number;
    const some = db.prepare(`SELECT l.id, l.borrower_id AS b FROM loans l ORDER BY l.id DESC LIMIT 1`).get() as { id: number; b: number };
    const all = loanClockFacts(db, {}, TODAY);
    expect(all.length).toBeGreaterThan(300);
    expect(all.reduce((s, x) => s + x.events.length, 0)).toBeGreaterThan(1000);
    for (const f of [{}, { townshipId: township }, { loanId: some.id }, { borrowerId: some.b }, { officer: '员1' }]) {
      expect(loanClockFacts(db, f, TODAY)).toEqual(loanClockFactsBulk(db, f, TODAY));
    }
  });
});

describe('the limitation report, streamed', () => {
  const variants = [{}, { status: 'expiring' as const }, { status: 'running' as const, withinDays: 400 }, { withinDays: 1000 }];
  for (const v of variants) {
    it(`CSV and JSON equal the whole-report renderers (${JSON.stringify(v)})`, async () => {
      const o = { today: TODAY, periodYears: 3, withinDays: 90, township: null, status: null, ...v };
      const whole = buildLimitationReport(loanClockFactsBulk(db, {}, TODAY), o);
      expect(whole.rows.length + whole.guaranteesEnding.length).toBeGreaterThan(5);
      expect(limitationReport(db, {}, o)).toEqual(whole);
      for (const [fmt, render] of [
        [limitationCsvStream('en'), limitationRenderers.csv],
        [limitationCsvStream('zh'), (r: typeof whole) => limitationRenderers.csv(r, { lang: 'zh', headers: 'zh' })],
        [limitationJsonStream(), limitationRenderers.json],
      ] as const) {
        let streamed = '';
        streamLimitationReport(db, {}, o, fmt, (s) => (streamed += s));
        expect(streamed).toBe(await render(whole, { lang: 'en', headers: 'en' }));
      }
    });
  }
  it('the report with no loan at all is the same too', async () => {
    const o = { today: TODAY, periodYears: 3, withinDays: 90, township: null, status: null };
    const none = { townshipId: -1 };
    let streamed = '';
    streamLimitationReport(db, none, o, limitationJsonStream(), (s) => (streamed += s));
    expect(streamed).toBe(await limitationRenderers.json(buildLimitationReport([], o), { lang: 'en' }));
  });
});

describe('compareBinary', () => {
  it('orders as SQLite does: code points, NULL first', () => {
    const xs = ['b', null, 'a', '\u{20BB7}', '\uFF08', 'ab', ''];
    const sorted = [...xs].sort(compareBinary);
    const sql = (db.prepare(`SELECT value FROM json_each(?) ORDER BY value`).pluck().all(JSON.stringify(xs)) as (string | null)[]);
    expect(sorted).toEqual(sql);
  });
});
