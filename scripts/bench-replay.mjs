#!/usr/bin/env node
// The replay rows of `npm run bench` at 10 002 events, alone, in a minute instead of the whole bench:
// the same trace (made by the simulation in Node), opened in the page, the same 40 steps back and forth
// timed the same way, against the same reference (an empty Svelte SVG append, same run).
//
//   node scripts/bench-replay.mjs                      builds the bench site into .bench/dist and measures it
//   node scripts/bench-replay.mjs --dist a --dist b    measures builds made before (side by side, interleaved)
//   node scripts/bench-replay.mjs --rounds 3           each build measured 3 times (median of the medians)
//   node scripts/bench-replay.mjs --profile            prints where the steps' time goes (a CPU profile)
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { build, preview } from 'vite'
import { chromium } from 'playwright-core'
import { writeBenchTrace } from './bench-trace.mjs'

const { values: options } = parseArgs({
  options: {
    dist: { type: 'string', multiple: true },
    rounds: { type: 'string', default: '1' },
    profile: { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
  },
})
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const FRAME_MS = 1000 / 60

let dists = options.dist?.map((d) => resolve(d))
if (!dists) {
  process.env.WIRELAB_BENCH = '1'
  process.env.LESSONS_DIR = 'bench/lessons'
  await build({ logLevel: 'warn' })
  dists = [resolve('.bench/dist')]
}

// the trace: the same as scripts/bench.mjs replays (scripts/bench-trace.mjs)
const file = join(tmpdir(), 'wirelab-bench-replay-10k.json')
await writeBenchTrace(file)

const servers = await Promise.all(dists.map((outDir) => preview({ preview: { host: '127.0.0.1', port: 0 }, build: { outDir }, logLevel: 'warn' })))
const bases = servers.map((s) => `http://127.0.0.1:${s.httpServer.address().port}/`)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
})

/** `base`'s lesson page with the 10 002-event trace opened, at its first step */
async function openTrace(base) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  await page.goto(`${base}#/lesson/01-sse-throughput`)
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 60_000 })
  await page.getByRole('button', { name: 'Open a trace…' }).click()
  await page.getByText('Export / open').click()
  await page.getByLabel('Open a trace…').setInputFiles(file)
  await page.waitForFunction(() => /^0 \/ [1-9]/.test(document.querySelector('[data-testid=replay-position]')?.textContent ?? ''), undefined, {
    timeout: 120_000,
  })
  return { context, page }
}

/** opens the trace in `base`'s lesson page and times 40 steps, as scripts/bench.mjs's measureReplay does */
async function measure(base, profile) {
  const { context, page } = await openTrace(base)
  let cdp = null
  if (profile) {
    cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  }
  const steps = page.evaluate(async (profiling) => {
    const press = async (key) => {
      const t0 = performance.now()
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
      await Promise.resolve()
      await new Promise((r) => queueMicrotask(r))
      const t1 = performance.now()
      void document.body.offsetHeight // layout included
      const t2 = performance.now()
      return [t2 - t0, t1 - t0]
    }
    const position = () => document.querySelector('[data-testid=replay-position]').textContent
    await press('End')
    if (profiling) await new Promise((r) => (window.__profileReady = r))
    const times = []
    const scripts = []
    for (let i = 0; i < 40; i++) {
      const [all, script] = await press(i % 2 ? 'ArrowRight' : 'ArrowLeft')
      times.push(all)
      scripts.push(script)
    }
    const rows = document.querySelectorAll('svg[aria-label="Sequence diagram of the run"] .message').length
    const ticks = document.querySelectorAll('.tick').length
    return { times, scripts, rows, ticks, position: position() }
  }, profile)
  let profileResult = null
  if (profile) {
    // the evaluate above waits for this: started between End and the steps
    const started = (async () => {
      await page.waitForFunction(() => typeof window.__profileReady === 'function')
      if (options.trace) await browser.startTracing(page, { categories: ['devtools.timeline', 'blink', 'v8'] })
      else await cdp.send('Profiler.start')
      await page.evaluate(() => window.__profileReady())
    })()
    await started
  }
  const result = await steps
  if (profile && options.trace) profileResult = { trace: JSON.parse((await browser.stopTracing()).toString()) }
  else if (profile) profileResult = (await cdp.send('Profiler.stop')).profile
  await context.close()
  return { ...result, profile: profileResult }
}

async function reference(base, rows) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  await page.goto(`${base}bench/svelte-baseline.html?rows=${rows}`)
  await page.waitForFunction(() => window.benchResult !== undefined, undefined, { timeout: 60_000 })
  const r = await page.evaluate(() => window.benchResult)
  await context.close()
  return r
}

/** self time per function, the top `n` */
function summarise(profile, n = 25) {
  if (profile.trace) return summariseTrace(profile.trace.traceEvents ?? profile.trace)
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map()
  const dt = profile.timeDeltas
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i])
    const f = node.callFrame
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
    self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000)
  }
  // inclusive time of the app's own functions (not Svelte's runtime): where the time goes, by caller
  const parent = new Map()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const inclusive = new Map()
  for (let i = 0; i < profile.samples.length; i++) {
    const names = new Set()
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame
      if (!/LessonPage|Playback|describe/.test(f.url)) continue
      names.add(`${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`)
    }
    for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + (dt[i] ?? 0) / 1000)
  }
  console.log(
    [...inclusive.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms incl.  ${name}`)
      .join('\n'),
  )
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${name}`)
    .join('\n')
}

/**
 * The renderer's main-thread CPU time (thread time: what the thread ran, not the minutes it waited for a
 * core on a busy machine) by trace event name, self (children subtracted), and in all, per step.
 */
function summariseTrace(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const mine = events
    .filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  const self = new Map()
  const stack = []
  let top = 0
  for (const e of mine) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop()
    const parent = stack.at(-1)
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.tdur / 1000)
    else top += e.tdur / 1000
    self.set(e.name, (self.get(e.name) ?? 0) + e.tdur / 1000)
    stack.push(e)
  }
  return (
    `main thread CPU ${top.toFixed(1)} ms in all, ${(top / 40).toFixed(2)} ms a step\n` +
    [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 16)
      .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`)
      .join('\n')
  )
}

// every build's page open at once, their steps interleaved one by one: a shared machine's load falls on
// all of them alike (a build measured after another one meets other minutes)
async function open(base) {
  const { context, page } = await openTrace(base)
  await page.evaluate(() => {
    window.__press = async (key) => {
      const t0 = performance.now()
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
      await Promise.resolve()
      await new Promise((r) => queueMicrotask(r))
      void document.body.offsetHeight // layout included
      return performance.now() - t0
    }
  })
  await page.evaluate(() => window.__press('End'))
  return { context, page }
}
if (!options.profile) {
  const pages = []
  for (const base of bases) pages.push(await open(base))
  const times = pages.map(() => [])
  for (let i = 0; i < 40 * Number(options.rounds); i++)
    for (let d = 0; d < pages.length; d++) times[d].push(await pages[d].page.evaluate((key) => window.__press(key), i % 2 ? 'ArrowRight' : 'ArrowLeft'))
  const rows = await pages[0].page.evaluate(() => document.querySelectorAll('svg[aria-label="Sequence diagram of the run"] .message').length)
  for (const p of pages) await p.context.close()
  const ref = await reference(bases[0], rows)
  const at = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)]
  console.log(`reference (empty Svelte SVG append, ${rows} rows, same run): median ${ref.median.toFixed(2)} ms, p95 ${ref.p95.toFixed(2)} ms`)
  for (let d = 0; d < dists.length; d++)
    console.log(
      `${dists[d]}: ${times[d].length} steps, median ${at(times[d], 0.5).toFixed(2)} ms (${(at(times[d], 0.5) / ref.median).toFixed(1)}× the reference, goal ≤ 20×; ${(at(times[d], 0.5) / FRAME_MS).toFixed(2)} frames), ` +
        `p25 ${at(times[d], 0.25).toFixed(2)} ms, p95 ${at(times[d], 0.95).toFixed(2)} ms`,
    )
}

const results = dists.map(() => [])
for (let round = 0; round < (options.profile ? Number(options.rounds) : 0); round++) {
  for (let d = 0; d < dists.length; d++) {
    const m = await measure(bases[d], options.profile)
    const ref = await reference(bases[d], m.rows)
    results[d].push({ ...m, ref })
    const sorted = [...m.times].sort((a, b) => a - b)
    console.log(
      `${dists[d]} round ${round + 1}: step median ${median(m.times).toFixed(2)} ms (script ${median(m.scripts).toFixed(2)} ms), p95 ${sorted[Math.floor(sorted.length * 0.95)].toFixed(2)} ms; ` +
        `reference (empty Svelte SVG append, ${m.rows} rows) median ${ref.median.toFixed(2)} ms, p95 ${ref.p95.toFixed(2)} ms; ` +
        `ratio ${(median(m.times) / ref.median).toFixed(1)}× (goal ≤ 20×), ${(median(m.times) / FRAME_MS).toFixed(2)} frames; ${m.ticks} ticks drawn`,
    )
    if (m.profile) console.log(summarise(m.profile))
  }
}
if (options.profile && Number(options.rounds) > 1)
  for (let d = 0; d < dists.length; d++) {
    const medians = results[d].map((r) => median(r.times))
    console.log(
      `${dists[d]}: median of ${medians.length} rounds ${median(medians).toFixed(2)} ms (rounds: ${medians.map((x) => x.toFixed(1)).join(', ')}), reference ${median(results[d].map((r) => r.ref.median)).toFixed(2)} ms`,
    )
  }
await browser.close()
await Promise.all(servers.map((s) => s.close()))
