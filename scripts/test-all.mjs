#!/usr/bin/env node
// Runs every suite (type check, lint, format, unit tests in Node, end-to-end tests in Chromium) and ends
// with one line of totals over all of them, "N passed, N failed", which CI reads.
//
// The first four run side by side (each prints its output when it is done): they only use the CPU, and
// three of them are single-threaded, so on two cores this saves about half their time. The end-to-end
// tests run alone afterwards: they measure real time in places (a 1× run, the watchdog), so they get the
// machine to themselves. `node scripts/test-all.mjs unit lint` runs only the suites whose names start so.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const outDir = join('node_modules', '.cache', 'wirelab-tests')
rmSync(outDir, { recursive: true, force: true })
mkdirSync(outDir, { recursive: true })

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
// eslint and prettier keep a cache of files already found clean (keyed by content, tool version and
// config), so only changed files are read again
const cache = join('node_modules', '.cache')
const suites = [
  { name: 'type check (svelte-check)', cmd: ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings'] },
  { name: 'lint (eslint)', cmd: ['eslint', '--cache', '--cache-strategy', 'content', '--cache-location', join(cache, 'eslint/'), '.'] },
  {
    name: 'format (prettier)',
    cmd: ['prettier', '--check', '--log-level', 'warn', '--cache', '--cache-strategy', 'content', '--cache-location', join(cache, 'prettier/.cache'), '.'],
  },
  { name: 'unit (vitest, Node)', vitest: 'vitest.config.ts' },
  { name: 'end-to-end (vitest + Playwright, Chromium)', vitest: 'vitest.e2e.config.ts', alone: true },
  // the example course of docs/authoring.md ("Your own server"), run as `lessons:check -- --run` runs a course
  {
    name: 'example course: own servers (Chromium)',
    vitest: 'vitest.e2e.config.ts',
    files: ['tests/e2e/lessons.e2e.ts'],
    env: { LESSONS_DIR: 'docs/examples/own-server', WIRELAB_OUT_DIR: '.lessons-check/examples', E2E_SKIP_BUILD: '' },
    alone: true,
  },
]

const only = process.argv.slice(2)
const chosen = suites.filter((suite) => !only.length || only.some((o) => suite.name.startsWith(o)))
// colours as on a terminal, though the output is collected first
const env = { ...process.env, ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}) }

/** run one suite; resolves to its row of totals. `live`: print as it goes, else all at once at the end */
function runSuite(suite, live) {
  const started = Date.now()
  const args = suite.vitest
    ? ['vitest', 'run', '--config', suite.vitest, ...(suite.files ?? []), '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile(suite)}`]
    : suite.cmd
  if (live) console.log(`\n=== ${suite.name} ===`)
  const child = spawn(npx, args, { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...env, ...suite.env } })
  const output = []
  child.stdout?.on('data', (chunk) => output.push(chunk))
  child.stderr?.on('data', (chunk) => output.push(chunk))
  return new Promise((resolve) => {
    child.on('close', (status) => {
      const seconds = `${((Date.now() - started) / 1000).toFixed(0)} s`
      if (!live) {
        console.log(`\n=== ${suite.name} (${seconds}) ===`)
        process.stdout.write(Buffer.concat(output))
      }
      resolve({ ...totalsOf(suite, status), seconds })
    })
  })
}

/** where a vitest suite writes its JSON report (two suites may share a config) */
function reportFile(suite) {
  return join(outDir, `${suite.name.replace(/\W+/g, '-')}.json`)
}

function totalsOf(suite, status) {
  if (!suite.vitest) {
    const ok = status === 0
    return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, text: ok ? '1 passed, 0 failed' : `0 passed, 1 failed (exit ${status})` }
  }
  let report = null
  try {
    report = JSON.parse(readFileSync(reportFile(suite), 'utf8'))
  } catch {
    // no report: the runner itself failed before or while writing it
  }
  if (!report) return { passed: 0, failed: 1, skipped: 0, text: `did not report (exit ${status}), counted as 1 failed` }
  const passed = report.numPassedTests
  const failed = report.numFailedTests + (report.success || report.numFailedTests > 0 ? 0 : 1)
  return { passed, failed, skipped: report.numPendingTests + report.numTodoTests, text: `${passed} passed, ${failed} failed` }
}

const started = Date.now()
const together = chosen.filter((suite) => !suite.alone)
const results = new Map()
await Promise.all(together.map(async (suite) => results.set(suite, await runSuite(suite, together.length === 1))))
for (const suite of chosen.filter((s) => s.alone)) results.set(suite, await runSuite(suite, true))

console.log(`\n=== totals (${((Date.now() - started) / 1000).toFixed(0)} s) ===`)
let passed = 0
let failed = 0
let skipped = 0
for (const suite of chosen) {
  const result = results.get(suite)
  passed += result.passed
  failed += result.failed
  skipped += result.skipped
  console.log(`${suite.name}: ${result.text} (${result.seconds})`)
}
if (skipped) console.log(`${skipped} skipped`)
// the last line, exactly as CI reads it
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
