import { defineConfig } from 'vitest/config'

// End-to-end tests: the production build served on 127.0.0.1 and driven in a real Chromium.
// Time limits only bound a failure (a hang); no test waits for a fixed time, so a busy machine makes
// them slower, never red. Waits on runs fail when a run stops moving (support/lesson-page.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    expect: { poll: { timeout: 30_000 } },
    // One process runs the files one after the other, so they share one Chromium and one page (reset
    // before every test: support/browser.ts) instead of launching and loading Monaco per file. Files
    // side by side would compete for the two cores these runs are measured on.
    fileParallelism: false,
    maxWorkers: 1,
    isolate: false,
    pool: 'forks',
  },
})
