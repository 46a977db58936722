// EventSource's own reconnection, on the simulated clock: a dropped connection, a reconnect after the
// server's logical retry with a reconstructed Last-Event-ID, the missed events replayed, and a 204 that
// stops it for good. Also: an EventSource pointed at a JSON endpoint fails as in a browser.
import { describe, expect, it } from 'vitest'
import { usePage } from './support/browser.ts'
import { consoleLines, diagramLabels, openLesson, replaceCode, runPaused, runToEnd, setSpeed, stepUntil, waitForRunEnd } from './support/lesson-page.ts'

const session = usePage()

describe('SSE reconnection', () => {
  it('reconnects after retry with Last-Event-ID, gets the missed events replayed, and stops at 204', async () => {
    const { page } = session
    await openLesson(page, '04-sse-reconnect')
    await setSpeed(page, Infinity)
    await replaceCode(
      page,
      "const es = new EventSource('/api/stream');\nes.onmessage = (e) => console.log(e.lastEventId);\nes.onerror = () => console.log('error', es.readyState);\n",
    )
    expect(await runToEnd(page)).toBe('finished')
    // lost at 3.5 s (the client learns at 3.55); retry 2000 → the browser asks again at 5.55 with Last-Event-ID: 3
    expect(await consoleLines(page)).toEqual([
      '1.050 s 1',
      '2.050 s 2',
      '3.050 s 3',
      '3.550 s error 0',
      '5.650 s 4',
      '5.650 s 5',
      '6.050 s 6',
      '7.050 s 7',
      '8.050 s 8',
      '8.050 s error 0',
      '10.150 s error 2',
    ])
    const diagram = await diagramLabels(page)
    expect(diagram).toContain('3.500 s: connection lost , from network to client')
    expect(diagram).toContain('5.550 s: GET /api/stream Accept: text/event-stream, from client to server')
    expect(diagram).toContain('10.100 s: 204 No Content , from server to client')
    await page.locator('svg[aria-label="Sequence diagram of the run"] .message', { hasText: 'GET /api/stream' }).nth(1).click()
    const wire = (await page.locator('[data-testid=wire-text]').textContent()) ?? ''
    expect(wire).toMatch(/\r\nLast-Event-ID: 3\r\n\r\n$/)
    expect(await page.locator('[data-testid=reconstructed-note]').textContent()).toContain('Last-Event-ID: 3')
    expect(await page.locator('[data-testid=server-stats]').textContent()).toBe('Server: 2 streams opened · 2 events replayed')
  })

  it('fails an EventSource whose response is not text/event-stream, without reconnecting', async () => {
    const { page } = session
    await openLesson(page, '03-sse-first-stream')
    await setSpeed(page, Infinity)
    await replaceCode(
      page,
      "const es = new EventSource('/api/score');\nes.onerror = () => console.log('error', es.readyState);\nes.onmessage = () => console.log('message');\n",
    )
    expect(await runToEnd(page)).toBe('finished')
    expect(await consoleLines(page)).toEqual(['0.100 s error 2'])
    expect((await diagramLabels(page)).filter((l) => l.includes('GET /api/score'))).toHaveLength(1)
  })
})

describe('dropping one connection from the inspector', () => {
  it('the EventSource reconnects with Last-Event-ID and, thanks to the replay, misses nothing', async () => {
    const { page } = session
    await openLesson(page, '04-sse-reconnect')
    await replaceCode(page, "const es = new EventSource('/api/stream');\nes.onmessage = (e) => console.log(e.lastEventId);")
    // the drop at a known instant: paused right after the first event has been logged
    await runPaused(page)
    await stepUntil(page, async () => (await consoleLines(page)).length > 0)
    expect(await consoleLines(page)).toEqual(['1.050 s 1'])
    await page.locator('svg[aria-label="Sequence diagram of the run"] .message').first().click()
    await page.getByRole('button', { name: '⚡ Drop connection c1' }).click()
    await setSpeed(page, Infinity)
    await page.getByRole('button', { name: '▶▶ Resume' }).click()
    expect(await waitForRunEnd(page)).toBe('finished')
    const ids = (await consoleLines(page)).map((l) => l.split(' ').at(-1))
    expect(ids).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
    const diagram = await diagramLabels(page)
    expect(diagram.some((l) => l.includes('The connection c1 is dropped.'))).toBe(true)
    await page.locator('svg[aria-label="Sequence diagram of the run"] .message', { hasText: 'GET /api/stream' }).nth(1).click()
    expect(await page.locator('[data-testid=wire-text]').textContent()).toMatch(/\r\nLast-Event-ID: \d\r\n\r\n$/)
  })
})
