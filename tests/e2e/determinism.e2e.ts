// One clock for both ends: the same code gives the same trace and console at any speed and in step
// mode, even with random real-time delays injected into the transport; nothing in them comes from
// wall-clock time.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { baseURL, usePage } from './support/browser.ts'
import { consoleLines, diagramLabels, openLesson, replaceCode, runToEnd, setSpeed } from './support/lesson-page.ts'

const session = usePage()

// an SSE stream that is dropped and resumed, fetches on a client timer, Date and performance in the
// learner realm, and a close
const CODE = `const es = new EventSource('/api/stream');
const t0 = performance.now();
es.onmessage = (e) => console.log('event', e.lastEventId, 'at', performance.now() - t0, new Date().toISOString());
es.onerror = () => console.log('error', es.readyState);
const timer = setInterval(async () => {
  const res = await fetch('/api/score');
  console.log('score at', Date.now() % 100000, (await res.json()).minute);
}, 1530);
setTimeout(() => { clearInterval(timer); es.close(); console.log('closed'); }, 9000);`

async function prepare(p: Page, speed: number, startPaused: boolean) {
  await p.goto(`${baseURL()}?wirelab-noise=25#/lesson/04-sse-reconnect`)
  await p.locator('.monaco-editor .view-lines').waitFor()
  await setSpeed(p, speed)
  const box = p.getByLabel('Start paused')
  if ((await box.isChecked()) !== startPaused) await box.click()
  await replaceCode(p, CODE)
}

const record = async (p: Page) => ({ console: await consoleLines(p), diagram: await diagramLabels(p) })

describe('determinism', () => {
  it('gives the same console and sequence diagram at 1×, at 4× and step by step, under injected noise', async () => {
    const { page } = session
    await prepare(page, 1, false)
    expect(await runToEnd(page)).toBe('finished')
    const atOne = await record(page)

    await prepare(page, 4, false)
    expect(await runToEnd(page)).toBe('finished')
    const atFour = await record(page)

    await prepare(page, 4, true)
    await page.getByRole('button', { name: '▶ Run' }).click()
    const step = page.getByRole('button', { name: 'Step ▸' })
    let steps = 0
    while ((await page.locator('.status').getAttribute('data-status')) !== 'finished' && steps < 500) {
      // the run may end between the check and the click
      if (await step.isEnabled()) await step.click({ timeout: 2000 }).catch(() => undefined)
      steps++
    }
    const stepped = await record(page)

    expect(atFour).toEqual(atOne)
    expect(stepped).toEqual(atOne)
    expect(steps).toBeGreaterThan(20)
    expect(atOne.console.slice(0, 5)).toEqual([
      expect.stringMatching(/^1\.050 s event 1 at 1050 2026-01-15T19:30:01\.050Z$/),
      expect.stringMatching(/^1\.630 s score at 1630 \d+$/),
      expect.stringMatching(/^2\.050 s event 2 at 2050 2026-01-15T19:30:02\.050Z$/),
      expect.stringMatching(/^3\.050 s event 3 at 3050 /),
      expect.stringMatching(/^3\.160 s score at 3160 \d+$/),
    ])
    expect(atOne.console).toContain('3.550 s error 0')
    expect(atOne.console.at(-1)).toBe('9.000 s closed')
  })

  it('holds a long-poll request open across steps until the step that releases it', async () => {
    const { page } = session
    await openLesson(page, '03-long-polling')
    const box = page.getByLabel('Start paused')
    if (!(await box.isChecked())) await box.click()
    await replaceCode(page, "const res = await fetch('/api/messages/wait?since=0');\nconsole.log(res.status);")
    await page.getByRole('button', { name: '▶ Run' }).click()
    const step = page.getByRole('button', { name: 'Step ▸' })
    const rows = () => diagramLabels(page)
    await expect.poll(rows).toEqual(['0.000 s: GET /api/messages/wait?since=0 fetch, from client to server'])
    await step.click()
    await expect.poll(rows).toHaveLength(2) // 0.050 s: the server holds it
    await page.waitForTimeout(500) // real time passes; simulated time does not
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
