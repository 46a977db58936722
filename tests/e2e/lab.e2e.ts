// The protocol comparison lab (#/lab), as a learner uses it: reached from the home page and from lesson
// 07, a slider moved with the keyboard, the bars, the plot and the tables changing to the numbers the
// model gives for the new settings (recomputed here in Node), a CSV with exactly those numbers, the
// page never frozen while the worker computes, and the questions answered.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { baseURL, usePage } from './support/browser.ts'
import { startFrameGaps, stopFrameGaps } from './support/frame-gaps.ts'
import { openLesson } from './support/lesson-page.ts'
import { computeLive, computePlot, computeScale, type LabSettings } from '../../src/lib/sim/lab/lab-compute.ts'
import { formatCell, TABLE_ROWS, tablesToCsv } from '../../src/lib/sim/lab/csv.ts'
import { compact, TECHNIQUE_NAMES } from '../../src/lib/components/lab/format.ts'
import { TECHNIQUES } from '../../src/lib/sim/lab/reference-clients.ts'

const session = usePage()
const DEFAULTS: LabSettings = {
  workload: 'inbox',
  perMinute: 1 / 60,
  clients: 1,
  pollIntervalMs: 30_000,
  holdTimeoutMs: 30_000,
  rttMs: 100,
  proxyIdleTimeoutMs: null,
  durationMs: 3_600_000,
  seed: 1,
}
const TEN_THOUSAND = { ...DEFAULTS, clients: 10_000 }

/** waits until every number on the page belongs to the settings shown (the worker has answered them all) */
const settled = (page: Page) => page.locator('[data-testid=lab-status][data-settled=true]').waitFor({ timeout: 60_000 })
const cell = (page: Page, table: string, measure: string, technique: string) =>
  page.locator(`[data-testid=${table}] tr[data-measure="${measure}"] td[data-technique=${technique}]`)
const row = (label: string) => TABLE_ROWS.find((r) => r.label === label)!

/** each test opens the lab itself (the shared page is reset between tests); `clients: 10_000` moves the slider to its end */
async function openLab(page: Page, { tenThousand = false } = {}): Promise<void> {
  await page.goto(`${baseURL()}#/lab`)
  await settled(page)
  if (!tenThousand) return
  await page.getByRole('slider', { name: 'Clients' }).focus()
  await page.keyboard.press('End')
  await settled(page)
}

describe('the lab', () => {
  it('is reachable from the home page and from lesson 07', async () => {
    const { page } = session
    await page.goto(baseURL())
    await page.getByRole('link', { name: 'The lab: choosing the right tool, in numbers' }).click()
    await expect.poll(() => page.url()).toMatch(/#\/lab$/)
    await page.getByRole('heading', { level: 1, name: 'The lab: choosing the right tool, in numbers' }).waitFor()
    await openLesson(page, '07-choosing-the-right-tool')
    await page.getByRole('link', { name: 'the lab', exact: true }).click()
    await expect.poll(() => page.url()).toMatch(/#\/lab$/)
    await settled(page)
  })

  it("shows the model's numbers for the defaults, and the live run agrees with it", async () => {
    const { page } = session
    await openLab(page)
    const scale = computeScale(DEFAULTS).measures
    for (const label of ['Requests', 'Empty answers', 'Bytes: headers', 'Delivery delay: mean (ms)'])
      for (const m of scale) expect(await cell(page, 'scale-table', label, m.technique).textContent()).toBe(formatCell(row(label), m))
    expect(await cell(page, 'scale-table', 'Requests', 'short-polling').textContent()).toBe('121')
    expect(await page.getByTestId('model-agrees').getAttribute('data-agrees')).toBe('true')
    const live = computeLive(DEFAULTS).measures
    for (const m of live) expect(await cell(page, 'live-table', 'Bytes: total', m.technique).textContent()).toBe(formatCell(row('Bytes: total'), m))
  })

  it('moves the clients slider with the keyboard: bars, plot and tables follow', async () => {
    const { page } = session
    await openLab(page)
    const slider = page.getByRole('slider', { name: 'Clients' })
    await slider.focus()
    await page.keyboard.press('End')
    expect(await page.getByTestId('value-Clients').textContent()).toBe('10,000 clients')
    expect(await slider.getAttribute('aria-valuetext')).toBe('10,000 clients')
    await settled(page)

    const scale = computeScale(TEN_THOUSAND)
    const shortPolling = scale.measures[0]!
    // 10 000 clients polling every 30 s: 333 requests a second at the server
    expect((shortPolling.requests / 3600).toFixed(2)).toBe('333.42')
    expect(await page.locator('[data-testid=bars] .value[data-technique=short-polling]').textContent()).toBe('333 requests/s')
    for (const m of scale.measures) {
      expect(await cell(page, 'scale-table', 'Requests', m.technique).textContent()).toBe(formatCell(row('Requests'), m))
      expect(await cell(page, 'scale-table', 'Delivery delay: p95 (ms)', m.technique).textContent()).toBe(formatCell(row('Delivery delay: p95 (ms)'), m))
    }
    // the plot's description names each line's first and last value: those of the model at these settings
    const plot = computePlot(TEN_THOUSAND, scale)
    const description = await page.getByTestId('rate-plot').getAttribute('aria-label')
    for (const t of TECHNIQUES) {
      const values = plot[t].requestsPerSecond
      expect(description).toContain(`${TECHNIQUE_NAMES[t]}: from ${compact(values[0]!)} to ${compact(values.at(-1)!)}`)
    }
    // and one step back (ArrowLeft: 5 000 clients) halves the requests again
    await page.keyboard.press('ArrowLeft')
    await settled(page)
    const half = computeScale({ ...DEFAULTS, clients: 5000 }).measures[0]!
    expect(await cell(page, 'scale-table', 'Requests', 'short-polling').textContent()).toBe(formatCell(row('Requests'), half))
    await page.keyboard.press('ArrowRight')
    await settled(page)
  })

  it('downloads both tables as CSV, with the numbers shown', async () => {
    const { page } = session
    await openLab(page, { tenThousand: true })
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the tables as CSV' }).click()])
    expect(download.suggestedFilename()).toBe('wirelab-lab-inbox.csv')
    const csv = readFileSync((await download.path())!, 'utf8')
    const live = computeLive(TEN_THOUSAND)
    expect(csv).toBe(
      tablesToCsv([
        { name: 'model (10,000 clients, 1 h)', measures: computeScale(TEN_THOUSAND).measures },
        { name: `live (3 clients, 1 h)`, measures: live.measures },
      ]),
    )
    expect(csv.split('\r\n')[0]).toBe('table,measure,short-polling,long-polling,sse,websocket')
    expect(csv).toContain('"model (10,000 clients, 1 h)",Requests per second at the server,333.42,')
  })

  it('asks questions that the numbers on the page answer', async () => {
    const { page } = session
    await openLab(page, { tenThousand: true })
    const question = page.locator('[data-testid=question][data-question=inbox-delay-and-cost]')
    // the page shows 333 requests a second and a mean delay of about 15 s: the option that says so
    await question.getByRole('radio', { name: /^Mail waits about 15 s on average/ }).focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(() => question.getAttribute('data-state')).toBe('right')
    const mean = Number((await cell(page, 'scale-table', 'Delivery delay: mean (ms)', 'short-polling').textContent())!.replace(/,/g, ''))
    expect(mean).toBeGreaterThan(14_000)
    expect(mean).toBeLessThan(16_000)
    expect(session.pageErrors).toEqual([])
  })

  it('keeps drawing while the worker computes a busy workload', async () => {
    const { page } = session
    await openLab(page, { tenThousand: true })
    // a reference: the largest frame gap of this page while idle, so a busy machine does not fail the test
    await startFrameGaps(page)
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1000)))
    const idle = await stopFrameGaps(page)
    // a ticker at 60 updates a minute for 10 000 clients, polled every second: seconds of work for the
    // live runs and the plot (on the page, one such task would freeze it for that long)
    await startFrameGaps(page)
    await page.locator('#lab-workload').selectOption('ticker')
    await page.getByRole('slider', { name: 'Poll interval' }).focus()
    await page.keyboard.press('Home')
    expect(await page.getByTestId('value-Poll interval').textContent()).toBe('every 1 s')
    await settled(page)
    // generous, as in hostile-values.e2e.ts: a busy machine must not fail it, a frozen page must
    expect(await stopFrameGaps(page)).toBeLessThan(Math.max(1500, 4 * idle))
    const scale = computeScale({ ...TEN_THOUSAND, workload: 'ticker', perMinute: 60, pollIntervalMs: 1000 }).measures
    for (const m of scale) expect(await cell(page, 'scale-table', 'Requests', m.technique).textContent()).toBe(formatCell(row('Requests'), m))
  })
})
