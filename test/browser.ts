// Headless Chromium for the tests that check printable pages in a real browser (the weekly report, the dossier, the
// notice): where it is, and one run of it with a throw-away profile and no network chatter.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tmpDir } from './helpers.js';

/** CHROMIUM, else Debian's or Google's usual places, else the PATH; null where none is installed (the tests then skip). */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((x): x is string => !!x);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

export const CHROMIUM = findChromium();

/** Runs headless Chromium with `args` (a page to print, screenshot or dump) and returns what it wrote to stdout. */
export function runChromium(args: string[]): string {
  if (!CHROMIUM) throw new Error('Chromium is not installed: the test should have been skipped');
  const profile = tmpDir('fv-chromium-');
  const r = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { encoding: 'utf8', timeout: 90000, maxBuffer: 64 * 1024 * 1024 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  if (r.error) throw r.error;
  return r.stdout;
}
