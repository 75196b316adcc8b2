// End to end on the built binary: batch import of visits, concurrent writers, and one real interactive run under tmux.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, DATA, cli, cliAsync, query, sampleDb, snapshot, tmpDir } from '../helpers.js';

let base: string;
beforeAll(() => {
  base = sampleDb({ visits: true });
});
function fresh(): string {
  const f = path.join(tmpDir(), 'e.db');
  fs.copyFileSync(base, f);
  return f;
}
const HEADER = 'visit_date,loan_no,officer,outcome,principal_paid,interest_paid,promise_amount,promise_date,notice_no,signed_by,relation,reason,where,note,escalate,visit_id';

describe('import visits', () => {
  it('a good file records every visit; importing it again changes nothing', () => {
    const db = fresh();
    expect(query(db, `SELECT count(*) AS n FROM visits`)[0].n).toBe(32);
    expect(query(db, `SELECT count(*) AS n FROM visit_outcomes`)[0].n).toBe(42);
    const snap = snapshot(db);
    const again = cli(['import', 'visits', path.join(DATA, 'visits.csv'), '--json'], { db });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ visits_created: 0, duplicates_skipped: 32 });
    expect(snapshot(db)).toBe(snap);
  });

  it('a bad file writes nothing and names each bad row', () => {
    const db = fresh();
    const dir = tmpDir();
    const f = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      f,
      [
        HEADER,
        '2026-11-21,WS-2022-0009,张明,notice-signed,,,,,,borrower,,,,,,b-1',
        '2026-11-21,NO-SUCH-LOAN,张明,notice-signed,,,,,,borrower,,,,,,b-2',
        '2026-11-30,WS-2022-0011,张明,notice-signed,,,,,,borrower,,,,,,b-3',
      ].join('\n') + '\n',
    );
    const snap = snapshot(db);
    const r = cli(['import', 'visits', f], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv:3 .*NO-SUCH-LOAN/);
    expect(r.stderr).toMatch(/bad\.csv:4 .*after today/);
    expect(snapshot(db)).toBe(snap);
  });

  it('rows without visit_id: the same row twice is recorded once', () => {
    const db = fresh();
    const f = path.join(tmpDir(), 'dup.csv');
    const row = '2026-11-21,WS-2022-0009,张明,cash,100,0,,,,,,,,,,';
    fs.writeFileSync(f, [HEADER, row, row, '2026-11-21,WS-2022-0009,张明,cash,50,0,,,,,,,,,,'].join('\n') + '\n');
    const r = cli(['import', 'visits', f, '--json'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ visits_created: 2, duplicates_skipped: 1 });
    const again = cli(['import', 'visits', f, '--json'], { db });
    expect(JSON.parse(again.stdout)).toMatchObject({ visits_created: 0, duplicates_skipped: 3 });
    expect(query(db, `SELECT sum(principal_fen) AS p FROM payments WHERE paid_on = '2026-11-21'`)[0].p).toBe(15000);
  });
});

describe('concurrent writers', () => {
  it('two visit log processes and a roster import at the same moment all succeed and lose nothing', async () => {
    const db = fresh();
    const before = query(db, `SELECT count(*) AS n FROM visits`)[0].n;
    const runs = await Promise.all([
      cliAsync(['visit', 'log', '--loan', 'WS-2022-0009', '--outcome', 'cash', '--principal', '100', '--officer', '张明'], { db }),
      cliAsync(['visit', 'log', '--loan', 'WS-2022-0011', '--outcome', 'notice-signed', '--officer', '李华'], { db }),
      cliAsync(['import', 'roster', path.join(DATA, 'roster.csv'), '--as-of', '2026-11-13'], { db }),
      cliAsync(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--json'], { db }),
      cliAsync(['notice', 'issue', '--loan', 'WS-2022-0002', '--type', 'overdue-loan', '--json'], { db }),
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(query(db, `SELECT count(*) AS n FROM visits`)[0].n).toBe(before + 2);
    expect(query(db, `SELECT notice_no FROM notices ORDER BY notice_no`).map((n) => n.notice_no)).toEqual(['涡水镇-2026-0001', '涡水镇-2026-0002']);
  });
});

function hasTmux(): boolean {
  return spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
}

describe('interactive run under a pseudo-terminal', () => {
  const tmux = hasTmux();
  if (!tmux) console.warn('tmux is not installed: skipping the real-terminal test of `visit log` (install tmux to run it).');
  it.skipIf(!tmux)('types the answers into a real terminal and saves the visit', async () => {
    const db = fresh();
    const dir = tmpDir();
    const rcFile = path.join(dir, 'rc');
    let sock = `fvtest-${process.pid}-${Date.now()}`;
    const t = (...a: string[]) => spawnSync('tmux', ['-L', sock, ...a], { encoding: 'utf8' });
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const command = `env FIELDVISIT_DB=${q(db)} FIELDVISIT_TODAY=2026-11-22 LANG=en_US.UTF-8 NO_COLOR=1 TZ=Asia/Shanghai ${q(process.execPath)} ${q(BIN)} visit log; echo $? > ${q(rcFile)}; sleep 60`;
    expect(t('new-session', '-d', '-x', '160', '-y', '50', command).status).toBe(0);
    const screen = () => t('capture-pane', '-p', '-S', '-200').stdout;
    const waitFor = async (re: RegExp) => {
      const end = Date.now() + 15000;
      while (Date.now() < end) {
        if (re.test(screen())) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${re}; screen:\n${screen()}`);
    };
    try {
      // The channel comes first (issue 10); a field visit is the default.
      await waitFor(/How was the contact made/);
      t('send-keys', 'Enter');
      await waitFor(/Borrower \(type/);
      t('send-keys', '-l', '盘石生');
      await waitFor(/❯ 盘石生 {2}马头冲村委/);
      t('send-keys', 'Enter');
      await waitFor(/Visit date \(2026-11-22\)/);
      expect(screen()).toMatch(/WS-2022-0009[\s\S]*3,000\.00[\s\S]*Last visits:/);
      t('send-keys', 'Enter');
      await waitFor(/Officer/);
      t('send-keys', '-l', '张明');
      t('send-keys', 'Enter');
      await waitFor(/Outcomes/);
      t('send-keys', 'Down', 'Down', 'Space');
      await waitFor(/◉ cash collected/);
      t('send-keys', 'Enter');
      await waitFor(/Principal paid/);
      t('send-keys', '-l', '250');
      t('send-keys', 'Enter');
      await waitFor(/Interest paid/);
      t('send-keys', '-l', '30.5');
      t('send-keys', 'Enter');
      await waitFor(/Save this visit\?/);
      expect(screen()).toMatch(/About to save[\s\S]*principal 250\.00, interest 30\.50/);
      t('send-keys', 'Enter');
      const end = Date.now() + 15000;
      while (!fs.existsSync(rcFile) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      expect(fs.readFileSync(rcFile, 'utf8').trim()).toBe('0');
      expect(screen()).toMatch(/Saved visit #33: 盘石生, 2026-11-22, 张明/);
      expect(query(db, `SELECT principal_fen AS p, interest_fen AS i FROM payments WHERE visit_id = 33`)).toEqual([{ p: 25000, i: 3050 }]);
      // Ctrl-C at a real prompt: exit 130, nothing saved.
      const rc2 = path.join(dir, 'rc2');
      const snap = snapshot(db);
      t('kill-server');
      // A new server on its own socket: the old one may still be shutting down under load (new-session then fails).
      sock = `${sock}-2`;
      const cmd2 = command.replace(q(rcFile), q(rc2));
      expect(t('new-session', '-d', '-x', '160', '-y', '50', cmd2).status).toBe(0);
      await waitFor(/How was the contact made/);
      t('send-keys', 'Enter');
      await waitFor(/Borrower \(type/);
      t('send-keys', 'C-c');
      const end2 = Date.now() + 15000;
      while (!fs.existsSync(rc2) && Date.now() < end2) await new Promise((r) => setTimeout(r, 100));
      expect(fs.readFileSync(rc2, 'utf8').trim()).toBe('130');
      expect(snapshot(db)).toBe(snap);
    } finally {
      t('kill-server');
    }
  });
});
