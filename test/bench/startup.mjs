// Bench: start-up time of the built CLI (median wall-clock ms per command) against bare Node (`node -e 0`) in the same run.
// Usage: npm run bench:startup [-- --runs 15] [-- --modules]. Builds dist first if needed; uses a fresh sample database in a temp folder.
// Prints the medians, bare Node beside them, the ratios against the targets and the load average; --modules lists what each command loads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 11;
const showModules = args.includes('--modules');
const bin = path.join(root, 'bin', 'fieldvisit.js');

if (!fs.existsSync(path.join(root, 'dist', 'bundle', 'main.js'))) {
  const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (b.status !== 0) process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fv-bench-startup-'));
const db = path.join(dir, 'sample.db');
const env = { PATH: process.env.PATH ?? '', HOME: dir, TZ: 'Asia/Shanghai', NO_COLOR: '1', LANG: 'en_US.UTF-8', FIELDVISIT_TODAY: '2026-11-22', FIELDVISIT_DB: db };

function fv(argv, extraEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...argv], { cwd: root, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`fieldvisit ${argv.join(' ')} → exit ${r.status}\n${r.stderr}`);
  return r;
}

// The sample database of the tests (test/helpers.ts sampleDb with visits).
fv(['import', 'roster', path.join(root, 'data', 'roster.csv'), '--as-of', '2026-11-13']);
fv(['place', 'merge', '黄家村村委', '--into', '涡水村委', '--township', '涡水镇', '--date', '2025-06-01']);
fv(['place', 'set', '涡水镇', '--population', '7800', '--committees', '6', '--livelihood', '林业为主，农业为辅']);
fv(['import', 'visits', path.join(root, 'data', 'visits.csv')]);

// Targets (issue 13): --version and --help within 1.3x of bare Node, report weekly on the sample within 2x.
const cases = [
  { label: 'node -e 0 (bare Node)', argv: ['-e', '0'], node: true },
  { label: '--version', argv: ['--version'], target: 1.3 },
  { label: '--help', argv: ['--help'], target: 1.3 },
  // Without a database there is no configured language to read, so the SQLite driver does not load.
  { label: '--help (no database)', argv: ['--help'], env: { FIELDVISIT_DB: path.join(dir, 'none.db') } },
  { label: 'info', argv: ['info'] },
  { label: 'place list --json', argv: ['place', 'list', '--json'] },
  { label: 'borrower find 房 --json', argv: ['borrower', 'find', '房', '--json'] },
  { label: 'report weekly --week 2026-W47 --format json', argv: ['report', 'weekly', '--week', '2026-W47', '--format', 'json'], target: 2 },
];

function once(c) {
  const argv = c.node ? c.argv : [bin, ...c.argv];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd: root, env: { ...env, ...c.env }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${c.label} → exit ${r.status}\n${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Interleave the cases run by run, so a busy moment on the machine does not land on one command only.
const times = cases.map(() => []);
const loadBefore = os.loadavg();
for (const c of cases) once(c); // warm the file cache
for (let i = 0; i < runs; i++) cases.forEach((c, j) => times[j].push(once(c)));
const loadAfter = os.loadavg();

const bare = median(times[0]);
const bareMin = Math.min(...times[0]);
const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`fieldvisit start-up, node ${process.version}, ${os.cpus().length} CPU(s), median of ${runs} runs`);
console.log(`load average (1, 5, 15 min): ${load(loadBefore)} before, ${load(loadAfter)} after`);
console.log(`${'command'.padEnd(46)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'ratio'.padStart(7)} ${'min ratio'.padStart(10)} ${'target'.padStart(7)}`);
cases.forEach((c, j) => {
  const m = median(times[j]);
  const min = Math.min(...times[j]);
  const ratio = j === 0 ? '' : `${(m / bare).toFixed(2)}x`;
  const minRatio = j === 0 ? '' : `${(min / bareMin).toFixed(2)}x`;
  const target = c.target ? `${c.target}x ${m / bare <= c.target ? 'met' : 'not met'}` : '';
  console.log(`${c.label.padEnd(46)} ${(m.toFixed(0) + ' ms').padStart(8)} ${(min.toFixed(0) + ' ms').padStart(8)} ${ratio.padStart(7)} ${minRatio.padStart(10)}  ${target}`);
});
console.log('ratio: median over bare Node\'s median; min ratio: fastest run over bare Node\'s fastest (less affected by load).');

if (showModules) {
  // What each command loads (a regression here is what makes start-up slow): an ES module load hook and a CommonJS
  // require hook append every file they load to a list, printed by package (node_modules) or folder, biggest first.
  const list = path.join(dir, 'loaded.txt');
  const hooks = path.join(dir, 'hooks.mjs');
  fs.writeFileSync(hooks, `import fs from 'node:fs';\nexport async function load(url, context, next) { fs.appendFileSync(${JSON.stringify(list)}, url + '\\n'); return next(url, context); }\n`);
  const reg = path.join(dir, 'register.mjs');
  fs.writeFileSync(reg, `import { register } from 'node:module';\nregister(${JSON.stringify('file://' + hooks)});\n`);
  const cjs = path.join(dir, 'cjs.cjs');
  fs.writeFileSync(cjs, `const fs = require('node:fs'); const M = require('node:module'); const orig = M._load;\nM._load = function (req, parent, isMain) { try { const f = M._resolveFilename(req, parent, isMain); if (f.startsWith('/') || /^[A-Za-z]:/.test(f)) fs.appendFileSync(${JSON.stringify(list)}, require('node:url').pathToFileURL(f).href + '\\n'); } catch {} return orig.apply(this, arguments); };\n`);
  for (const c of cases.slice(1)) {
    fs.rmSync(list, { force: true });
    spawnSync(process.execPath, ['--require', cjs, '--import', 'file://' + reg, bin, ...c.argv], { cwd: root, env: { ...env, ...c.env }, encoding: 'utf8' });
    const urls = [...new Set(fs.readFileSync(list, 'utf8').split('\n').filter((u) => u.startsWith('file:')))].filter((u) => !u.startsWith('file://' + dir));
    const groups = new Map();
    let bytes = 0;
    for (const u of urls) {
      const p = fileURLToPath(u);
      if (/\.(m|c)?js$/.test(p)) bytes += fs.statSync(p).size;
      const m = p.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
      const key = m ? m[1] : path.relative(root, p).split(path.sep).slice(0, 2).join('/');
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    console.log(`\n${c.label} loads ${urls.length} files, ${(bytes / 1024).toFixed(0)} KB of JavaScript:`);
    for (const [k, n] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);
  }
}

fs.rmSync(dir, { recursive: true, force: true });
