import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { 'wirelab/checks': resolve('src/lib/checks/index.ts'), 'wirelab/server': resolve('src/lib/sim/server-api/index.ts') } },
  test: {
    include: ['src/**/*.test.ts', 'lessons/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
})
