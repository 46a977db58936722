// Replay of a finished run: the same cursor drives the diagram, the timeline, the caption and the
// address; the keyboard works; a link to a step opens at that step.
import { afterEach, describe, expect, it } from 'vitest'
import { baseURL, closeFreshPages, freshPage, usePage } from './support/browser.ts'
import { diagramLabels, openLesson, runToEnd, setSpeed, waitForRunEnd } from './support/lesson-page.ts'

const session = usePage()
afterEach(closeFreshPages)
const caption = () => session.page.getByTestId('caption').textContent()
const position = () => session.page.getByTestId('replay-position').textContent()

describe('replaying a run', () => {
  it('steps back and forth with the keyboard; diagram, caption and address follow the cursor', async () => {
    const { page } = session
    await openLesson(page, '02-long-polling')
    await setSpeed(page, Infinity)
    expect(await page.locator('.replay-hint').textContent()).toContain('Run your code: then you can replay it step by step')
    expect(await runToEnd(page)).toBe('finished')
    const all = await diagramLabels(page)
    expect(await position()).toBe(`${all.length} / ${all.length}`)
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Home')
    expect(await position()).toBe(`0 / ${all.length}`)
    expect(await caption()).toBe('Start of the run: nothing has been sent yet.')
    expect(await diagramLabels(page)).toEqual([])
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    expect(await diagramLabels(page)).toEqual(all.slice(0, 2))
    expect(await caption()).toBe(`${all[1]!.split(':')[0]} — The server answers 200 OK.`)
    await expect.poll(() => page.url()).toMatch(/#\/lesson\/02-long-polling\/step\/2$/)
    await page.keyboard.press('ArrowLeft')
    const [, target] = /^0\.000 s: GET (\S+)/.exec(all[0]!)!
    expect(await caption()).toBe(`0.000 s — The client sends GET ${target}.`)
    await page.keyboard.press('End')
    expect(await diagramLabels(page)).toEqual(all)
    // this lesson leaves out the Output pane (front matter: panes)
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Console', 'Events', 'Inspector'])
  })

  it('plays to the end by itself, and the scrub bar jumps', async () => {
    const { page } = session
    await openLesson(page, '02-long-polling')
    await setSpeed(page, Infinity)
    expect(await runToEnd(page)).toBe('finished')
    await page.getByRole('button', { name: 'First step (Home)' }).click()
    await page.getByRole('combobox', { name: 'Replay speed' }).selectOption('4')
    await page.getByRole('button', { name: 'Play replay (Space)' }).click()
    const total = (await position())!.split(' / ')[1]
    // real time is the subject here: at 4× the replay takes a step every 150 ms; allow several times that
    await expect.poll(position, { timeout: 10_000 + 4 * 150 * Number(total) }).toBe(`${total} / ${total}`)
    await page.getByRole('slider', { name: 'Replay position' }).fill('3')
    expect(await position()).toBe(`3 / ${total}`)
    expect((await diagramLabels(page)).length).toBe(3)
  })

  it('a link to a step makes the run again and opens at that step', async () => {
    // a fresh load of the link (not a hash change on the open page), in a page of its own (see
    // sessionForNextTest in support/browser.ts for why not in the shared page)
    const { page } = await freshPage(session.browser)
    const position = () => page.getByTestId('replay-position').textContent()
    const caption = () => page.getByTestId('caption').textContent()
    await page.goto(`${baseURL()}#/lesson/02-long-polling/step/4`)
    expect(await waitForRunEnd(page)).toBe('finished')
    await expect.poll(position).toMatch(/^4 \/ \d+$/)
    expect((await diagramLabels(page)).length).toBe(4)
    expect(await caption()).toMatch(/^\d+\.\d{3} s — /)
  })
})

describe('exporting a run', () => {
  it('copies Mermaid text, saves trace JSON, and the saved trace opens again for replay', async () => {
    const { page } = session
    await openLesson(page, '03-sse-first-stream')
    await setSpeed(page, Infinity)
    expect(await runToEnd(page)).toBe('finished')
    const diagram = await diagramLabels(page)
    await page.getByText('Export / open').click()
    await page.getByRole('button', { name: 'Copy as Mermaid' }).click()
    await expect.poll(() => page.getByTestId('export-status').textContent()).toBe('Mermaid text copied.')
    const mermaid = await page.evaluate(() => navigator.clipboard.readText())
    expect(mermaid.split('\n').slice(0, 4)).toEqual([
      'sequenceDiagram',
      '    participant P0 as Client (your code)',
      '    participant P1 as Server (simulated)',
      '    P0->>P1: 0.000 s GET /api/stream — Accept: text/event-stream',
    ])
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Trace JSON' }).click()])
    expect(download.suggestedFilename()).toBe('03-sse-first-stream-trace.json')
    const file = await download.path()
    // a fresh page opens the file and replays the same run
    await page.reload()
    await page.locator('.monaco-editor .view-lines').waitFor()
    await page.getByRole('button', { name: 'Open a trace…' }).click()
    await page.getByText('Export / open').click()
    await page.getByLabel('Open a trace…').setInputFiles(file)
    await expect.poll(() => page.locator('.status').textContent()).toBe('Replaying an opened trace')
    expect(await position()).toBe(`0 / ${diagram.length}`)
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('End')
    expect(await diagramLabels(page)).toEqual(diagram)
  })
})

describe('the event list', () => {
  it('filters by kind, direction, connection and text, and a row opens the inspector', async () => {
    const { page } = session
    await openLesson(page, '07-choosing-the-right-tool')
    await setSpeed(page, Infinity)
    expect(await runToEnd(page)).toBe('finished')
    await page.getByRole('tab', { name: 'Events' }).click()
    const count = () => page.getByTestId('event-count').textContent()
    // the filters by their labels, within the event list (the lesson's questions have labels too)
    const filters = page.getByRole('search', { name: 'Filter events' })
    const total = Number((await count())!.split(' of ')[1])
    expect(total).toBeGreaterThan(100)
    await filters.getByLabel('Kind').selectOption('problems')
    await expect.poll(count).toMatch(/^\d+ of /)
    const rows = () => page.getByTestId('event-row').allInnerTexts()
    expect((await rows()).some((r) => r.includes('⚡ fault'))).toBe(true)
    await filters.getByLabel('Kind').selectOption('all')
    await filters.getByLabel('Direction').selectOption('up')
    await filters.getByLabel('Search').fill('/api/score')
    const score = await rows()
    expect(score.length).toBeGreaterThan(30)
    expect(score.every((r) => r.includes('GET /api/score'))).toBe(true)
    await page.getByTestId('event-row').first().click()
    await expect.poll(() => page.getByTestId('wire-text').textContent()).toMatch(/^GET \/api\/score HTTP\/1\.1\r\n/)
    // back in the list, the filters are as they were
    await page.getByRole('tab', { name: 'Events' }).click()
    expect(await filters.getByLabel('Search').inputValue()).toBe('/api/score')
  })
})

describe('the network timeline', () => {
  it('zooms in on the time axis and pans by scrolling; Fit shows the whole run again', async () => {
    const { page } = session
    await openLesson(page, '01-short-polling')
    await setSpeed(page, Infinity)
    expect(await runToEnd(page)).toBe('finished')
    const svg = page.locator('svg[aria-label="Network timeline"]')
    const width = () => svg.evaluate((el) => el.getBoundingClientRect().width)
    const axis = () => svg.locator('text.axis').allTextContents()
    const before = await width()
    const coarse = await axis()
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await page.getByRole('button', { name: 'Zoom in' }).click()
    expect(await page.getByTestId('timeline-zoom').textContent()).toBe('4×')
    expect(Math.round(await width())).toBe(Math.round(before * 4))
    expect((await axis()).length).toBeGreaterThan(coarse.length)
    const frame = page.getByRole('region', { name: 'Network timeline, scrollable when zoomed' })
    await frame.evaluate((el) => (el.scrollLeft = 300))
    expect(await frame.evaluate((el) => el.scrollLeft)).toBe(300)
    await page.getByRole('button', { name: 'Fit' }).click()
    expect(Math.round(await width())).toBe(Math.round(before))
  })
})
