import { resolve } from 'node:path'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // the state classes (*.svelte.ts) use runes: compiled for the browser runtime, so $state and $derived work in Node as on the page
  plugins: [svelte()],
  resolve: {
    conditions: ['browser'],
    alias: { 'wirelab/checks': resolve('src/lib/checks/index.ts'), 'wirelab/server': resolve('src/lib/sim/server-api/index.ts') },
  },
  test: {
    include: ['src/**/*.test.ts', 'lessons/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
})
