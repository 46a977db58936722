// One clock for both ends: the same code gives the same trace and console at any speed and in step
// mode, even with random real-time delays injected into the transport; nothing in them comes from
// wall-clock time.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { baseURL, closeFreshPages, freshPage, usePage } from './support/browser.ts'
import {
  animationFrames,
  consoleLines,
  diagramLabels,
  openLesson,
  replaceCode,
  runPaused,
  runToEnd,
  setSpeed,
  setStartPaused,
  stepOnce,
} from './support/lesson-page.ts'

const session = usePage()

// The mixed scenario of lesson 07 (one host with an inbox, a live score and a chat; every connection
// dropped at 20 s): a long poll, an SSE stream that reconnects and gets the missed update replayed, a
// WebSocket echo, a client timer, and Date and performance in the learner realm.
const CODE = `const t0 = performance.now();
const es = new EventSource('/api/stream');
es.onmessage = (e) => console.log('score', e.lastEventId, 'at', performance.now() - t0, new Date().toISOString());
es.onerror = () => console.log('sse error', es.readyState);
async function waitForMail(since) {
  const res = await fetch('/api/messages/wait?since=' + since);
  if (res.status === 204) return waitForMail(since);
  const body = await res.json();
  console.log('mail from', body.messages.map((m) => m.from).join(','), 'at', Date.now() % 100000);
  return waitForMail(body.last);
}
waitForMail(0).catch((e) => console.log('mail failed:', e.message));
const ws = new WebSocket('/chat');
ws.onopen = () => ws.send('echo me');
ws.onmessage = (e) => console.log('chat', JSON.parse(e.data).text);
ws.onclose = (e) => console.log('chat closed', e.code);
let ticks = 0;
setInterval(() => {
  ticks++;
  if (ticks % 4 === 0 && ws.readyState === WebSocket.OPEN) ws.send('tick ' + ticks);
}, 1700);`

// worked out by hand: 50 ms each way; the WebSocket opens at 0.1 s; score updates every 5 s; the long
// poll is answered 204 at 5.05 and 10.15 s and released by Ann's mail at 12 s; the drop at 20 s reaches
// the client one latency later; the EventSource retries after the browser's default 3 s with
// Last-Event-ID: 3 and gets update 4 (made at the instant of the drop) replayed
const EXPECTED = [
  '0.200 s chat echo me',
  "4.050 s chat Who's watching the match?",
  '5.050 s score 1 at 5050 2026-01-15T19:30:05.050Z',
  '6.900 s chat tick 4',
  '10.050 s score 2 at 10050 2026-01-15T19:30:10.050Z',
  '12.050 s mail from Ann at 12050',
  '13.700 s chat tick 8',
  '15.050 s score 3 at 15050 2026-01-15T19:30:15.050Z',
  // three connections lost at one instant: the code hears of them in the simulation's order (the
  // stream, the socket, the poll), however real time brings them (crossing/crossings.ts, turns)
  '20.050 s sse error 0',
  '20.050 s chat closed 1006',
  '20.050 s mail failed: Failed to fetch',
  '23.150 s score 4 at 23150 2026-01-15T19:30:23.150Z',
]

/** the simulated length of a run here (`?wirelab-duration`): the 1× run takes this long in real time */
const RUN_MS = 24_000

async function prepare(p: Page, speed: number, startPaused: boolean) {
  await p.goto(`${baseURL()}?wirelab-noise=25&wirelab-duration=${RUN_MS}#/lesson/07-choosing-the-right-tool`)
  await p.locator('.monaco-editor .view-lines').waitFor()
  await setSpeed(p, speed)
  await setStartPaused(p, startPaused)
  await replaceCode(p, CODE)
}

const record = async (p: Page) => ({ console: await consoleLines(p), diagram: await diagramLabels(p) })

/** the run's final status, with the console's errors when it did not finish (they say why) */
async function ending(p: Page): Promise<string> {
  const status = (await p.locator('.status').getAttribute('data-status')) ?? ''
  if (status === 'finished') return status
  return `${status}: ${(await p.locator('[data-testid=console-error]').allInnerTexts()).join(' / ')}`
}

/** Step by step to the end; returns how many steps changed what the page shows */
async function stepToEnd(p: Page): Promise<number> {
  // wait for the paused start: until the worker has loaded, the status is "starting", which would end
  // the loop below before its first step (CI failed so on a busy machine)
  await runPaused(p)
  let steps = 0
  let quiet = 0
  while ((await p.locator('.status').getAttribute('data-status')) === 'running') {
    if (await stepOnce(p)) {
      steps++
      quiet = 0
    } else if (++quiet > 20) throw new Error('20 steps in a row changed nothing on the page')
  }
  return steps
}

describe('determinism', () => {
  afterEach(closeFreshPages)

  // The waits have no fixed limit (they fail when a run stops moving), so this bound only catches a
  // hang: several times the 1× run's real length. (The runs were tried side by side in three contexts
  // to save time: on a loaded machine that made the 1× run itself depend on the machine's speed.)
  it(
    'gives the same console and sequence diagram at 1×, at 4×, skipping ahead and step by step, under injected noise',
    async () => {
      // a page of its own: the test knobs are in the address, so each run loads the site anew
      // (see sessionForNextTest in support/browser.ts for why not in the shared page)
      const { page } = await freshPage(session.browser)
      // skipping ahead first: one more speed to compare, and the page's first run pays for loading the
      // worker and the TypeScript stripper, not the 1× run
      await prepare(page, Infinity, false)
      await runToEnd(page)
      expect(await ending(page)).toBe('finished')
      const skipped = await record(page)

      await prepare(page, 1, false)
      await runToEnd(page)
      expect(await ending(page)).toBe('finished')
      const atOne = await record(page)

      await prepare(page, 4, false)
      await runToEnd(page)
      expect(await ending(page)).toBe('finished')
      const atFour = await record(page)

      await prepare(page, 4, true)
      const steps = await stepToEnd(page)
      expect(await ending(page)).toBe('finished')
      const stepped = await record(page)

      expect(skipped).toEqual(atOne)
      expect(atFour).toEqual(atOne)
      expect(stepped).toEqual(atOne)
      expect(steps).toBeGreaterThan(20)
      expect(atOne.console).toEqual(EXPECTED)
    },
    4 * RUN_MS + 120_000,
  )

  it("seeds the learner's Math.random from the run: the same numbers run after run, different for each client", async () => {
    const { page } = session
    await openLesson(page, '08-reconnect-without-a-stampede')
    await setSpeed(page, Infinity)
    await setStartPaused(page, false)
    await replaceCode(page, "console.log('draws', [Math.random(), Math.random()].map((x) => x.toFixed(6)).join(' '));")
    expect(await runToEnd(page)).toBe('finished')
    const first = await consoleLines(page)
    expect(await runToEnd(page)).toBe('finished')
    expect(await consoleLines(page)).toEqual(first)
    // four clients, four different pairs of numbers in [0, 1)
    const draws = first.map((line) => /draws (0\.\d{6}) (0\.\d{6})$/.exec(line)?.slice(1).join(' '))
    expect(draws).toHaveLength(4)
    expect(new Set(draws).size).toBe(4)
    expect(draws.every((d) => d !== undefined)).toBe(true)
  })

  it('holds a long-poll request open across steps until the step that releases it', async () => {
    const { page } = session
    await openLesson(page, '02-long-polling')
    await replaceCode(page, "const res = await fetch('/api/messages/wait?since=0');\nconsole.log(res.status);")
    await runPaused(page)
    const step = page.getByRole('button', { name: 'Step ▸' })
    const rows = () => diagramLabels(page)
    await expect.poll(rows).toEqual(['0.000 s: GET /api/messages/wait?since=0 fetch, from client to server'])
    await step.click()
    await expect.poll(rows).toHaveLength(2) // 0.050 s: the server holds it
    // real time passes (the live clock gets 30 frames to move it); simulated time does not
    await animationFrames(page, 30)
    expect(await rows()).toHaveLength(2)
    expect(await page.locator('.status').textContent()).toBe('Paused · 0.050 s of 9.000 s')
    await step.click() // 1.200 s: a message arrives and releases it
    await expect.poll(rows).toHaveLength(3)
    expect((await rows())[2]).toMatch(/^1\.200 s: 200 OK /)
    expect(await consoleLines(page)).toEqual([])
    await step.click() // 1.250 s: the answer reaches the client
    await expect.poll(() => consoleLines(page)).toEqual(['1.250 s 200'])
    await page.getByRole('button', { name: '■ Stop' }).click()
  })

  it('serves the msw worker script of the installed msw version', async () => {
    const installed = JSON.parse(readFileSync('node_modules/msw/package.json', 'utf8')).version as string
    const script = await (await fetch(`${baseURL()}mockServiceWorker.js`)).text()
    expect(script).toContain(`const PACKAGE_VERSION = '${installed}'`)
  })
})
