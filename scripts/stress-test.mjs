#!/usr/bin/env node
// `npm run test:stress`: the whole `npm test` several times in a row while CPU-bound processes run
// beside it, to show the suite does not depend on how fast the machine is. Prints a table of each run's
// duration and totals line; exits non-zero if any run failed.
//
//   npm run test:stress [-- --runs 3 --burners 2 --verbose]
//
// Each run's output goes to node_modules/.cache/wirelab-stress/run-N.log (--verbose: also here). The
// burners are exactly `node -e 'for(;;){}'`, in the process group of this script: they are stopped on
// exit and on Ctrl+C (which also stops the `npm test` going on); if this script is killed outright
// (kill -9), stop them by the pids it printed.
import { spawn } from 'node:child_process'
import { createWriteStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const runs = option('runs', 3)
const burnerCount = option('burners', 2)
const verbose = args.includes('--verbose')
const logDir = join('node_modules', '.cache', 'wirelab-stress')
mkdirSync(logDir, { recursive: true })

const BURN = 'for(;;){}'
const burners = Array.from({ length: burnerCount }, () => spawn(process.execPath, ['-e', BURN], { stdio: 'ignore' }))
/** the `npm test` going on, in its own process group, so that all of it can be stopped */
let current = null
const stopBurners = () => {
  for (const burner of burners) if (burner.exitCode === null && burner.signalCode === null) burner.kill('SIGKILL')
}
const stopCurrent = () => {
  if (current && current.exitCode === null && current.signalCode === null) {
    try {
      process.kill(-current.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}
process.on('exit', stopBurners)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopCurrent()
    stopBurners()
    process.exit(130)
  })
}
console.log(`${burnerCount} × node -e '${BURN}' running (pids ${burners.map((b) => b.pid).join(', ')}); ${runs} runs of npm test; logs in ${logDir}/`)

/** one `npm test`; resolves to its duration, exit code and last line (the totals) */
function npmTest(n) {
  const log = join(logDir, `run-${n}.log`)
  const file = createWriteStream(log)
  const started = Date.now()
  const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['test'], { stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' })
  current = child
  let tail = ''
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      file.write(chunk)
      if (verbose) process.stdout.write(chunk)
      tail = (tail + chunk.toString()).slice(-4000)
    })
  }
  return new Promise((resolve) => {
    child.on('close', (code) => {
      file.end()
      const lines = tail
        // eslint-disable-next-line no-control-regex -- the colour codes of the output
        .replace(/\x1b\[[0-9;]*m/g, '')
        .trim()
        .split('\n')
      const totals = lines.at(-1) ?? ''
      resolve({ n, seconds: (Date.now() - started) / 1000, code, totals, log, failedRows: lines.filter((l) => / [1-9]\d* failed/.test(l)) })
    })
  })
}

const minutes = (s) => `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s`
const results = []
try {
  for (let n = 1; n <= runs; n++) {
    console.log(`run ${n} of ${runs}…`)
    const result = await npmTest(n)
    results.push(result)
    console.log(`run ${n}: ${minutes(result.seconds)}, exit ${result.code}: ${result.totals}`)
    for (const row of result.failedRows.slice(0, -1)) console.log(`  ${row}`)
  }
} finally {
  stopBurners()
}

console.log(`\nnpm test with ${burnerCount} CPU-bound processes beside it`)
console.log('| run | duration | exit | totals |')
console.log('|---|---|---|---|')
for (const r of results) console.log(`| ${r.n} | ${minutes(r.seconds)} | ${r.code} | ${r.totals} |`)
const failed = results.filter((r) => r.code !== 0)
console.log(failed.length ? `${failed.length} of ${runs} runs failed (see ${failed.map((r) => r.log).join(', ')})` : `all ${runs} runs passed`)
process.exit(failed.length ? 1 : 0)
