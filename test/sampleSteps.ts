// The commands that make the sample database (shared by test/globalSetup.ts and test/helpers.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'fieldvisit.js');
export const DATA = path.join(ROOT, 'data');

/** The sample roster (as of 2026-11-13) with 黄家村村委 merged into 涡水村委, a township profile, and optionally the sample visits. */
export function sampleSteps(visits: boolean): string[][] {
  const steps = [
    ['import', 'roster', path.join(DATA, 'roster.csv'), '--as-of', '2026-11-13'],
    ['place', 'merge', '黄家村村委', '--into', '涡水村委', '--township', '涡水镇', '--date', '2025-06-01'],
    ['place', 'set', '涡水镇', '--population', '7800', '--committees', '6', '--livelihood', '林业为主，农业为辅'],
  ];
  if (visits) steps.push(['import', 'visits', path.join(DATA, 'visits.csv')]);
  return steps;
}
