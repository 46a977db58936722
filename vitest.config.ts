import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { 'wirelab/checks': resolve('src/lib/checks/index.ts') } },
  test: {
    include: ['src/**/*.test.ts', 'lessons/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // a limit only catches a hang: the property tests and the first TypeScript program of a process
    // take seconds on a loaded machine, and a test must not fail because the machine is busy
    testTimeout: 120_000,
  },
})
