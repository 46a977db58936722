// The page never freezes or crashes because of a value or a file: giant strings, keys, errors and ui
// calls, values that nest wide and deep, a million console lines, hostile trace files and lesson
// addresses. Each run's largest frame gap is measured against a normal run's in the same page.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { baseURL, usePage } from './support/browser.ts'
import { startFrameGaps, stopFrameGaps } from './support/frame-gaps.ts'
import { consoleLines, openLesson, replaceCode, runToEnd, setSpeed } from './support/lesson-page.ts'

const session = usePage()
/** runs `code` in lesson `slug` at skip-ahead speed; the final status and the largest frame gap */
async function run(page: Page, slug: string, code: string): Promise<{ status: string; gap: number }> {
  await openLesson(page, slug)
  await setSpeed(page, Infinity)
  await replaceCode(page, code)
  await startFrameGaps(page)
  const status = await runToEnd(page)
  return { status, gap: await stopFrameGaps(page) }
}

const NORMAL = "const es = new EventSource('/api/stream')\nes.onmessage = (e) => console.log(JSON.parse(e.data))"

/** the largest frame gap of a normal run, measured now, in the same page: what this machine shows at this moment */
async function normalGap(page: Page): Promise<number> {
  const { status, gap } = await run(page, '03-sse-first-stream', NORMAL)
  expect(status).toBe('finished')
  return gap
}

/**
 * No gap may be much longer than a normal run's measured just before (each test measures its own, so
 * no test depends on another, and both runs see the machine as busy as it is): generous, so a busy
 * machine does not fail it
 */
const bound = (reference: number) => Math.max(1500, 4 * reference)
const consoleErrors = (p: Page) => p.locator('[data-testid=console-error]').allInnerTexts()

describe('giant values from learner code', () => {
  it('a 20-million-character key is cut, with the page painting', async () => {
    const reference = await normalGap(session.page)
    const { status, gap } = await run(session.page, '03-sse-first-stream', "console.log({ ['k'.repeat(2e7)]: 1 })")
    expect(status).toBe('finished')
    const [line] = await consoleLines(session.page)
    expect(line).toBe(`0.000 s {${'k'.repeat(200)}…: 1}`)
    expect(gap).toBeLessThan(bound(reference))
  })

  it('a 20-million-character string and error message are cut and say how much is missing', async () => {
    const reference = await normalGap(session.page)
    const { status, gap } = await run(session.page, '03-sse-first-stream', "console.log('s'.repeat(2e7))\nthrow new Error('E'.repeat(2e7))")
    expect(status).toBe('finished')
    const [line] = await consoleLines(session.page)
    expect(line).toBe(`0.000 s ${'s'.repeat(10_000)}… (19,990,000 more characters not shown)`)
    const [error] = await consoleErrors(session.page)
    expect(error!.replace(/\s+/g, ' ')).toMatch(new RegExp(`^0\\.000 s Uncaught Error: E{10000}… \\(line 2, column \\d+\\)$`))
    expect(gap).toBeLessThan(bound(reference))
  })

  it('a value a hundred wide and deep, logged five times, is cut to a few thousand nodes', async () => {
    const reference = await normalGap(session.page)
    // cheap to make (every level shares one array), 100^5 values to visit for whoever walks it
    const code = 'let v = [1, 2, 3]\nfor (let d = 0; d < 5; d++) v = new Array(100).fill(v)\nfor (let i = 0; i < 5; i++) console.log(v)'
    const { status, gap } = await run(session.page, '03-sse-first-stream', code)
    expect(await consoleErrors(session.page)).toEqual([])
    expect(status).toBe('finished')
    const lines = await consoleLines(session.page)
    expect(lines).toHaveLength(5)
    expect(lines[0]!.length).toBeLessThan(40_000)
    expect(gap).toBeLessThan(bound(reference))
  })

  it('a million console lines: the first 2,000 arrive, the rest are counted, and the run ends by itself', async () => {
    const reference = await normalGap(session.page)
    const { status, gap } = await run(session.page, '03-sse-first-stream', "for (let i = 0; i < 1e6; i++) console.log('line', i)")
    expect(status).toBe('finished')
    expect(await session.page.getByTestId('console-left-out').textContent()).toMatch(
      /^\s*… 998,000 more lines were not shown: a run shows the first 2,000 lines/,
    )
    const lines = await consoleLines(session.page)
    expect(lines.at(-1)).toBe('0.000 s line 1999')
    expect(gap).toBeLessThan(bound(reference))
  })

  it('a 20-million-character ui item is cut in the Output pane', async () => {
    const reference = await normalGap(session.page)
    const { status, gap } = await run(session.page, '07-choosing-the-right-tool', "ui.append('u'.repeat(2e7))")
    expect(status).toBe('finished')
    await session.page.getByRole('tab', { name: 'Output' }).click()
    const item = await session.page.getByTestId('output-list').locator('li').first().textContent()
    expect(item).toBe(`${'u'.repeat(10_000)}…`)
    expect(gap).toBeLessThan(bound(reference))
  })
})

describe('hostile files and addresses', () => {
  it('a lesson address such as #/lesson/__proto__ shows the normal "no such lesson" page', async () => {
    for (const slug of ['__proto__', 'constructor', 'toString']) {
      await session.page.goto(`${baseURL()}#/lesson/${slug}`)
      const alert = session.page.locator('main[role=alert]')
      await alert.waitFor()
      expect(await alert.innerText()).toBe(`There is no lesson "${slug}".\n\nBack to all lessons`)
    }
  })

  it('trace files that are too big or do not fit the format are refused with a clear message', async () => {
    const reference = await normalGap(session.page)
    const { page } = session
    await run(page, '03-sse-first-stream', "console.log('ready')")
    await page.getByText('Export / open').click()
    const input = page.locator('input[type=file]')
    const status = page.getByTestId('export-status')
    const open = async (name: string, text: string) => {
      // from a file on disk: the browser reads it where it is, nothing crosses the DevTools protocol
      const path = join(mkdtempSync(join(tmpdir(), 'wirelab-trace-')), name)
      writeFileSync(path, text)
      await input.setInputFiles(path)
      await expect.poll(() => status.textContent()).not.toMatch(/^Opening/)
      return status.textContent()
    }
    const event = { seq: 1, t: 0, arrives: 0, conn: 'c1', from: 'client', to: 'server', bytes: 0, kind: 'conn.close', reason: 'x' }
    const file = (events: unknown[]) => JSON.stringify({ format: 'wirelab-trace', version: 2, events })
    await startFrameGaps(page)
    expect(await open('big.json', ' '.repeat(25 * 1024 * 1024))).toBe('big.json could not be opened: it is 25 MB, and Wirelab opens traces up to 20 MB.')
    expect(await open('types.json', file([{ ...event, kind: 'http.response', status: 'x', reason: '', headers: [], wire: '', streaming: false }]))).toMatch(
      /^types\.json could not be opened: Trace event 1: field "status": .+\.$/,
    )
    expect(
      await open(
        'length.json',
        file([
          {
            ...event,
            kind: 'ws.frame',
            payloadLength: 1e300,
            fin: true,
            rsv: [false, false, false],
            opcode: 1,
            opcodeName: 'text',
            maskKey: null,
            hex: '',
            payloadHex: '',
          },
        ]),
      ),
    ).toMatch(/field "payloadLength"/)
    expect(await open('long-string.json', file([{ ...event, reason: 'r'.repeat(5 * 1024 * 1024) }]))).toMatch(
      /^long-string\.json could not be opened: Trace event 1: field "reason": /,
    )
    expect(await stopFrameGaps(page)).toBeLessThan(bound(reference))
    // a good file still opens
    expect(await open('good.json', file([event]))).toBe('Opened good.json: replay it with the controls.')
  })
})
