// `npm start`: builds a demo database from data/ (its own file, never the user's) and shows what it holds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = path.join(root, 'demo');
const db = path.join(demoDir, 'fieldvisit-demo.db');
fs.mkdirSync(demoDir, { recursive: true });
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });

// The sample week is 2026-W47 (16–22 November 2026); "today" is pinned so the demo reads the same on any day.
const env = { ...process.env, FIELDVISIT_DB: db, FIELDVISIT_TODAY: '2026-11-22' };
const lang = process.env.FIELDVISIT_DEMO_LANG || 'zh';
const bin = path.join(root, 'bin', 'fieldvisit.js');

function step(title, args, { quiet = false } = {}) {
  process.stdout.write(`\n\u001b[1m$ fieldvisit ${args.join(' ')}\u001b[0m  # ${title}\n`);
  const r = spawnSync(process.execPath, [bin, '--lang', lang, ...args], { env, cwd: root, encoding: 'utf8' });
  if (!quiet) process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  if (r.status !== 0) {
    process.stderr.write(`demo step failed (exit ${r.status}): fieldvisit ${args.join(' ')}\n`);
    process.exit(r.status ?? 1);
  }
}

step('GBK roster, as the back office exports it; balances as of 13 Nov', ['import', 'roster', 'data/roster-gbk.csv', '--as-of', '2026-11-13']);
step('黄家村村委 has merged into 涡水村委', ['place', 'merge', '黄家村村委', '--into', '涡水村委', '--township', '涡水镇', '--date', '2025-06-01']);
step('the same roster again, in UTF-8: nothing changes, old names land in the merged committee', ['import', 'roster', 'data/roster.csv', '--as-of', '2026-11-13']);
step('township profile', ['place', 'set', '涡水镇', '--population', '7800', '--committees', '6', '--livelihood', '林业为主，农业为辅']);
step('the week’s visits', ['import', 'visits', 'data/visits.csv']);
step('what the database holds', ['info']);
step('the place tree', ['place', 'list']);
const extra = path.join(root, 'scripts', 'demo-steps.mjs');
if (fs.existsSync(extra)) {
  const { steps } = await import(extra);
  for (const s of steps) step(s.title, s.args);
}
process.stdout.write(`\nDemo database: ${db}\nTry: FIELDVISIT_DB=${path.relative(process.cwd(), db)} node bin/fieldvisit.js borrower find 房\n`);
