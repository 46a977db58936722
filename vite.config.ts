import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { msw } from 'msw/vite'
import { wirelabLessons } from './src/lib/lesson/vite-plugin.ts'
import { wirelabServiceWorker } from './src/build/service-worker-plugin.ts'
import { wirelabCsp } from './src/build/csp-plugin.ts'

// A course kept outside this repository: LESSONS_DIR=../my-course npm run build
const lessonsDir = resolve(process.env.LESSONS_DIR ?? 'lessons')

export default defineConfig({
  // relative URLs everywhere: dist/ works from any static host at any sub-path (https://host/courses/realtime/)
  base: './',
  plugins: [
    svelte(),
    // serves (dev) and emits (build) mockServiceWorker.js straight from the installed msw, so the worker
    // can never be older or newer than the msw code that talks to it
    msw({ mode: 'worker-only' }),
    wirelabLessons({ dir: lessonsDir }),
    wirelabServiceWorker(),
    wirelabCsp(),
  ],
  resolve: { alias: { 'wirelab/checks': resolve('src/lib/checks/index.ts'), 'wirelab/server': resolve('src/lib/sim/server-api/index.ts') } },
  worker: { format: 'es' },
  // crawl every source file at dev-server start: a dependency first met behind a lazy import (msw on
  // the first Run, say) would otherwise make Vite re-optimise and reload the page in the middle of a run
  optimizeDeps: { entries: ['index.html', 'src/**/*.svelte', 'src/**/*.ts', '!src/**/*.test.ts'] },
  server: { host: '127.0.0.1', port: 5173, fs: { allow: ['.', lessonsDir] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    manifest: true,
    chunkSizeWarningLimit: 5000,
    // npm run bench also builds its reference pages (bare msw sse() and fetch, bare Monaco, an empty Svelte SVG append)
    // lessons:check --run builds a course into its own folder, so the main build is left alone
    ...(process.env.WIRELAB_OUT_DIR ? { outDir: process.env.WIRELAB_OUT_DIR } : {}),
    ...(process.env.WIRELAB_BENCH
      ? {
          outDir: '.bench/dist',
          rolldownOptions: {
            input: {
              main: 'index.html',
              baseline: 'bench/sse-baseline.html',
              fetchBaseline: 'bench/fetch-baseline.html',
              monacoBaseline: 'bench/monaco-baseline.html',
              svelteBaseline: 'bench/svelte-baseline.html',
            },
          },
        }
      : {}),
  },
})
