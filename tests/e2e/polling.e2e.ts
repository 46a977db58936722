// fetch through the simulated wire: short polling, a held long poll, an abort, and a host that does not
// exist (never dialled on the real network).
import { describe, expect, it } from 'vitest'
import { usePage } from './support/browser.ts'
import { consoleLines, diagramLabels, openLesson, replaceCode, runPaused, runToEnd, setSpeed, stepUntil, waitForRunEnd } from './support/lesson-page.ts'

const session = usePage()

async function run(slug: string, code: string) {
  const { page } = session
  await openLesson(page, slug)
  await setSpeed(page, Infinity)
  await replaceCode(page, code)
  expect(await runToEnd(page)).toBe('finished')
  return { console: await consoleLines(page), diagram: await diagramLabels(page) }
}

describe('fetch on the simulated wire', () => {
  it('short polling: each request and answer is in the diagram, with the exact response head and body', async () => {
    const { console, diagram } = await run(
      '01-short-polling',
      "const res = await fetch('/api/messages?since=0');\nconsole.log(res.status, await res.json());\nsetTimeout(async () => console.log((await (await fetch('/api/messages?since=0')).json()).messages[0].text), 1500);",
    )
    expect(console).toEqual(['0.100 s 200 {messages: [], last: 0}', '1.700 s Lunch at noon?'])
    expect(diagram.slice(0, 2)).toEqual([
      '0.000 s: GET /api/messages?since=0 fetch, from client to server',
      '0.050 s: 200 OK {"messages":[],"last":0}, from server to client',
    ])
    await session.page.locator('svg[aria-label="Sequence diagram of the run"] .message').nth(1).click()
    expect(await session.page.locator('[data-testid=wire-text]').first().textContent()).toBe(
      'HTTP/1.1 200 OK\r\nDate: Thu, 15 Jan 2026 19:30:00 GMT\r\nContent-Type: application/json\r\nContent-Length: 24\r\n\r\n',
    )
    expect(await session.page.locator('[data-testid=server-stats]').textContent()).toBe('Server: 2 requests served · 1 empty answer · 0 requests held')
  })

  it('long polling: the held request shows as a span until the message arrives, then 204 after the hold timeout', async () => {
    const { console, diagram } = await run(
      '02-long-polling',
      "const a = await fetch('/api/messages/wait?since=0');\nconsole.log(a.status);\nconst b = await fetch('/api/messages/wait?since=4');\nconsole.log(b.status);",
    )
    expect(console).toEqual(['1.250 s 200', '4.350 s 204'])
    expect(diagram).toContain('0.050 s: server holds the request no new data yet, from server to server')
    expect(diagram).toContain('4.300 s: 204 No Content , from server to client')
    expect(await session.page.locator('svg[aria-label="Network timeline"] .held').count()).toBe(2)
  })

  it('an aborted request gets no response in the trace, even when the server has data later', async () => {
    const { console, diagram } = await run(
      '02-long-polling',
      "const c = new AbortController();\nfetch('/api/messages/wait?since=0', { signal: c.signal }).catch((e) => console.log(e.name));\nsetTimeout(() => c.abort(), 500);",
    )
    expect(console).toEqual(['0.500 s AbortError'])
    expect(diagram).toEqual([
      '0.000 s: GET /api/messages/wait?since=0 fetch, from client to server',
      '0.050 s: server holds the request no new data yet, from server to server',
      '0.500 s: connection closed by the client , from client to server',
    ])
    expect(diagram.some((l) => l.includes('200 OK'))).toBe(false)
  })

  it('a request to another host fails like a lookup failure and never reaches the real network', async () => {
    let dialled = false
    await session.page.context().route(/example\.invalid/, (route) => {
      dialled = true
      return route.abort()
    })
    const { console, diagram } = await run(
      '01-short-polling',
      "try { await fetch('http://example.invalid/api/messages'); } catch (e) { console.log(e.name, e.message); }",
    )
    expect(console).toEqual(['0.000 s TypeError Failed to fetch'])
    expect(diagram[0]).toBe('0.000 s: connection failed There is no server at example.invalid, from client to client')
    expect(dialled).toBe(false)
  })
})

// A fault is pressed at a known simulated instant: the run starts paused, steps to the instant, the
// button is pressed, and the rest skips ahead. (Pressed during a live run, it landed wherever the click
// happened to.)
describe('the learner breaks the network', () => {
  it('Offline 3 s: requests fail until the network is back, then polling recovers', async () => {
    const { page } = session
    await openLesson(page, '01-short-polling')
    await replaceCode(
      page,
      "setInterval(async () => {\n  try { const res = await fetch('/api/messages?since=0'); console.log('ok', res.status); }\n  catch (e) { console.log('failed', e.message); }\n}, 1000);",
    )
    await runPaused(page)
    await stepUntil(page, async () => (await consoleLines(page)).some((l) => l.includes('ok 200')))
    expect(await consoleLines(page)).toEqual(['1.100 s ok 200'])
    await page.getByRole('button', { name: '⚡ Offline 3 s' }).click()
    await setSpeed(page, Infinity)
    await page.getByRole('button', { name: '▶▶ Resume' }).click()
    expect(await waitForRunEnd(page)).toBe('finished')
    const lines = await consoleLines(page)
    const firstFail = lines.findIndex((l) => l.includes('failed Failed to fetch'))
    expect(firstFail).toBeGreaterThan(0)
    const recovered = lines.slice(firstFail).findIndex((l) => l.includes('ok 200'))
    expect(recovered).toBeGreaterThan(0)
    const diagram = await diagramLabels(page)
    expect(diagram.some((l) => l.includes('The network goes offline for 3 s'))).toBe(true)
    expect(diagram.some((l) => l.includes('The network is back online'))).toBe(true)
  })

  it('Restart server: connections close and the server forgets the messages it had stored', async () => {
    const { page } = session
    await openLesson(page, '01-short-polling')
    await replaceCode(
      page,
      "setInterval(async () => {\n  const body = await (await fetch('/api/messages?since=0')).json();\n  console.log('count', body.messages.length);\n}, 500);",
    )
    await runPaused(page)
    await stepUntil(page, async () => (await consoleLines(page)).some((l) => l.includes('count 1')))
    await page.getByRole('button', { name: '⚡ Restart server' }).click()
    await setSpeed(page, Infinity)
    await page.getByRole('button', { name: '▶▶ Resume' }).click()
    expect(await waitForRunEnd(page)).toBe('finished')
    const counts = (await consoleLines(page)).map((l) => Number(l.split(' ').at(-1)))
    const afterRestart = counts.slice(counts.indexOf(1)).findIndex((c) => c === 0)
    expect(afterRestart).toBeGreaterThan(0) // the stored message is gone after the restart
    expect((await diagramLabels(page)).some((l) => l.includes('The server restarts: its connections close and it loses the 1 message it had stored.'))).toBe(
      true,
    )
  })
})
