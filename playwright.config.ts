import { defineConfig } from '@playwright/test';

// Each test starts its own Chromium with the built extension (see tests/e2e/fixtures.ts);
// one worker, because two cores run one browser with an extension well and two badly.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
});
