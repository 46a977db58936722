// Share links show the same thing: the link carries the lesson, the code and the step; whoever opens it
// is asked before anything runs or their own code is replaced, and then sees the same run at the same
// step. A damaged link says so; a bare step link past the end of the visitor's run says so too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { baseURL, freshPage as freshBrowserPage, launchChromium } from './support/browser.ts'
import { diagramLabels, waitForRunEnd } from './support/lesson-page.ts'
import { enterCode } from './support/solve-lesson.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const SLUG = '03-sse-first-stream'
const SHARED = "const es = new EventSource('/api/stream');\nes.onmessage = (e) => console.log('shared', e.lastEventId);\nsetTimeout(() => es.close(), 2600);"
const MINE = '// my own attempt\nconsole.log("mine")'

/** a fresh browser context whose pages do without Monaco (the plain text box is quicker to drive) */
async function freshPage(): Promise<{ page: Page; pageErrors: string[] }> {
  const opened = await freshBrowserPage(browser)
  await opened.page.context().route(/\/assets\/monaco-[^/]+\.js$/, (route) => route.abort())
  return opened
}

async function openLesson(page: Page, hash: string): Promise<void> {
  await page.goto(`${baseURL()}${hash}`)
  await page.locator('.fallback-note').waitFor({ timeout: 20_000 })
}

const status = (page: Page) => page.locator('.status').getAttribute('data-status')
const code = (page: Page) => page.getByRole('textbox', { name: 'Your code' }).inputValue()

describe('a share link', () => {
  it('carries the code and the step: the visitor is asked first, then sees the same run at that step, and can go back to their own code', async () => {
    // the sharer: their code, replayed to step 5
    const { page: sharer } = await freshPage()
    await openLesson(sharer, `#/lesson/${SLUG}`)
    await enterCode(sharer, SHARED)
    await sharer.locator('.speed select').selectOption('Infinity')
    await sharer.getByRole('button', { name: '▶ Run' }).click()
    expect(await waitForRunEnd(sharer)).toBe('finished')
    const whole = await diagramLabels(sharer)
    await sharer.goto(`${baseURL()}#/lesson/${SLUG}/step/5`)
    await expect.poll(() => diagramLabels(sharer)).toEqual(whole.slice(0, 5))
    await sharer.getByRole('button', { name: 'Share…' }).click()
    const dialog = sharer.getByTestId('share-dialog')
    await expect.poll(() => dialog.getByLabel('Open the run at step 5 (the step shown now)').isChecked()).toBe(true)
    await expect.poll(() => dialog.getByTestId('share-link').inputValue()).toMatch(new RegExp(`^${baseURL()}#/lesson/${SLUG}/step/5/code/[\\w-]+$`))
    const link = await dialog.getByTestId('share-link').inputValue()
    await dialog.getByRole('button', { name: 'Copy link' }).click()
    expect(await sharer.evaluate(() => navigator.clipboard.readText())).toBe(link)
    await sharer.context().close()

    // the visitor has code of their own for this lesson
    const { page: visitor, pageErrors } = await freshPage()
    await openLesson(visitor, `#/lesson/${SLUG}`)
    await enterCode(visitor, MINE)
    await expect.poll(() => visitor.evaluate((slug) => localStorage.getItem(`wirelab:code:${slug}`), SLUG)).toBe(MINE)
    await visitor.goto(link)
    await visitor.locator('.fallback-note').waitFor()
    const offer = visitor.getByTestId('shared-offer')
    await offer.waitFor()
    expect(await offer.locator('p').textContent()).toMatch(
      /^\s*This link shares code for this lesson \(3 lines\), to show its run at step 5\.\s+Nothing has run yet\.\s+Running it puts it in the editor in place of your code; you can go back to yours afterwards\.\s*$/,
    )
    expect(await visitor.getByTestId('shared-code').textContent()).toBe(SHARED)
    // nothing ran, and nothing of theirs was replaced
    expect(await status(visitor)).toBe('idle')
    expect(await diagramLabels(visitor)).toEqual([])
    expect(await code(visitor)).toBe(MINE)

    await offer.getByRole('button', { name: 'Replace my code and run it' }).click()
    expect(await waitForRunEnd(visitor)).toBe('finished')
    await expect.poll(() => diagramLabels(visitor)).toEqual(whole.slice(0, 5))
    expect(visitor.url()).toBe(`${baseURL()}#/lesson/${SLUG}/step/5`)
    expect(await code(visitor)).toBe(SHARED)
    await visitor.getByTestId('shared-own-code').getByRole('button', { name: 'Back to my code' }).click()
    expect(await code(visitor)).toBe(MINE)
    await expect.poll(() => visitor.evaluate((slug) => localStorage.getItem(`wirelab:code:${slug}`), SLUG)).toBe(MINE)
    expect(pageErrors).toEqual([])
    await visitor.context().close()
  })

  it('that was cut short says so and runs nothing', async () => {
    const { page } = await freshPage()
    await openLesson(page, `#/lesson/${SLUG}/step/2/code/q1ZKzs8tyM9LzSvRUUrOzyvOz0nVS87PUbJSSizKLy4pSk3OsFBIAQA`)
    const problem = page.getByTestId('shared-problem')
    await problem.waitFor()
    expect(await problem.locator('p').textContent()).toMatch(
      /^This share link is damaged \(its code cannot be (unpacked|read)\): it may have been cut short when it was copied\. Ask for the link again\.$/,
    )
    expect(await status(page)).toBe('idle')
    await page.context().close()
  })
})

describe('a bare step link', () => {
  it("past the end of the visitor's run says so, and shows the whole run instead of another step", async () => {
    const { page } = await freshPage()
    await openLesson(page, `#/lesson/${SLUG}`)
    await enterCode(page, 'console.log("short run")')
    await expect.poll(() => page.evaluate((slug) => localStorage.getItem(`wirelab:code:${slug}`), SLUG)).toBe('console.log("short run")')
    await page.goto(`${baseURL()}#/lesson/${SLUG}/step/999`)
    expect(await waitForRunEnd(page)).toBe('finished')
    const problem = page.getByTestId('step-problem')
    await problem.waitFor()
    expect(await problem.locator('p').textContent()).toMatch(
      /^The link points to step 999, but this run has only \d+ steps?: the link was made from other code \(a share link carries its code, a step link does not\)\. The whole run is shown instead\.$/,
    )
    await expect.poll(() => page.url()).toBe(`${baseURL()}#/lesson/${SLUG}`)
    await page.context().close()
  })
})
