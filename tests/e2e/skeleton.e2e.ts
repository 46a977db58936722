// A new learner's first visit: the home page, the SSE lesson, a run of the starter code, and a look
// at the exact bytes of one event.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons } from '../../src/lib/lesson/load-lessons.ts'
import { baseURL, usePage } from './support/browser.ts'
import { checkStates, consoleLines, diagramLabels, editorText, openLesson, runToEnd, setSpeed } from './support/lesson-page.ts'

const session = usePage()

/** open the SSE lesson and run its starter, skipping ahead (the same trace as at any speed) */
async function runTheStarter(): Promise<void> {
  await openLesson(session.page, '03-sse-first-stream')
  await setSpeed(session.page, Infinity)
  expect(await runToEnd(session.page)).toBe('finished')
}

describe('a new learner opens the SSE lesson and runs the starter', () => {
  it('finds the lesson on the home page (loaded from lessons/)', async () => {
    await session.page.goto(`${baseURL()}#/`)
    await expect.poll(() => session.page.locator('h1').textContent()).toBe('Wirelab')
    const links = await session.page.locator('.lesson-link').allTextContents()
    // every lesson in lessons/, grouped by the parts of lessons/_parts.yml, each part in lesson order
    const { lessons, parts } = loadLessons(resolve('lessons'))
    expect(await session.page.locator('main h2[id^="part-"]').allTextContents()).toEqual(parts.map((p) => p.title))
    expect(links.map((l) => l.trim())).toEqual(parts.flatMap((p) => lessons.filter((l) => l.meta.part === p.title).map((l) => l.meta.title)))
    expect(links).toContain('Server-Sent Events: your first stream')
  })

  it('opens it: text with a rendered mermaid diagram, the starter in Monaco, buttons and panes', async () => {
    await session.page.goto(`${baseURL()}#/`)
    await session.page.locator('.lesson-link', { hasText: 'Server-Sent Events: your first stream' }).click()
    await session.page.locator('.monaco-editor .view-lines').waitFor()
    expect(await session.page.locator('article h1').textContent()).toBe('Server-Sent Events: your first stream')
    await session.page.locator('.lesson-text figure.diagram svg').waitFor()
    expect(await session.page.locator('.lesson-text figure.diagram svg').textContent()).toContain('200 OK (Content-Type: text/event-stream)')
    const code = await editorText(session.page)
    expect(code).toContain("const es = new EventSource('/api/stream');")
    expect(code).toContain('// TODO: e.data is text.')
    for (const name of ['▶ Run', '■ Stop', 'Reset', 'Show solution']) expect(await session.page.getByRole('button', { name, exact: true }).count()).toBe(1)
    expect(await session.page.locator('[aria-label="Console"]').count()).toBe(1)
    expect(await session.page.locator('svg[aria-label="Sequence diagram of the run"]').count()).toBe(1)
    expect(await session.page.locator('svg[aria-label="Network timeline"]').count()).toBe(1)
    expect(await checkStates(session.page)).toEqual([{ id: 'logs-three-scores', state: 'pending', message: '' }])
  })

  it('runs the starter in a worker: the console shows each score as the text the server sent', async () => {
    await runTheStarter()
    const lines = await consoleLines(session.page)
    expect(lines).toHaveLength(5)
    // one event per simulated second, 50 ms latency: the match ticks every second on the server, 50 ms latency: logged at 1.050 s, 2.050 s, …
    expect(lines[0]).toMatch(/^1\.050 s \{"match":"Lions vs Tigers","minute":\d+,"home":\d+,"away":\d+\}$/)
    expect(lines[4]).toMatch(/^5\.050 s \{"match":"Lions vs Tigers"/)
  })

  it('shows the request, the 200 head and one arrow per event in the sequence diagram', async () => {
    await runTheStarter()
    const labels = await diagramLabels(session.page)
    expect(labels.slice(0, 2)).toEqual([
      '0.000 s: GET /api/stream Accept: text/event-stream, from client to server',
      '0.050 s: 200 OK Content-Type: text/event-stream, from server to client',
    ])
    const events = labels.filter((l) => / id: \d+ · message /.test(l))
    expect(events).toHaveLength(5)
    expect(events[2]).toMatch(/^3\.000 s: id: 3 · message \{"match"/)
    expect(labels.at(-1)).toBe('5.500 s: connection closed by the client , from client to server')
  })

  it('shows one long bar for the stream with a tick per event in the timeline', async () => {
    await runTheStarter()
    const rows = session.page.locator('svg[aria-label="Network timeline"] .row')
    expect(await rows.count()).toBe(1)
    expect(await rows.locator('.row-label').textContent()).toBe('c1 GET /api/stream')
    expect(await rows.locator('.open.streaming').count()).toBe(1)
    expect(await rows.locator('.tick').count()).toBe(5)
  })

  it('shows the exact wire text of an event when its tick is clicked', async () => {
    await runTheStarter()
    await session.page.locator('svg[aria-label="Network timeline"] .tick').nth(2).click()
    const escaped = await session.page.locator('[data-testid=wire-escaped]').textContent()
    expect(escaped).toMatch(/^id: 3\\ndata: \{"match":"Lions vs Tigers","minute":\d+,"home":\d+,"away":\d+\}\\n\\n$/)
    const wire = await session.page.locator('[data-testid=wire-text]').textContent()
    expect(wire).toBe(escaped!.replace(/\\n/g, '\n'))
    // the text the learner's code logged for event 3 is the data line of that event
    const logged = (await consoleLines(session.page))[2]!.replace(/^3\.050 s /, '')
    expect(wire).toBe(`id: 3\ndata: ${logged}\n\n`)
    expect(await session.page.locator('.inspector').textContent()).toContain('travels as one chunk')
  })

  it('shows the request head with the observed Accept header and the modelled Host header marked', async () => {
    await runTheStarter()
    await session.page.locator('svg[aria-label="Sequence diagram of the run"] .message').first().click()
    const wire = (await session.page.locator('[data-testid=wire-text]').textContent()) ?? ''
    expect(wire.startsWith('GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1:')).toBe(true)
    expect(wire).toContain('\r\nAccept: text/event-stream\r\n')
    expect(wire).not.toContain('__wirelab')
    expect(await session.page.locator('.inspector .note').first().textContent()).toContain('Modelled: Host')
  })

  it('fails the check with a message that says what to change', async () => {
    await runTheStarter()
    const [check] = await checkStates(session.page)
    expect(check!.state).toBe('fail')
    expect(check!.message).toBe('You logged 5 messages, but as text (e.g. \'{"match":…}\'), not as objects. Parse e.data with JSON.parse before logging it.')
    expect(session.pageErrors).toEqual([])
  })
})
