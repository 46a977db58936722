// Broken learner code: each mistake gets a clear message with its line, marked in the editor, and the
// page keeps working.
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { usePage } from './support/browser.ts'
import { consoleLines, openLesson, replaceCode, runToEnd, setSpeed } from './support/lesson-page.ts'

const session = usePage(async (p) => {
  await openLesson(p, '03-sse-first-stream')
  await setSpeed(p, Infinity)
})
// whatever the code does, the page itself throws nothing
afterEach(() => expect(session.pageErrors).toEqual([]))

const consoleErrors = (p: Page) => p.locator('[data-testid=console-error]').allInnerTexts()

/** the text of the editor line that carries the error squiggle */
async function markedLine(p: Page): Promise<string> {
  await p.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 })
  return p.evaluate(() => {
    const squiggle = document.querySelector('.monaco-editor .squiggly-error')!.getBoundingClientRect()
    const line = [...document.querySelectorAll('.monaco-editor .view-line')].find((l) => {
      const r = l.getBoundingClientRect()
      return squiggle.top >= r.top - 1 && squiggle.top < r.bottom
    })
    return (line?.textContent ?? '').replace(/\u00a0/g, ' ')
  })
}

describe('learner code that is broken', () => {
  it('a syntax error is reported before running, with its line, and marked in the editor', async () => {
    await replaceCode(session.page, "const es = new EventSource('/api/stream');\nes.onmessage = (e) => {\n  console.log(JSON.parse(e.data);\n};\n")
    await runToEnd(session.page)
    const [error] = await consoleErrors(session.page)
    expect(error).toMatch(/Your code could not start: SyntaxError: Unexpected token \(line 3, column 33\)\./)
    expect(await markedLine(session.page)).toBe('  console.log(JSON.parse(e.data);')
    expect(await session.page.locator('svg[aria-label="Sequence diagram of the run"] .message').count()).toBe(0)
  })

  it('an error thrown in an event handler names its line, and the run goes on', async () => {
    await replaceCode(
      session.page,
      "const es = new EventSource('/api/stream');\nes.onmessage = (e) => {\n  const score = JSON.parse(e.data);\n  console.log(score.home.toFixed(1), score.team.name);\n};\n",
    )
    expect(await runToEnd(session.page)).toBe('finished')
    const errors = await consoleErrors(session.page)
    expect(errors).toHaveLength(5)
    expect(errors[0]).toMatch(/^1\.050 s\s+Uncaught TypeError: Cannot read properties of undefined \(reading 'name'\) \(line 4, column \d+\)$/)
    expect(await markedLine(session.page)).toBe('  console.log(score.home.toFixed(1), score.team.name);')
  })

  it('an endless loop is stopped with a plain message, and the page keeps painting meanwhile', async () => {
    const { page } = session
    await replaceCode(page, 'let n = 0;\nwhile (true) { n++; }\n')
    // the page's frame times: first 60 frames of this machine as it is now (the yardstick), then
    // while the worker spins
    const gaps = (frames: number[]) => frames.slice(1).map((t, i) => t - frames[i]!)
    const baseline = gaps(
      await page.evaluate(
        () =>
          new Promise<number[]>((resolve) => {
            const frames: number[] = []
            const tick = (t: number) => (frames.push(t) >= 60 ? resolve(frames) : requestAnimationFrame(tick))
            requestAnimationFrame(tick)
          }),
      ),
    )
    await page.evaluate(() => {
      const w = window as unknown as { frames_: number[]; running_: number[] }
      w.frames_ = []
      w.running_ = []
      const tick = (t: number) => {
        w.frames_.push(t)
        if (document.querySelector('.status')?.getAttribute('data-status') === 'running') w.running_.push(performance.now())
        if (w.frames_.length < 10_000) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    expect(await runToEnd(page)).toBe('hung')
    const { frames, running } = await page.evaluate(() => {
      const w = window as unknown as { frames_: number[]; running_: number[] }
      return { frames: w.frames_, running: w.running_ }
    })
    // stopped by the 2 s watchdog: measured from when the run was on to when it was not (the start-up
    // of the run is not the watchdog's business)
    expect(running.at(-1)! - running[0]!).toBeLessThan(8000)
    // more than two seconds of frames, none of them held up by the spinning worker: a frozen page
    // would show one gap of about the two seconds the code spins. The limit is half that, or 3× the
    // longest gap this machine showed just before when it is busier still (a page starved by a busy
    // machine paints slowly, but does not stop for the whole spin)
    const during = gaps(frames)
    expect(during.reduce((a, b) => a + b, 0)).toBeGreaterThan(2000)
    expect(Math.max(...during)).toBeLessThan(Math.max(1000, 3 * Math.max(...baseline)))
    const [error] = await consoleErrors(page)
    expect(error).toContain('Your code ran for more than 2 s without pausing, so the run was stopped.')
  })

  it('infinite recursion is reported as a stack overflow at its line', async () => {
    await replaceCode(session.page, "console.log('start');\nfunction down(n) { return down(n + 1) + 1; }\ndown(0);\n")
    expect(await runToEnd(session.page)).toBe('finished')
    const [error] = await consoleErrors(session.page)
    expect(error).toMatch(/Uncaught RangeError: Maximum call stack size exceeded \(line 2, column \d+\)$/)
  })

  it('an unhandled promise rejection is reported with its line', async () => {
    await replaceCode(session.page, "async function load() {\n  throw new Error('the feed is empty');\n}\nload();\n")
    expect(await runToEnd(session.page)).toBe('finished')
    const [error] = await consoleErrors(session.page)
    expect(error).toMatch(/Unhandled promise rejection: Error: the feed is empty \(line 2, column 9\)$/)
    expect(await markedLine(session.page)).toBe("  throw new Error('the feed is empty');")
  })

  it('a polling loop with no pause is stopped at the request-rate cap, with a message naming it', async () => {
    // a request to another host fails at once, so none waits in the browser's connection pool (6 per
    // origin): the rate alone stops this run. (Polling the lesson's own server every 10 ms, the requests
    // beyond 6 wait in the pool and the open-connection cap stops the run first.)
    await replaceCode(session.page, "setInterval(() => fetch('https://example.invalid/score').catch(() => {}), 10);\n")
    expect(await runToEnd(session.page)).toBe('error')
    const [error] = await consoleErrors(session.page)
    expect(error).toMatch(/Your code sent more than 50 requests within one simulated second \(at 0\.\d{3} s\), so the run was stopped\./)
    expect(await session.page.locator('.status').textContent()).toBe('Stopped: too much network traffic')
  })

  it('EventSources opened in a loop are stopped at the open-connection cap', async () => {
    await replaceCode(session.page, "for (let i = 0; i < 30; i++) new EventSource('/api/stream');\n")
    expect(await runToEnd(session.page)).toBe('error')
    const [error] = await consoleErrors(session.page)
    expect(error).toContain('Your code had more than 20 connections open at once (at 0.000 s)')
  })

  it('works again after all that: a good run logs its scores', async () => {
    // all that: a syntax error, a throw in a handler, too many requests, too many connections
    for (const [broken, ending] of [
      ["const es = new EventSource('/api/stream');\nes.onmessage = (e) => {\n  console.log(JSON.parse(e.data);\n};\n", 'finished'],
      ["const es = new EventSource('/api/stream');\nes.onmessage = (e) => { throw new Error('boom'); };\n", 'finished'],
      ["setInterval(() => fetch('/api/score'), 10);\n", 'error'],
      ["for (let i = 0; i < 30; i++) new EventSource('/api/stream');\n", 'error'],
    ] as const) {
      await replaceCode(session.page, broken)
      expect(await runToEnd(session.page)).toBe(ending)
    }
    await replaceCode(session.page, "const es = new EventSource('/api/stream');\nes.onmessage = (e) => console.log(JSON.parse(e.data).minute);\n")
    expect(await runToEnd(session.page)).toBe('finished')
    const lines = await consoleLines(session.page)
    expect(lines).toHaveLength(5)
    expect(lines.every((l) => /^\d\.050 s \d+$/.test(l))).toBe(true)
    expect(await consoleErrors(session.page)).toEqual([])
    expect(session.pageErrors).toEqual([])
  })
})
