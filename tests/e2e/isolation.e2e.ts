// Runs keep to their tab and their worker: two tabs running at once each talk to their own simulation; a
// learner's timer that throws is reported at its line while time goes on; code that closes its own worker
// is told apart from code that hangs; and a missing service worker is said, never a silent empty run.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { baseURL, freshPage, usePage } from './support/browser.ts'
import { checkStates, consoleLines, diagramLabels, openLesson, replaceCode, runToEnd, setSpeed, waitForRunEnd } from './support/lesson-page.ts'

const session = usePage()
const solution = (slug: string) => readFileSync(`lessons/${slug}/solution.js`, 'utf8')
const consoleErrors = (p: Page) => p.locator('[data-testid=console-error]').allInnerTexts()

/** open a lesson with its solution in the editor, set to start paused */
async function preparePaused(page: Page, slug: string): Promise<void> {
  await openLesson(page, slug)
  await replaceCode(page, solution(slug))
  await setSpeed(page, Infinity)
  await page.getByLabel('Start paused').check()
}

describe('runs keep to their own tab and worker', () => {
  it('two tabs in two windows run at once, each against its own simulation', async () => {
    const context = session.browser.contexts()[0] ?? (await session.browser.newContext())
    const [a, b] = [await context.newPage(), await context.newPage()]
    await preparePaused(a, '03-sse-first-stream')
    await preparePaused(b, '01-short-polling')
    // both runs are open at once: each has sent its first request before either goes on
    await a.getByRole('button', { name: '▶ Run' }).click()
    await b.getByRole('button', { name: '▶ Run' }).click()
    await expect.poll(() => diagramLabels(a)).toEqual([expect.stringMatching(/^0\.000 s: GET \/api\/stream /)])
    await expect.poll(() => diagramLabels(b)).toEqual([expect.stringMatching(/^0\.000 s: GET \/api\/messages\?since=0[ ,]/)])
    await Promise.all([a.getByRole('button', { name: '▶▶ Resume' }).click(), b.getByRole('button', { name: '▶▶ Resume' }).click()])
    expect(await Promise.all([waitForRunEnd(a), waitForRunEnd(b)])).toEqual(['finished', 'finished'])
    const [labelsA, labelsB] = [await diagramLabels(a), await diagramLabels(b)]
    // each tab's trace holds its own requests only, each answered by its own simulated server
    expect(labelsA.filter((l) => / GET /.test(l))).toEqual([expect.stringMatching(/^0\.000 s: GET \/api\/stream /)])
    expect(labelsB.filter((l) => / GET /.test(l)).length).toBeGreaterThan(5)
    expect(labelsB.filter((l) => / GET /.test(l)).every((l) => /: GET \/api\/messages\?since=\d+[ ,]/.test(l))).toBe(true)
    expect([...labelsA, ...labelsB].filter((l) => /404|204 No Content/.test(l))).toEqual([])
    expect((await checkStates(a)).map((c) => c.state)).toEqual((await checkStates(a)).map(() => 'pass'))
    expect((await checkStates(b)).map((c) => c.state)).toEqual((await checkStates(b)).map(() => 'pass'))
    expect((await consoleLines(b)).map((l) => l.replace(/^[\d.]+ s /, ''))).toEqual([
      'Ada: Lunch at noon?',
      'Grace: The build is green.',
      'Ada: Bring the slides.',
      'Linus: Merged, thanks!',
    ])
    expect((await consoleLines(a)).length).toBeGreaterThanOrEqual(3)
    await Promise.all([a.close(), b.close()])
  })

  it('an error thrown in a timer is reported at its line, and later timers still run', async () => {
    const { page } = session
    await openLesson(page, '03-sse-first-stream')
    await setSpeed(page, 4)
    await replaceCode(
      page,
      [
        "setTimeout(() => { throw new Error('boom') }, 500)",
        "setTimeout(() => console.log('later'), 1000)",
        'let n = 0',
        'const id = setInterval(() => { if (++n === 3) clearInterval(id); null.x }, 300)',
      ].join('\n'),
    )
    expect(await runToEnd(page)).toBe('finished')
    expect(await consoleLines(page)).toEqual(['1.000 s later'])
    const errors = await consoleErrors(page)
    expect(errors).toHaveLength(4)
    expect(errors[0]).toMatch(/^0\.300 s\s+Uncaught TypeError: Cannot read properties of null \(reading 'x'\) \(line 4, column \d+\)$/)
    expect(errors[1]).toMatch(/^0\.500 s\s+Uncaught Error: boom \(line 1, column 26\)$/)
    expect(errors[2]).toMatch(/^0\.600 s\s+Uncaught TypeError/)
    expect(errors[3]).toMatch(/^0\.900 s\s+Uncaught TypeError/)
    expect(errors.join('\n')).not.toContain('without pausing')
  })

  it('code that closes its own worker is told so, not called hung', async () => {
    const { page } = session
    await openLesson(page, '03-sse-first-stream')
    await setSpeed(page, 4)
    await replaceCode(page, "console.log('bye')\nsetTimeout(() => close(), 500)")
    expect(await runToEnd(page)).toBe('error')
    const [error] = await consoleErrors(page)
    expect(error).toMatch(/^0\.500 s\s+Your code called close\(\), which stops the worker your code runs in, so the run ended here\./)
    expect(error).not.toContain('without pausing')
  })

  it('says so when the service worker is gone (site data cleared), instead of an empty run', async () => {
    const { page } = await freshPage(session.browser)
    await openLesson(page, '03-sse-first-stream')
    await setSpeed(page, Infinity)
    expect(await runToEnd(page)).toBe('finished')
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseURL()).origin, storageTypes: 'all' })
    await page.getByRole('button', { name: '▶ Run' }).click()
    expect(await waitForRunEnd(page)).toBe('error')
    const banner = page.locator('.banner.error')
    await banner.waitFor()
    expect(await banner.textContent()).toMatch(/service worker.*Reload the page/)
    expect(await diagramLabels(page)).toEqual([])
    await page.context().close()
  })
})
