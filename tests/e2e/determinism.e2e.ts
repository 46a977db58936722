// One clock for both ends: the same code gives the same trace and console at any speed, and nothing in
// them comes from wall-clock time.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { baseURL, usePage } from './support/browser.ts'
import { consoleLines, diagramLabels, openLesson, replaceCode, runToEnd, setSpeed } from './support/lesson-page.ts'

const session = usePage(async (p) => {
  await openLesson(p, '01-sse-first-stream')
})

// a client timer, Date and performance in the learner realm, interleaved with server events
const CODE = `const es = new EventSource('/api/stream');
const t0 = performance.now();
es.onmessage = (e) => console.log('event', JSON.parse(e.data).minute, 'at', performance.now() - t0, new Date().toISOString());
setTimeout(() => console.log('timer at', Date.now() % 100000), 1530);
setTimeout(() => es.close(), 3200);`

async function runAt(p: Page, speed: number) {
  await setSpeed(p, speed)
  await replaceCode(p, CODE)
  expect(await runToEnd(p)).toBe('finished')
  return { console: await consoleLines(p), diagram: await diagramLabels(p) }
}

describe('determinism', () => {
  it('gives the same console and sequence diagram at 1× and at 4×', async () => {
    const slow = await runAt(session.page, 1)
    const fast = await runAt(session.page, 4)
    expect(fast).toEqual(slow)
    expect(slow.console).toEqual([
      expect.stringMatching(/^1\.050 s event \d+ at 1050 2026-01-15T19:30:01\.050Z$/),
      '1.530 s timer at 1530',
      expect.stringMatching(/^2\.050 s event \d+ at 2050 2026-01-15T19:30:02\.050Z$/),
      expect.stringMatching(/^3\.050 s event \d+ at 3050 2026-01-15T19:30:03\.050Z$/),
    ])
    expect(slow.diagram.at(-1)).toBe('3.200 s: connection closed by the client , from client to server')
  })

  it('serves the msw worker script of the installed msw version', async () => {
    const installed = JSON.parse(readFileSync('node_modules/msw/package.json', 'utf8')).version as string
    const script = await (await fetch(`${baseURL()}mockServiceWorker.js`)).text()
    expect(script).toContain(`const PACKAGE_VERSION = '${installed}'`)
  })
})
