// Benchmark: deterministic rosters of 10,000, 100,000 and 1,000,000 rows through `fieldvisit import roster`, each beside
// the sqlite3 shell's `.import` of the same file; then re-importing the unchanged file. Prints figures and the load
// average; not part of the test suite. SIZES=100000,200000 npm run bench:import for a quicker run;
// FIELDVISIT_IMPORT_TIMING=1 also prints the import's phases and its slowest statements.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'test', 'bench', 'out');
const SIZES = (process.env.SIZES ?? process.env.ROWS ?? '10000,100000,1000000').split(',').map(Number);
const SQLITE = '/usr/bin/sqlite3';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const C = '10X98765432';
function idNumber(n) {
  const first = `45${String(Math.floor(n / 21000) % 10000).padStart(4, '0')}${1950 + (n % 50)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first[i]) * W[i];
  return first + C[s % 11];
}

/** 20 townships × 25 committees × 8 groups; about 1.25 loans per borrower, 1.25 borrowers per household. */
function generate(file, rows) {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file + '.tmp', 'w');
  const SURNAMES = '房沈黄刘张王李陈杨赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任';
  const GIVEN = '明华国建文德志勇军平东海春生林金福贵六二三企社买些双郎英秀兰芳玉珍';
  let buf = 'township,area,village,group,household,borrower,id_number,phone,loan_no,principal,interest,loan_date,due_date,officer,guarantor,guarantee_until,stance\n';
  let seed = 42;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let i = 0; i < rows; i++) {
    const loan = i;
    const borrower = Math.floor(i / 1.25);
    const household = Math.floor(borrower / 1.25);
    const t = household % 20;
    const v = Math.floor(household / 20) % 25;
    const g = Math.floor(household / 500) % 8;
    const headName = SURNAMES[household % SURNAMES.length] + GIVEN[(household >> 3) % GIVEN.length] + GIVEN[(household >> 7) % GIVEN.length] + (household % 97);
    const name = borrower % 5 === 0 ? headName : SURNAMES[borrower % SURNAMES.length] + GIVEN[(borrower >> 2) % GIVEN.length] + (borrower % 89);
    const principal = (Math.floor(rnd() * 5_000_000) / 100).toFixed(2);
    const interest = (Math.floor(rnd() * 500_000) / 100).toFixed(2);
    const y = 2015 + (loan % 10);
    const m = 1 + (loan % 12);
    const d = 1 + (loan % 28);
    buf +=
      `T${t}镇,${t % 2 ? `片区${t % 4}` : ''},村委${t}-${v},${g}组,${headName},${name},${idNumber(borrower)},139${String(borrower).padStart(8, '0')},` +
      `L${String(loan).padStart(8, '0')},${principal},${interest},${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')},${y + 3}/${m}/${d},` +
      `officer${loan % 7},${loan % 3 ? '' : '保证人' + (loan % 1000)},,${loan % 11 ? '' : '推托型'}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
  fs.renameSync(file + '.tmp', file);
}

function timed(cmd, args, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FIELDVISIT_TODAY: '2026-11-22', ...env }, maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} → ${r.status}\n${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

if (process.env.GENERATE_ONLY) {
  for (const rows of SIZES) generate(path.join(OUT, `roster-${rows}.csv`), rows);
  process.exit(0);
}
/** The CSV parser the import uses against csv-parse (which it replaced), on the same file: records and time. */
async function parsers(file) {
  const { parse } = await import('csv-parse');
  const { CsvParser } = await import(path.join(ROOT, 'dist', 'import', 'csvParser.js'));
  let t = performance.now();
  let a = 0;
  for await (const _ of fs.createReadStream(file, { highWaterMark: 1 << 18 }).setEncoding('utf8').pipe(parse({ bom: true, delimiter: ',', record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: false }))) a++;
  const csvParse = performance.now() - t;
  t = performance.now();
  let b = 0;
  const p = new CsvParser(',');
  const out = [];
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 18 }).setEncoding('utf8')) {
    p.push(chunk, out);
    b += out.length;
    out.length = 0;
  }
  p.end(out);
  b += out.length;
  const ours = performance.now() - t;
  if (a !== b) throw new Error(`the parsers disagree: ${a} records against ${b}`);
  console.log(`CSV parsing alone: csv-parse ${csvParse.toFixed(0)} ms, the import's parser ${ours.toFixed(0)} ms (${csvParse >= ours ? `${(csvParse / ours).toFixed(1)}x faster` : `${(ours / csvParse).toFixed(1)}x slower`}), ${fmt(a)} records`);
}
const timings = (r) => (process.env.FIELDVISIT_IMPORT_TIMING ? (/IMPORT_TIMING\n([\s\S]*)/.exec(r.stderr)?.[1] ?? '').replace(/\nMAXRSS_KB=\d+\n?/, '').split('\n').slice(0, 16).map((l) => '    ' + l).join('\n') + '\n' : '');
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const fmt = (n) => Math.round(n).toLocaleString('en');
const peak = (r) => Number(/MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fv-bench-'));
try {
  console.log(`node ${process.version}, ${os.cpus().length} cores; load average at start: ${load()}`);
  const table = [];
  for (const rows of SIZES) {
    const file = path.join(OUT, `roster-${rows}.csv`);
    const g0 = Date.now();
    generate(file, rows);
    console.log(`\nroster: ${file} (${fmt(rows)} rows, ${(fs.statSync(file).size / 1048576).toFixed(1)} MB, ready in ${Date.now() - g0} ms)`);
    const db = path.join(tmp, `bench-${rows}.db`);
    // The shell first and last, so a change of load during the run shows.
    const sq = fs.existsSync(SQLITE) ? timed(SQLITE, [path.join(tmp, `plain-${rows}.db`), '.mode csv', `.import ${file} t`]) : null;
    const fv = timed(process.execPath, [path.join(ROOT, 'test/bench/maxrss.mjs'), 'import', 'roster', file, '--db', db, '--json']);
    const summary = JSON.parse(fv.stdout);
    console.log(`fieldvisit import roster: ${fv.ms.toFixed(0)} ms, ${fmt(rows / (fv.ms / 1000))} rows/s, peak ${peak(fv).toFixed(1)} MB (load ${load()})`);
    process.stdout.write(timings(fv));
    console.log(`  loans created ${summary.loans.created}, borrowers ${summary.borrowers.created}, households ${summary.households.created}`);
    const again = timed(process.execPath, [path.join(ROOT, 'test/bench/maxrss.mjs'), 'import', 'roster', file, '--db', db, '--json']);
    const s2 = JSON.parse(again.stdout);
    // Timed as a re-import that changes nothing only if it did: every record unchanged.
    for (const e of ['townships', 'villages', 'households', 'borrowers', 'loans']) {
      if (s2[e].created !== 0 || s2[e].updated !== 0 || s2[e].unchanged !== summary[e].created) throw new Error(`the re-import changed ${e}: ${JSON.stringify(s2[e])}`);
    }
    console.log(`re-import (no change): ${again.ms.toFixed(0)} ms, ${fmt(rows / (again.ms / 1000))} rows/s, peak ${peak(again).toFixed(1)} MB, loans unchanged ${s2.loans.unchanged}`);
    process.stdout.write(timings(again));
    await parsers(file);
    let sq2 = null;
    if (sq) {
      fs.rmSync(path.join(tmp, `plain-${rows}.db`));
      sq2 = timed(SQLITE, [path.join(tmp, `plain-${rows}.db`), '.mode csv', `.import ${file} t`]);
      const shell = Math.min(sq.ms, sq2.ms);
      console.log(`sqlite3 .import: ${sq.ms.toFixed(0)} ms before, ${sq2.ms.toFixed(0)} ms after (${fmt(rows / (shell / 1000))} rows/s at the faster)`);
      console.log(`ratio to the shell: import ${(fv.ms / shell).toFixed(2)}x (target ≤ 4x, goal 2x), re-import ${(again.ms / shell).toFixed(2)}x (target ≤ 2x); peak memory target < 256 MB`);
      table.push({ rows, import_ms: Math.round(fv.ms), rows_per_s: Math.round(rows / (fv.ms / 1000)), reimport_ms: Math.round(again.ms), shell_ms: Math.round(shell), ratio: +(fv.ms / shell).toFixed(2), reimport_ratio: +(again.ms / shell).toFixed(2), peak_mb: +peak(fv).toFixed(1), reimport_peak_mb: +peak(again).toFixed(1) });
    } else {
      console.log('sqlite3 shell not installed (/usr/bin/sqlite3): no comparison.');
      table.push({ rows, import_ms: Math.round(fv.ms), rows_per_s: Math.round(rows / (fv.ms / 1000)), reimport_ms: Math.round(again.ms), peak_mb: +peak(fv).toFixed(1) });
    }
    fs.rmSync(db, { force: true });
    for (const ext of ['-wal', '-shm']) fs.rmSync(db + ext, { force: true });
  }
  console.log(`\nload average at the end: ${load()}`);
  console.table(table);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
