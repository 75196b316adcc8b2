// Test tiers: unit, db, cli (in-process), e2e (spawns the built binary). Dates are local to China.
import { defineConfig } from 'vitest/config';

process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The sample databases are built once per run and copied by each test that asks for one (test/helpers.ts sampleDb).
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 60000,
    hookTimeout: 60000,
    // Child processes (forks): better-sqlite3 and the spawning tests are at home there. Two workers even on two cores:
    // vitest's default (cores - 1) runs one file at a time, and an end-to-end test mostly waits for the binary it spawned.
    pool: 'forks',
    maxWorkers: 2,
    // A worker keeps its loaded modules from one test file to the next instead of re-importing them for each (about
    // 20 s of CPU of the suite's 140). Our modules hold no state a file could leave behind (caches only; every test
    // makes its own context and database); the suite passes in shuffled file order too (--sequence.shuffle.files).
    isolate: false,
    env: { TZ: 'Asia/Shanghai', NO_COLOR: '1' },
  },
});
