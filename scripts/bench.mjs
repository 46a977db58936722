#!/usr/bin/env node
// npm run bench: sizes of the production build and load times in Chromium, printed as a table.
// Sizes are gzip (level 9, as a static host would serve them). Absolute times do not carry across
// machines (nor across minutes on a shared one), so every timing row has a reference measured in the
// same run, on the same machine, interleaved with it: a bare page that only mounts Monaco, a bare fetch
// through msw's service worker, a bare msw sse() handler, mermaid drawing the same run, an empty Svelte
// SVG append, plain JavaScript on the same data. A goal is a ratio to the reference; the table shows
// measured, reference, ratio, goal and whether it is met. Times are medians of cold runs (a new
// browser context each: empty cache, no service worker).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, createServer, preview } from 'vite'
import { chromium } from 'playwright-core'
import { measureFirstVisits, precache } from './first-visit.mjs'
import { writeBenchTrace } from './bench-trace.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const dist = 'dist'
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

await build({ logLevel: 'warn' })
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'))
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
const raw = (file) => statSync(join(dist, file)).size

/** a manifest entry's own file, its CSS, and everything it imports statically */
function closure(keys, seen = new Set()) {
  const files = new Set()
  const visit = (key) => {
    if (seen.has(key)) return
    seen.add(key)
    const entry = manifest[key]
    if (!entry) throw new Error(`not in the manifest: ${key}`)
    files.add(entry.file)
    for (const css of entry.css ?? []) files.add(css)
    for (const dep of entry.imports ?? []) visit(dep)
  }
  keys.forEach(visit)
  return files
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const sum = (files, f) => [...files].reduce((n, file) => n + f(file), 0)
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

const home = closure(['index.html'])
// a lesson page loads one lesson's chunk: count the largest, to be safe
const lessonKeys = Object.keys(manifest)
  .filter((k) => k.startsWith('virtual:wirelab/lesson/'))
  .sort((a, b) => gz(manifest[b].file) - gz(manifest[a].file))
  .slice(0, 1)
const lessonPage = closure(['index.html', 'src/lib/components/lesson-page/LessonPage.svelte', ...lessonKeys])
const findKey = (pred) => Object.keys(manifest).filter(pred)
const lazy = [
  [
    'Monaco editor (core + JS highlighting)',
    closure(
      findKey((k) => k.endsWith('components/editor/monaco.ts') || k.endsWith('javascript/javascript.js')),
      new Set([...lessonPageKeys()]),
    ),
  ],
  ['msw (service worker client + handlers)', closure(['src/lib/mock/start-mock.ts'], new Set(lessonPageKeys()))],
  [
    'runner (clock, simulation, worker link)',
    closure(
      findKey((k) => /runner\/(learner-run|protocol)\.ts$|create-simulation\.ts$/.test(k)),
      new Set(lessonPageKeys()),
    ),
  ],
  [
    'TypeScript language service (after the editor is usable)',
    closure(
      findKey((k) => k.endsWith('components/editor/typescript-service.ts')),
      new Set([
        ...lessonPageKeys(),
        ...closure(
          findKey((k) => k.endsWith('components/editor/monaco.ts')),
          new Set(lessonPageKeys()),
        ),
      ]),
    ),
  ],
  [
    'mermaid (all chunks it may load)',
    new Set(
      Object.values(manifest)
        .map((e) => e.file)
        .filter((f) => !home.has(f) && !lessonPage.has(f) && isMermaid(f)),
    ),
  ],
]
function lessonPageKeys() {
  const seen = new Set()
  closure(['index.html', 'src/lib/components/lesson-page/LessonPage.svelte', ...lessonKeys], seen)
  return seen
}
function isMermaid(file) {
  return (
    !/monaco|start-mock|learner|protocol|create-simulation|editor\.worker|ts\.worker|typescript|javascript-|codicon|LessonPage|index-|0\d-|strip-types|SolutionDiff/.test(
      file,
    ) && file.endsWith('.js')
  )
}
// workers are emitted as assets, not manifest chunks
const workers = ['learner-worker', 'editor.worker', 'ts.worker'].map((prefix) => [
  prefix,
  'assets/' + readdirSync(join(dist, 'assets')).find((f) => f.startsWith(prefix)),
])

// BENCH_SIZES_ONLY=1 npm run bench: the bundle sizes alone, in seconds (no browser)
if (process.env.BENCH_SIZES_ONLY) {
  const p = precache(dist)
  console.log(
    `home page ${kb(sum(home, gz))} (≤ 25 KB); lesson page before editor ${kb(sum(lessonPage, gz))} (≤ 60 KB); precache ${p.files} files, ${mb(p.bytes)} (gzip ${mb(p.gzipBytes)})`,
  )
  process.exit(0)
}

// ---- timings in Chromium ----
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' })
const base = `http://127.0.0.1:${server.httpServer.address().port}/`
// the bench's own build: the bench lessons and the reference pages (bench/*.html)
process.env.WIRELAB_BENCH = '1'
process.env.LESSONS_DIR = 'bench/lessons'
await build({ logLevel: 'warn' })
const benchServer = await preview({ preview: { host: '127.0.0.1', port: 0 }, build: { outDir: '.bench/dist' }, logLevel: 'warn' })
const benchBase = `http://127.0.0.1:${benchServer.httpServer.address().port}/`
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args })
const editorTimes = []
const runTimes = []
const bareEditorTimes = []
const bareFetchTimes = []
/** a cold bare Monaco page (bench/monaco-baseline.html), its Mount button clicked (the time in window.__clickAt) */
async function mountBareMonaco() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  await page.goto(`${benchBase}bench/monaco-baseline.html`)
  await page.evaluate(() => addEventListener('click', (e) => (window.__clickAt = e.timeStamp), { capture: true, once: true }))
  await page.locator('#mount').click()
  await page.waitForFunction(() => performance.getEntriesByName('bench:editor-ready').length > 0, undefined, { timeout: 30_000 })
  return { context, page }
}
/** a cold bare msw page (bench/fetch-baseline.html): click → msw started → `n` fetches answered; real ms to the first and the last */
async function bareFetch(n) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${benchBase}bench/fetch-baseline.html?n=${n}`)
  await page.locator('#go').click()
  await page.waitForFunction(() => window.benchResult !== undefined, undefined, { timeout: 60_000 })
  const result = await page.evaluate(() => window.benchResult)
  await context.close()
  return result
}
/** a cold page: the home page, then a click on the SSE lesson (its time in window.__clickAt) */
async function clickFirstLesson() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  await page.goto(base)
  await page.locator('.lesson-link').first().waitFor()
  await page.evaluate(() => addEventListener('click', (e) => (window.__clickAt = e.timeStamp), { capture: true, once: true }))
  await page.locator('.lesson-link[href="#/lesson/03-sse-first-stream"]').click()
  return { context, page }
}
for (let i = 0; i < RUNS; i++) {
  const { context, page } = await clickFirstLesson()
  await page.waitForFunction(() => performance.getEntriesByName('wirelab:editor-ready').length > 0, undefined, { timeout: 30_000 })
  editorTimes.push(await page.evaluate(() => performance.getEntriesByName('wirelab:editor-ready')[0].startTime - window.__clickAt))
  // Run: from the click to the first message in the sequence diagram (first run: includes starting msw)
  await page.evaluate(() => {
    addEventListener('click', (e) => (window.__runAt = e.timeStamp), { capture: true, once: true })
    new MutationObserver((_, obs) => {
      if (document.querySelector('svg[aria-label="Sequence diagram of the run"] .message')) {
        window.__firstEventAt = performance.now()
        obs.disconnect()
      }
    }).observe(document.body, { subtree: true, childList: true })
  })
  await page.getByRole('button', { name: '▶ Run' }).click()
  await page.waitForFunction(() => window.__firstEventAt !== undefined, undefined, { timeout: 30_000 })
  runTimes.push(await page.evaluate(() => window.__firstEventAt - window.__runAt))
  await context.close()
  // the references, interleaved with the runs they are compared with
  const bare = await mountBareMonaco()
  bareEditorTimes.push(await bare.page.evaluate(() => performance.getEntriesByName('bench:editor-ready')[0].startTime - window.__clickAt))
  await bare.context.close()
  bareFetchTimes.push((await bareFetch(1)).first)
}
// first TypeScript completion: from clicking the lesson to the suggestion list offering EventSource's members
const completionTimes = []
const bareCompletionTimes = []
/** click into the editor, type `es.` on a new last line and ask for completion until EventSource's members are offered; their performance.now() */
async function firstCompletion(page) {
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\nes.')
  let found = null
  for (let attempt = 0; attempt < 100 && found === null; attempt++) {
    await page.keyboard.press('Control+Space')
    found = await page
      .waitForFunction(
        () =>
          [...document.querySelectorAll('.suggest-widget .monaco-list-row')].some((r) => r.getAttribute('aria-label')?.startsWith('onmessage'))
            ? performance.now()
            : null,
        undefined,
        { timeout: 100, polling: 10 },
      )
      .then((h) => h.jsonValue())
      .catch(() => null)
    if (found === null) await page.keyboard.press('Escape')
  }
  if (found === null) throw new Error('no TypeScript completion within 10 s')
  return found
}
for (let i = 0; i < Math.min(RUNS, 5); i++) {
  const app = await clickFirstLesson()
  completionTimes.push((await firstCompletion(app.page)) - (await app.page.evaluate(() => window.__clickAt)))
  await app.context.close()
  const bare = await mountBareMonaco()
  bareCompletionTimes.push((await firstCompletion(bare.page)) - (await bare.page.evaluate(() => window.__clickAt)))
  await bare.context.close()
}
/**
 * The page's largest gap between two frames while a run of `code` goes on (lesson 01, skip ahead),
 * median of 3: how long a learner would see the page frozen. A normal run is the reference.
 */
async function frameGapDuring(code) {
  const gaps = []
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    await context.addInitScript((c) => localStorage.setItem('wirelab:code:03-sse-first-stream', c), code)
    const page = await context.newPage()
    await page.goto(`${base}#/lesson/03-sse-first-stream`)
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 })
    await page.locator('.speed select').selectOption('Infinity')
    await page.evaluate(() => {
      window.__gap = { last: performance.now(), max: 0, on: true }
      const tick = (t) => {
        if (!window.__gap.on) return
        window.__gap.max = Math.max(window.__gap.max, t - window.__gap.last)
        window.__gap.last = t
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    await page.getByRole('button', { name: '▶ Run' }).click()
    await page.waitForFunction(() => !['idle', 'starting', 'running'].includes(document.querySelector('.status')?.getAttribute('data-status')), undefined, {
      timeout: 120_000,
    })
    const status = await page.locator('.status').getAttribute('data-status')
    if (status !== 'finished') throw new Error(`the frame-gap run ended ${status}: ${code}`)
    gaps.push(await page.evaluate(() => ((window.__gap.on = false), window.__gap.max)))
    await context.close()
  }
  return median(gaps)
}
const gapNormal = await frameGapDuring("const es = new EventSource('/api/stream')\nes.onmessage = (e) => console.log(JSON.parse(e.data))")
const gapFlood = await frameGapDuring("for (let i = 0; i < 1e6; i++) console.log('line', i)")
const gapGiant = await frameGapDuring("console.log({ ['k'.repeat(2e7)]: 's'.repeat(2e7) })\nthrow new Error('E'.repeat(2e7))")
// the first visit to a published course: what it downloads until the whole course is kept offline
const offlineCopy = precache(dist)
const firstVisits = await measureFirstVisits(browser, dist, 3)
await server.close()

// ---- the simulated network (issue 3): the bench lessons, against bare msw ----
const benchBrowser = browser
const EVENTS = 1000
const ours = []
const burst = []
const bare = []
const held = []
const bareHeld = []
let replay = null
/**
 * Replay costs on the finished burst run (over 1000 messages): one step back or forward with the
 * diagram, the timeline and the caption updating (state change, DOM update and layout, measured
 * synchronously after Svelte flushes), a scrub from the end to the start, and mermaid drawing the same
 * run as SVG (the reference: what re-rendering with mermaid on every step would cost).
 */
async function measureReplay(page, { mermaid = true } = {}) {
  // the replay bar loads when the run has ended
  await page.getByTestId('replay-position').waitFor({ timeout: 30_000 })
  const messages = await page.evaluate(() => Number(document.querySelector('[data-testid=replay-position]').textContent.split(' / ')[1]))
  const steps = await page.evaluate(async () => {
    const press = async (key) => {
      const t0 = performance.now()
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
      await Promise.resolve()
      await new Promise((r) => queueMicrotask(r))
      void document.body.offsetHeight // layout included
      return performance.now() - t0
    }
    const position = () => document.querySelector('[data-testid=replay-position]').textContent
    await press('End')
    const end = position()
    const times = []
    for (let i = 0; i < 40; i++) times.push(await press(i % 2 ? 'ArrowRight' : 'ArrowLeft'))
    await press('ArrowLeft')
    if (position() === end) throw new Error('the arrow keys did not move the replay')
    const slider = document.querySelector('input[aria-label="Replay position"]')
    const t0 = performance.now()
    slider.value = '0'
    slider.dispatchEvent(new Event('input', { bubbles: true }))
    await Promise.resolve()
    await new Promise((r) => queueMicrotask(r))
    void document.body.offsetHeight
    const scrub = performance.now() - t0
    const shown = document.querySelector('[data-testid=replay-position]').textContent
    // and back to the end: the diagram drawn for the whole run (the rows near the view, past 300)
    const t1 = performance.now()
    slider.value = slider.max
    slider.dispatchEvent(new Event('input', { bubbles: true }))
    await Promise.resolve()
    await new Promise((r) => queueMicrotask(r))
    void document.body.offsetHeight
    const drawAll = performance.now() - t1
    const rows = document.querySelectorAll('svg[aria-label="Sequence diagram of the run"] .message').length
    return { times, scrub, shown, drawAll, rows }
  })
  if (!steps.shown.startsWith('0 / ')) throw new Error(`the scrub did not reach the start: ${steps.shown}`)
  // mermaid: the SVG export draws the same run; the second time mermaid is loaded, so it is the render alone
  const mermaidTimes = []
  if (mermaid) await page.getByText('Export / open').click()
  for (let i = 0; i < (mermaid ? 2 : 0); i++) {
    const t0 = await page.evaluate(() => performance.now())
    await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'SVG' }).click()])
    mermaidTimes.push((await page.evaluate(() => performance.now())) - t0)
  }
  const sorted = [...steps.times].sort((a, b) => a - b)
  return {
    messages,
    median: sorted[Math.floor(sorted.length / 2)],
    p95: sorted[Math.floor(sorted.length * 0.95)],
    scrub: steps.scrub,
    drawAll: steps.drawAll,
    rows: steps.rows,
    mermaid: mermaidTimes[1],
    // the reference, measured right after: Svelte appending one empty element to an SVG of as many
    reference: await svelteReference(steps.rows),
  }
}
/** bench/svelte-baseline.html: an empty Svelte SVG append and a clear, on an SVG of `rows` empty elements */
async function svelteReference(rows) {
  const context = await benchBrowser.newContext({ viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  await page.goto(`${benchBase}bench/svelte-baseline.html?rows=${rows}`)
  await page.waitForFunction(() => window.benchResult !== undefined, undefined, { timeout: 60_000 })
  const result = await page.evaluate(() => window.benchResult)
  await context.close()
  return result
}
/** runs a bench lesson at skip-ahead speed; `marks`: console texts whose first appearance is timed (real ms, frame accurate) */
async function runLesson(slug, marks = [], after = null) {
  const context = await benchBrowser.newContext({ viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  await page.goto(`${benchBase}#/lesson/${slug}`)
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 })
  await page.locator('.speed select').selectOption('Infinity')
  await page.evaluate((texts) => {
    window.__marks = {}
    new MutationObserver(() => {
      const now = performance.now()
      for (const line of document.querySelectorAll('[data-testid=console-line]')) {
        for (const text of texts) if (window.__marks[text] === undefined && line.textContent.includes(text)) window.__marks[text] = now
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  }, marks)
  const start = Date.now()
  await page.getByRole('button', { name: '▶ Run' }).click()
  await page.waitForFunction(() => document.querySelector('.status')?.getAttribute('data-status') === 'finished', undefined, { timeout: 120_000 })
  const elapsed = Date.now() - start
  const lines = await page.locator('[data-testid=console-line]').allInnerTexts()
  const timed = await page.evaluate(() => window.__marks)
  const extra = after ? await after(page) : null
  await context.close()
  return { elapsed, lines, marks: timed, extra }
}
for (let i = 0; i < 3; i++) {
  const sse = await runLesson('01-sse-throughput')
  if (!sse.lines.some((l) => l.includes('1000 events'))) throw new Error('the SSE bench run did not deliver 1000 events')
  ours.push(EVENTS / (sse.elapsed / 1000))
  const context = await benchBrowser.newContext()
  const page = await context.newPage()
  await page.goto(`${benchBase}bench/sse-baseline.html?n=${EVENTS}`)
  await page.waitForFunction(() => window.benchResult !== undefined, undefined, { timeout: 60_000 })
  bare.push(EVENTS / ((await page.evaluate(() => window.benchResult)) / 1000))
  await context.close()
  // a burst: 1000 events at one simulated instant (a catch-up replay), the time of the same run without them subtracted
  const full = await runLesson('03-sse-burst', ['burst starts', '1000 events'], i === 0 ? measureReplay : null)
  if (full.extra) replay = full.extra
  if (!full.lines.some((l) => l.includes('1000 events'))) throw new Error(`the SSE burst run did not deliver 1000 events: ${full.lines.join(' | ')}`)
  burst.push(EVENTS / ((full.marks['1000 events'] - full.marks['burst starts']) / 1000))
  const polls = await runLesson('02-held-long-polls')
  if (!polls.lines.some((l) => l.includes('100 answered 200'))) throw new Error(`the held long-poll run did not answer all 100: ${polls.lines.join(' | ')}`)
  held.push(polls.elapsed)
  bareHeld.push((await bareFetch(100)).all)
}

// 10 000 events: a trace made by the simulation in Node (an SSE stream, an event every 100 ms for
// 1000 s), opened in the page for replay; the page must stay responsive (the diagram draws only the
// rows in view, the timeline one tick per pixel, the event list a page of matches)
const bigFile = join(tmpdir(), 'wirelab-bench-10k-trace.json')
await writeBenchTrace(bigFile)
const big = await (async () => {
  const context = await benchBrowser.newContext({ viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  await page.goto(`${benchBase}#/lesson/01-sse-throughput`)
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 })
  await page.getByRole('button', { name: 'Open a trace…' }).click()
  await page.getByText('Export / open').click()
  const t0 = Date.now()
  await page.getByLabel('Open a trace…').setInputFiles(bigFile)
  await page.waitForFunction(() => /^0 \/ [1-9]/.test(document.querySelector('[data-testid=replay-position]')?.textContent ?? ''), undefined, {
    timeout: 60_000,
  })
  const openMs = Date.now() - t0
  // the reference for opening: JSON.parse of the same text in the same page
  const parseMs = await page.evaluate(
    (text) => {
      const t = performance.now()
      JSON.parse(text)
      return performance.now() - t
    },
    readFileSync(bigFile, 'utf8'),
  )
  const measured = { ...(await measureReplay(page, { mermaid: false })), openMs, parseMs }
  await context.close()
  return measured
})()
await browser.close()
await benchServer.close()

// trace append cost at 100 000 events, in Node
const vite = await createServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'warn' })
const { Trace } = await vite.ssrLoadModule('/src/lib/sim/trace.ts')
const trace = new Trace()
let seen = 0
trace.subscribe(() => seen++)
const event = {
  kind: 'sse.event',
  t: 0,
  arrives: 50,
  conn: 'c1',
  from: 'server',
  to: 'client',
  bytes: 76,
  wire: 'id: 1\ndata: {}\n\n',
  fields: { id: '1', data: '{}' },
  dispatches: true,
}
for (let i = 0; i < 90_000; i++) trace.append({ ...event, t: i })
const appendStart = performance.now()
for (let i = 90_000; i < 100_000; i++) trace.append({ ...event, t: i })
const appendUs = ((performance.now() - appendStart) / 10_000) * 1000
await vite.close()
if (seen !== 100_000) throw new Error('trace subscribers missed events')
// the reference: the same events pushed on a plain array with one listener called, as plain JavaScript
const plain = []
let heard = 0
const listener = () => heard++
for (let i = 0; i < 90_000; i++) {
  plain.push({ ...event, t: i, seq: i + 1 })
  listener()
}
const plainStart = performance.now()
for (let i = 90_000; i < 100_000; i++) {
  plain.push({ ...event, t: i, seq: i + 1 })
  listener()
}
const plainUs = ((performance.now() - plainStart) / 10_000) * 1000
if (heard !== 100_000) throw new Error('the plain listener missed events')

// ---- the table ----
const time = (x) => (x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`)
const rate = (x) => `${x.toFixed(0)} /s`
const verdict = (ok) => (ok ? 'pass' : 'FAIL')
/** a timing row: lower is better, the goal a ratio to the reference ≤ `goal` */
const slower = (what, value, reference, referenceName, goal, format = time) => [
  what,
  format(value),
  `${format(reference)} (${referenceName})`,
  `${(value / reference).toFixed(2)}×`,
  `≤ ${goal}×`,
  verdict(value / reference <= goal),
]
/** a rate row: higher is better, the goal a ratio to the reference ≥ `goal` */
const faster = (what, value, reference, referenceName, goal) => [
  what,
  rate(value),
  `${rate(reference)} (${referenceName})`,
  `${(value / reference).toFixed(2)}×`,
  `≥ ${goal}×`,
  verdict(value / reference >= goal),
]
/** a size row: an absolute budget (bytes do not depend on the machine) */
const size = (what, bytes, budgetKb) => [what, kb(bytes), '', '', `≤ ${budgetKb} KB`, verdict(bytes <= budgetKb * 1024)]
const info = (what, value) => [what, value, '', '', '', '']
const FRAME_MS = 1000 / 60

const rows = [
  size('Home page: JS + CSS needed (gzip)', sum(home, gz), 25),
  size('Lesson page before editor, msw, mermaid (gzip)', sum(lessonPage, gz), 60),
  ...lazy.map(([name, files]) => info(`  lazy: ${name}`, `${kb(sum(files, gz))} (raw ${kb(sum(files, raw))})`)),
  ...workers.map(([name, file]) => info(`  worker: ${name}`, `${kb(gz(file))} (raw ${kb(raw(file))})`)),
  info(`Offline copy (sw.js precache): ${offlineCopy.files} files`, `${mb(offlineCopy.bytes)} (gzip ${mb(offlineCopy.gzipBytes)})`),
  info(
    'First visit at a sub-path (gzip host) → whole course kept offline: sent, time (median of 3)',
    `${mb(median(firstVisits.map((v) => v.bytes)))}, ${time(median(firstVisits.map((v) => v.readyMs)))}; home page alone ${kb(median(firstVisits.map((v) => v.homeBytes)))}`,
  ),
  slower(`Click lesson → editor usable (median of ${RUNS} cold runs)`, median(editorTimes), median(bareEditorTimes), 'bare page mounting Monaco', 1.5),
  slower(
    `Click lesson → first TypeScript completion (median of ${completionTimes.length})`,
    median(completionTimes),
    median(bareCompletionTimes),
    'bare Monaco page',
    1.5,
  ),
  slower(`Click Run → first trace event, first run (median of ${RUNS})`, median(runTimes), median(bareFetchTimes), 'click → msw started → bare fetch', 3),
  slower('Largest frame gap during 1 000 000 console.log lines (median of 3)', gapFlood, gapNormal, 'during a normal run', 4),
  slower('Largest frame gap logging a 20 M-character key and value, then throwing a 20 M-character error', gapGiant, gapNormal, 'during a normal run', 4),
  faster(
    `SSE events/s, whole path (worker → SW → msw → simulation → trace), a burst of ${EVENTS} at one instant`,
    median(burst),
    median(bare),
    'bare msw sse()',
    0.5,
  ),
  // a round trip per simulated instant is the price of the barrier (docs/architecture.md)
  faster('SSE events/s, whole path, one event per instant (100 ms apart), skip ahead', median(ours), median(bare), 'bare msw sse(), a burst', 0.02),
  slower('100 concurrent held long polls: Run → all 100 answered, skip ahead', median(held), median(bareHeld), 'click → msw → 100 bare fetches', 10),
  slower(
    `Replay of ${replay.messages} messages: one step, both views (median)`,
    replay.median,
    replay.reference.median,
    `empty Svelte SVG append, ${replay.rows} rows`,
    10,
  ),
  slower('  … one step (p95)', replay.p95, replay.reference.p95, 'the same, p95', 10),
  slower('  … scrub from the end to the start', replay.scrub, replay.reference.clear, `Svelte clearing ${replay.rows} empty rows`, 10),
  slower(
    '  … the diagram drawn for the whole run (scrub from the start to the end)',
    replay.drawAll,
    replay.mermaid,
    `mermaid drawing the same ${replay.messages}`,
    0.1,
  ),
  slower(
    `Replay of ${big.messages} events (an opened trace): one step (median)`,
    big.median,
    big.reference.median,
    `empty Svelte SVG append, ${big.rows} rows`,
    20,
  ),
  slower('  … one step (median), against a frame', big.median, FRAME_MS, 'one frame at 60 Hz', 1),
  slower('  … one step (p95)', big.p95, big.reference.p95, 'the same, p95', 20),
  slower('  … scrub from the end to the start', big.scrub, big.reference.clear, `Svelte clearing ${big.rows} empty rows`, 20),
  slower('  … opening the file (checked field by field, then shown)', big.openMs, big.parseMs, 'JSON.parse of the same text', 30),
  slower(
    'Trace append at 100 000 events (per event, 1 subscriber)',
    appendUs * 1000,
    plainUs * 1000,
    'array push + 1 listener',
    10,
    (ns) => `${(ns / 1000).toFixed(2)} µs`,
  ),
]
const header = ['what', 'measured', 'reference (same run)', 'ratio', 'goal', '']
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)))
const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`
console.log(line(header))
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
rows.forEach((r) => console.log(line(r)))
const failing = rows.filter((r) => r[5] === 'FAIL')
console.log(
  `\n${rows.filter((r) => r[5]).length - failing.length} of ${rows.filter((r) => r[5]).length} goals met${failing.length ? `; not met: ${failing.map((r) => r[0].trim()).join('; ')}` : ''}`,
)
console.log(
  `\nall runs (ms): editor ${editorTimes.map((t) => t.toFixed(0)).join(', ')} (bare ${bareEditorTimes.map((t) => t.toFixed(0)).join(', ')}); first completion ${completionTimes.map((t) => t.toFixed(0)).join(', ')} (bare ${bareCompletionTimes.map((t) => t.toFixed(0)).join(', ')}); run→first event ${runTimes.map((t) => t.toFixed(0)).join(', ')} (bare fetch ${bareFetchTimes.map((t) => t.toFixed(0)).join(', ')})`,
)
console.log(
  `SSE /s burst ${burst.map((x) => x.toFixed(0)).join(', ')}; one per instant ${ours.map((x) => x.toFixed(0)).join(', ')}; bare msw ${bare.map((x) => x.toFixed(0)).join(', ')}; held long polls (ms) ${held.join(', ')} (bare ${bareHeld.map((x) => x.toFixed(0)).join(', ')})`,
)

// the lab's model at scale (issue 16): its own rows, in the same table format
{
  const { labModelRows, printRows } = await import('./bench-lab.mjs')
  console.log('\nLab model (issue 16):')
  printRows(await labModelRows())
}
