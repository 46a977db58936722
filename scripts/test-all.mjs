#!/usr/bin/env node
// Runs every suite (type check, lint, unit tests in Node, end-to-end tests in Chromium) and ends with
// one line of totals over all of them, "N passed, N failed", which CI reads.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const outDir = join('node_modules', '.cache', 'wirelab-tests')
rmSync(outDir, { recursive: true, force: true })
mkdirSync(outDir, { recursive: true })

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const suites = [
  { name: 'type check (svelte-check)', cmd: ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings'] },
  { name: 'lint (eslint)', cmd: ['eslint', '.'] },
  { name: 'format (prettier)', cmd: ['prettier', '--check', '--log-level', 'warn', '.'] },
  { name: 'unit (vitest, Node)', vitest: 'vitest.config.ts' },
  { name: 'end-to-end (vitest + Playwright, Chromium)', vitest: 'vitest.e2e.config.ts' },
  // the example course of docs/authoring.md ("Your own server"), run as `lessons:check -- --run` runs a course
  {
    name: 'example course: own servers (Chromium)',
    vitest: 'vitest.e2e.config.ts',
    files: ['tests/e2e/lessons.e2e.ts'],
    env: { LESSONS_DIR: 'docs/examples/own-server', WIRELAB_OUT_DIR: '.lessons-check/examples', E2E_SKIP_BUILD: '' },
  },
]

const only = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0
const rows = []
for (const suite of suites) {
  if (only.length && !only.some((o) => suite.name.startsWith(o))) continue
  console.log(`\n=== ${suite.name} ===`)
  if (suite.vitest) {
    const json = join(outDir, `${suite.name.replace(/\W+/g, '-')}.json`)
    const args = ['vitest', 'run', '--config', suite.vitest, ...(suite.files ?? []), '--reporter=default', '--reporter=json', `--outputFile.json=${json}`]
    const r = spawnSync(npx, args, { stdio: 'inherit', env: { ...process.env, ...suite.env } })
    let report = null
    try {
      report = JSON.parse(readFileSync(json, 'utf8'))
    } catch {
      // no report: the runner itself failed before or while writing it
    }
    if (report) {
      const p = report.numPassedTests
      const f = report.numFailedTests + (report.success || report.numFailedTests > 0 ? 0 : 1)
      passed += p
      failed += f
      skipped += report.numPendingTests + report.numTodoTests
      rows.push(`${suite.name}: ${p} passed, ${f} failed`)
    } else {
      failed += 1
      rows.push(`${suite.name}: did not report (exit ${r.status}), counted as 1 failed`)
    }
  } else {
    const r = spawnSync(npx, suite.cmd, { stdio: 'inherit' })
    const ok = r.status === 0
    if (ok) passed += 1
    else failed += 1
    rows.push(`${suite.name}: ${ok ? '1 passed, 0 failed' : `0 passed, 1 failed (exit ${r.status})`}`)
  }
}

console.log('\n=== totals ===')
for (const row of rows) console.log(row)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? 1 : 0)
