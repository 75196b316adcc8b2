// Golden files: an output compared byte for byte with test/fixtures/DIR/NAME; UPDATE_GOLDEN=1 rewrites the file instead.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { FIXTURES } from './helpers.js';

/** A comparer for the golden files of one folder of test/fixtures; `testFile` is named in the hint when a file is missing. */
export function goldenIn(dir: string, testFile: string): (name: string, actual: string) => void {
  const folder = path.join(FIXTURES, dir);
  return (name, actual) => {
    const file = path.join(folder, name);
    if (process.env.UPDATE_GOLDEN === '1') {
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(file, actual);
      return;
    }
    expect(fs.existsSync(file), `missing golden ${name}: run UPDATE_GOLDEN=1 npx vitest run ${testFile}`).toBe(true);
    expect(actual).toBe(fs.readFileSync(file, 'utf8'));
  };
}
