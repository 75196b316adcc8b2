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
    pool: 'forks',
    env: { TZ: 'Asia/Shanghai', NO_COLOR: '1' },
  },
});
